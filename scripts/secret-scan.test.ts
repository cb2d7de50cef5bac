// Proves that the keys a run used (canaries set by scripts/self-test.sh) appear in none of
// its outputs: Allure results and report, Playwright traces, HTML report, test results, the evidence
// pack (the xlsx is a ZIP and is opened entry by entry; the PDF is searched in its text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findInOutputs, findSecrets, findSecretsInPdfs, listFiles } from '../lib/evidence/secret-scan.ts';
import { redactCardData } from '../lib/evidence/trace-redaction.ts';

const canaries = (process.env.SECRET_CANARIES ?? '').split(',').filter(Boolean);

test('canary keys were given', () => {
  assert.ok(canaries.length > 0 && canaries.every((c) => c.length >= 16), 'SECRET_CANARIES must list the keys the run used');
});

test('the run produced outputs to scan, traces included', () => {
  for (const dir of ['reports/allure-results', 'reports/allure-report', 'playwright-report']) assert.ok(listFiles(dir).length > 0, `${dir} is empty`);
  const pack = listFiles('reports').filter((file) => /\/evidence-[^/]+\//.test(file));
  for (const file of ['report.html', 'piano-di-test.xlsx', 'piano-di-test.md', 'sintesi.pdf', 'esecuzione.json'])
    assert.ok(
      pack.some((f) => f.endsWith(`/${file}`)),
      `the evidence pack holds ${file}`,
    );
  assert.ok(
    listFiles('test-results').some((f) => f.endsWith('trace.zip')),
    'no Playwright trace to scan (run with --trace on)',
  );
});

test('no canary key in any output file', () => {
  const { scanned, leaks } = findSecrets(['reports', 'test-results', 'playwright-report'], canaries);
  assert.ok(scanned > 0);
  assert.deepEqual(leaks, []);
});

test('no canary key in the text of any PDF (the evidence summary)', async () => {
  const { scanned, leaks } = await findSecretsInPdfs(
    ['reports'],
    [...canaries, process.env.CARD_CVV_CANARY ?? ''].filter((c) => c.length >= 8),
  );
  assert.ok(scanned > 0, 'the evidence pack has a PDF to scan');
  assert.deepEqual(leaks, []);
});

test('no canary security code where outputs keep typed or sent values', () => {
  const cvv = process.env.CARD_CVV_CANARY ?? '';
  assert.match(cvv, /^\d{3,4}$/, 'CARD_CVV_CANARY must be the CVV the run used');
  // Too short to search blindly: looked for as a value in call arguments, DOM snapshots and bodies.
  const leaks = findInOutputs(['reports', 'test-results', 'playwright-report'], (text) => redactCardData(text, { number: '', cvv }) !== text);
  assert.deepEqual(leaks, []);
});
