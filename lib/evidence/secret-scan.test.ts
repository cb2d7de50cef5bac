import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { chromium } from '@playwright/test';
import { resolveChromium } from '../browser.ts';
import { findInOutputs, findSecrets, findSecretsInPdfs } from './secret-scan.ts';
import { writePlanXlsx } from './pack/plan-xlsx.ts';
import { writeSummaryPdf } from './pack/summary-pdf.ts';
import { extractPdfText } from './pack/pdf-text.ts';
import { sampleExecution } from './pack/sample-execution.ts';

const SECRET = '5ec4e7c0ffee5ec4e7c0ffee5ec4e7c0';

test('finds a secret in a plain file and inside a compressed ZIP entry, and nothing in clean files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'clean.json'), '{"key":"***REDACTED***"}');
  writeFileSync(join(dir, 'nested', 'leak.txt'), `header ${SECRET}`);
  writeFileSync(join(dir, 'trace.zip'), zipSync({ 'trace.trace': strToU8(`{"x":"${SECRET}"}`.repeat(50)) }, { level: 9 }));
  writeFileSync(join(dir, 'clean.zip'), zipSync({ 'a.txt': strToU8('nothing here'.repeat(50)) }, { level: 9 }));
  const result = findSecrets([dir, join(dir, 'missing')], [SECRET]);
  assert.equal(result.scanned, 4);
  assert.deepEqual(result.leaks.sort(), [join(dir, 'nested', 'leak.txt'), `${join(dir, 'trace.zip')}!trace.trace`]);
});

test('findInOutputs applies a predicate to files and ZIP entries, and skips images', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  writeFileSync(join(dir, 'snapshot.json'), '{"__playwright_value_":"4321"}');
  writeFileSync(join(dir, 'shot.png'), '{"__playwright_value_":"4321"}');
  writeFileSync(join(dir, 'trace.zip'), zipSync({ 'test.trace': strToU8('{"params":{"value":"4321"}}'), 'b.txt': strToU8('clean') }));
  const found = findInOutputs([dir], (text) => /"(value|__playwright_value_)":"4321"/.test(text));
  assert.deepEqual(found.sort(), [join(dir, 'snapshot.json'), `${join(dir, 'trace.zip')}!test.trace`].sort());
});

// The evidence pack: the plan's .xlsx is a ZIP (findSecrets opens its entries), the summary is a PDF
// whose text streams are compressed (findSecretsInPdfs reads its text).
const CANARY = 'CANARY-7f3e9a1c5b2d4e6f8a0b';

test('a secret written into a cell of the plan spreadsheet is found inside the xlsx entries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-xlsx-'));
  await writePlanXlsx(sampleExecution({ owner: CANARY }), join(dir, 'leak.xlsx'));
  await writePlanXlsx(sampleExecution(), join(dir, 'clean.xlsx'));
  const result = findSecrets([dir], [CANARY]);
  assert.equal(result.scanned, 2);
  assert.ok(result.leaks.length > 0, 'found');
  assert.ok(
    result.leaks.every((leak) => leak.startsWith(`${join(dir, 'leak.xlsx')}!xl/`)),
    result.leaks.join(', '),
  );
});

test('findSecretsInPdfs finds a secret in the text of a PDF, even when the layout breaks it across lines', async () => {
  const browser = resolveChromium({ playwrightExecutable: chromium.executablePath() });
  const options = { executablePath: browser.executablePath, args: browser.args };
  const dir = mkdtempSync(join(tmpdir(), 'scan-pdf-'));
  mkdirSync(join(dir, 'nested'));
  const long = `${CANARY}${'0123456789abcdef'.repeat(8)}`;
  await writeSummaryPdf(sampleExecution({ owner: CANARY }), join(dir, 'leak.pdf'), options);
  await writeSummaryPdf(sampleExecution({ owner: long }), join(dir, 'nested', 'wrapped.PDF'), options);
  await writeSummaryPdf(sampleExecution(), join(dir, 'clean.pdf'), options);
  writeFileSync(join(dir, 'notes.txt'), 'not a pdf');
  // The PDF bytes do not hold the canary (compressed streams): a byte search would miss it.
  assert.deepEqual(findSecrets([dir], [CANARY]).leaks, []);
  // The long token is broken by the layout: only the whitespace-free search finds it.
  const wrapped = await extractPdfText(new Uint8Array(readFileSync(join(dir, 'nested', 'wrapped.PDF'))));
  assert.ok(!wrapped.includes(long) && wrapped.replace(/\s+/g, '').includes(long), 'the token is wrapped');
  const result = await findSecretsInPdfs([dir], [CANARY, long, 'short']);
  assert.equal(result.scanned, 3);
  assert.deepEqual(result.leaks.sort(), [join(dir, 'leak.pdf'), join(dir, 'nested', 'wrapped.PDF')].sort());
  const cleanDir = mkdtempSync(join(tmpdir(), 'scan-pdf-clean-'));
  writeFileSync(join(cleanDir, 'sintesi.pdf'), readFileSync(join(dir, 'clean.pdf')));
  assert.deepEqual(await findSecretsInPdfs([cleanDir], [CANARY, long]), { scanned: 1, leaks: [] });
});

test('findSecretsInPdfs reports a PDF it cannot read instead of passing it as clean', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-pdf-'));
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7 this is not a PDF');
  const result = await findSecretsInPdfs([dir], [CANARY]);
  assert.equal(result.scanned, 1);
  assert.equal(result.leaks.length, 1);
  assert.match(result.leaks[0]!, /broken\.pdf \(illeggibile: /);
});
