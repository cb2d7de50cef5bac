// The evidence pack of the self-test's run, read back (scripts/self-test.sh runs `npm run evidence`
// after the suite): five files; every catalogue case exactly once with the outcome of Playwright's
// JSON report; the Markdown, the PDF's text and report.html (opened in Chromium: the tree reads
// onboarding step → area → case, in Italian); report.html small enough to attach to a ticket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium } from '@playwright/test';
import type { JSONReport } from '@playwright/test/reporter';
import { AREAS, CATALOGUE, ONBOARDING_STEPS, caseIdOfTitle } from '../lib/catalogue.ts';
import { resolveChromium } from '../lib/browser.ts';
import { PACK_FILES } from '../lib/evidence/pack.ts';
import { testRuns } from '../lib/evidence/build-execution.ts';
import { EXCHANGE_ATTACHMENT } from '../lib/evidence/exchange-evidence.ts';
import { extractPdfText } from '../lib/evidence/pack/pdf-text.ts';
import type { Execution, Outcome } from '../lib/evidence/execution.ts';

const REPORT_LIMIT_BYTES = 10 * 1000 * 1000;
const packs = readdirSync('reports').filter((name) => name.startsWith('evidence-sandbox-'));
const dir = join('reports', packs.sort().at(-1) ?? 'missing');
const execution = JSON.parse(readFileSync(join(dir, 'esecuzione.json'), 'utf8')) as Execution;
const report = JSON.parse(readFileSync('reports/playwright-results.json', 'utf8')) as JSONReport;

/** Playwright's own verdict of each case, in the plan's words. */
function playwrightOutcomes(): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  for (const run of testRuns(report)) {
    const id = caseIdOfTitle(run.spec.title);
    if (!id) continue;
    const status = run.test.status;
    outcomes.set(id, status === 'expected' || status === 'flaky' ? 'Superato' : status === 'skipped' ? 'Non eseguito' : 'Non superato');
  }
  return outcomes;
}

test('the pack holds its five files, named after target, EC and the run time', () => {
  assert.equal(packs.length, 1, `one pack in reports/: ${packs.join(', ')}`);
  assert.match(dir, new RegExp(`evidence-sandbox-${execution.environment.ecFiscalCode}-\\d{8}-\\d{4}$`));
  for (const file of PACK_FILES) assert.ok(statSync(join(dir, file)).size > 0, file);
});

test('report.html is small enough to attach to a ticket (≤ 10 MB on the default run)', () => {
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  // The self-test keeps every trace (TRACE_MODE=on); the default run keeps only failures' traces, and
  // this run has none: the default run's report is this one without its embedded trace archives.
  const traces = [...html.matchAll(/d\("[^"]+\.zip","[^"]*"\)/g)].reduce((sum, [entry]) => sum + entry.length, 0);
  const size = Buffer.byteLength(html) - (process.env.TRACE_MODE === 'on' ? traces : 0);
  console.log(`report.html: ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB, ${(size / 1e6).toFixed(2)} MB as on the default run`);
  assert.ok(size <= REPORT_LIMIT_BYTES, `${size} bytes`);
});

test("esecuzione.json: every catalogue case once, outcomes equal to Playwright's JSON report", () => {
  assert.deepEqual(
    execution.cases.map((c) => c.id),
    CATALOGUE.map((c) => c.id),
  );
  const outcomes = playwrightOutcomes();
  for (const c of execution.cases) assert.equal(c.outcome, outcomes.get(c.id) ?? 'Non eseguito', c.id);
  assert.equal(execution.verdict.outcome, 'Superato', `mandatory not passed: ${execution.verdict.mandatoryNotPassed.join(', ')}`);
  const api = execution.cases.find((c) => c.id === 'GPD-CRE-01')!;
  assert.ok(api.requestIds.length >= 1 && /^report.html#[0-9a-f]{32}$/.test(api.reportLink ?? ''), 'request ids and the report link of an API case');
});

test('piano-di-test.xlsx: every case once, outcome as esecuzione.json, frozen header and filters', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, 'piano-di-test.xlsx'));
  assert.deepEqual(
    book.worksheets.map((sheet) => sheet.name),
    ['Copertina', 'Piano di test'],
  );
  const sheet = book.getWorksheet('Piano di test')!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const ids: string[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const id = String(row.getCell(header.indexOf('ID')).value);
    ids.push(id);
    assert.equal(String(row.getCell(header.indexOf('Esito ottenuto')).value), execution.cases.find((c) => c.id === id)?.outcome, id);
  });
  assert.deepEqual(
    ids,
    CATALOGUE.map((c) => c.id),
  );
  assert.equal(sheet.views[0]?.state, 'frozen');
  assert.ok(sheet.autoFilter, 'filters on the header');
  const cover = JSON.stringify(book.getWorksheet('Copertina')!.getSheetValues());
  for (const fingerprint of Object.values(execution.environment.keyFingerprints)) assert.ok(cover.includes(fingerprint), 'key fingerprints on the cover');
});

test('piano-di-test.md: the verdict, and one row per case with its outcome', () => {
  const md = readFileSync(join(dir, 'piano-di-test.md'), 'utf8');
  assert.match(md, /Esito complessivo: \*\*Superato\*\*/);
  for (const c of execution.cases) {
    const row = md.split('\n').find((line) => line.startsWith(`| ${c.id} |`));
    assert.ok(row, `${c.id} has a row`);
    assert.ok(row.includes(`| ${c.outcome} |`), `${c.id}: ${c.outcome}`);
  }
});

test('sintesi.pdf: its text names the EC, the verdict and the onboarding steps', async () => {
  const text = await extractPdfText(readFileSync(join(dir, 'sintesi.pdf')));
  assert.ok(text.includes(execution.environment.ecFiscalCode));
  assert.match(text, /Superato/);
  for (const step of new Set(execution.cases.map((c) => c.onboardingStep))) assert.match(text, new RegExp(`Passo ${step}`));
});

/** The JSON files embedded in the single-file report. */
function embedded(html: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, name, data] of html.matchAll(/d\("([^"]+)","([^"]*)"\)/g)) files.set(name!, Buffer.from(data!, 'base64').toString('utf8'));
  return files;
}

test('no API call evidence outside its step, and no Playwright-reporter labels in the report', () => {
  for (const file of readdirSync('reports/allure-results').filter((name) => name.endsWith('-result.json'))) {
    const result = JSON.parse(readFileSync(join('reports/allure-results', file), 'utf8')) as { name: string; attachments: Array<{ name: string }> };
    const stray = result.attachments.filter((a) => a.name === EXCHANGE_ATTACHMENT);
    assert.deepEqual(stray, [], `${result.name}: exchange attachments at the test's root`);
  }
  const results = [...embedded(readFileSync(join(dir, 'report.html'), 'utf8')).entries()].filter(([name]) => name.startsWith('data/test-results/'));
  assert.ok(results.length >= CATALOGUE.length);
  for (const [, json] of results) {
    const labels = (JSON.parse(json) as { labels: Array<{ name: string }> }).labels.map((l) => l.name);
    for (const noise of ['host', 'thread', 'language', 'framework', 'package']) assert.ok(!labels.includes(noise), noise);
  }
});

test('report.html in Chromium: the tree reads onboarding step → area → case, in Italian', async () => {
  const choice = resolveChromium({ playwrightExecutable: chromium.executablePath() });
  const browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    const step = ONBOARDING_STEPS[6].it;
    // The single file holds every result and, with TRACE_MODE=on, every trace (15 MB): on a busy 2-core machine the
    // viewer once took more than 20 s to draw its tree (a CI run; 2 s otherwise).
    await page.getByText(step, { exact: true }).first().click({ timeout: 90_000 });
    const area = AREAS['GPD-CRE'].it;
    await page.getByText(area, { exact: true }).first().click();
    const entry = CATALOGUE.find((c) => c.id === 'GPD-CRE-01')!;
    await page.getByText(`${entry.id} ${entry.title.it}`).first().waitFor();
    // Italian UI (reportLanguage 'it'), not Allure's English.
    assert.match(await page.locator('body').innerText(), /Risultati/);
    // The plan's link into the report opens the case's page.
    const link = execution.cases.find((c) => c.id === 'GPD-CRE-02')!.reportLink!;
    await page.goto(`${pathToFileURL(join(dir, 'report.html')).href}${link.slice('report.html'.length)}`);
    const title = CATALOGUE.find((c) => c.id === 'GPD-CRE-02')!.title.it;
    await page.getByText(`GPD-CRE-02 ${title}`).first().waitFor();
    // Allure renders the description in a frame of its own.
    await page.frameLocator('iframe').first().getByText('Esito atteso / Expected result').waitFor();
  } finally {
    await browser.close();
  }
});
