import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { resolveChromium } from '../../browser.ts';
import type { Execution } from '../execution.ts';
import { extractPdfPages, extractPdfText } from './pdf-text.ts';
import { escapeHtml, summaryHtml, writeSummaryPdf } from './summary-pdf.ts';
import { largeExecution, passingExecution, sampleExecution } from './sample-execution.ts';

const browser = resolveChromium({ playwrightExecutable: chromium.executablePath() });

async function pdfOf(execution: Execution): Promise<{ text: string; pages: string[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'summary-pdf-')), 'sintesi.pdf');
  await writeSummaryPdf(execution, file, { executablePath: browser.executablePath, args: browser.args });
  const data = new Uint8Array(readFileSync(file));
  assert.equal(Buffer.from(data.subarray(0, 5)).toString(), '%PDF-');
  return { text: await extractPdfText(data), pages: await extractPdfPages(data) };
}

/** Whitespace-insensitive: PDF text may break or join lines where the layout wrapped. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

test('the HTML escapes every inserted value and loads nothing from outside', () => {
  const execution = sampleExecution({ owner: '<img src=x onerror=alert(1)> & "Rossi"' });
  execution.cases[3]!.note = '</td><script>alert(1)</script>';
  const html = summaryHtml(execution);
  assert.ok(!html.includes('<img src=x'), 'owner escaped');
  assert.ok(!html.includes('<script>'), 'note escaped');
  assert.ok(html.includes(escapeHtml('<img src=x onerror=alert(1)> & "Rossi"')));
  assert.ok(html.includes('&lt;/td&gt;&lt;script&gt;'));
  assert.doesNotMatch(summaryHtml(sampleExecution()), /\b(src|href)=|url\(|@import|<script/i, 'self-contained');
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('the PDF holds the EC, the verdict, every mandatory case not passed, environment problems apart; 1-2 pages', async () => {
  const execution = sampleExecution();
  const { text, pages } = await pdfOf(execution);
  assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
  const flat = squash(text);
  assert.ok(flat.includes('77777777777'), 'EC fiscal code');
  assert.ok(flat.includes(squash('Esito complessivo: Non superato')), 'verdict');
  for (const id of execution.verdict.mandatoryNotPassed) assert.ok(flat.includes(id), id);
  assert.ok(flat.includes(squash('Timeout di Checkout dopo 3 tentativi (503)')), 'the note of the environment problem');
  assert.ok(flat.includes(squash('Mario Rossi <mario.rossi@example.it>')), 'owner, unescaped in the rendered text');
  assert.ok(flat.includes('sha256:3f1c9a0b7e2d4c6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f'), 'fingerprint');
  // Environment problems are a section of their own, after the non-conformances, and PAY-01 is in it, not among them.
  const nonConformances = flat.indexOf('Nonconformità');
  const environment = flat.indexOf('Problemidiambiente');
  assert.ok(nonConformances > 0 && environment > nonConformances, 'both sections, in order');
  const between = flat.slice(nonConformances, environment);
  assert.ok(between.includes('GPD-CRE-02') && between.includes('PAY-02'), 'non-conformances (suite defects are Non superato)');
  assert.ok(!between.includes('PAY-01'), 'the environment problem is not a non-conformance');
  assert.ok(flat.slice(environment).includes('PAY-01'));
});

test('a passing run says Superato (browser resolved by writeSummaryPdf itself, no options)', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'summary-pdf-')), 'sintesi.pdf');
  await writeSummaryPdf(passingExecution(), file);
  const text = await extractPdfText(new Uint8Array(readFileSync(file)));
  assert.ok(squash(text).includes(squash('Esito complessivo: Superato')));
  assert.ok(!squash(text).includes(squash('Esito complessivo: Non superato')));
});

test('an 80-case run still fits in two pages and lists every mandatory case not passed', async () => {
  const execution = largeExecution(80);
  assert.ok(execution.verdict.mandatoryNotPassed.length >= 20, 'a heavy failure list');
  const { text, pages } = await pdfOf(execution);
  assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
  const flat = squash(text);
  for (const id of execution.verdict.mandatoryNotPassed) assert.ok(flat.includes(id), id);
});

test('even with every one of 80 cases not passed, the summary stays within two pages and names every one', async () => {
  const execution = largeExecution(80, ['nonconformance', 'environment', 'not-run', 'suite-defect']);
  assert.equal(execution.verdict.mandatoryNotPassed.length, 80);
  const { text, pages } = await pdfOf(execution);
  assert.ok(pages.length >= 1 && pages.length <= 2, `${pages.length} pages`);
  const flat = squash(text);
  for (const id of execution.verdict.mandatoryNotPassed) assert.ok(flat.includes(id), id);
});
