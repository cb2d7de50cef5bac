// The Allure side of the pack on hand-written results: verdicts applied as statuses and labels, the
// Italian categories, the quality gate on the mandatory cases, the history carried in a JSONL file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allureTestResultId, generateReport, prepareAllureResults, RUN_SUITE } from './allure-report.ts';
import type { Verdict } from './execution.ts';

interface Result {
  uuid: string;
  name: string;
  status: string;
  statusDetails?: { message?: string };
  labels: Array<{ name: string; value: string }>;
}

function results(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const write = (r: Result) =>
    writeFileSync(join(dir, `${r.uuid}-result.json`), JSON.stringify({ ...r, start: 1_000, stop: 2_000, stage: 'finished', steps: [] }));
  const caseResult = (uuid: string, id: string, status: string, mandatory: string, message?: string): Result => ({
    uuid,
    name: `${id} titolo`,
    status,
    statusDetails: message ? { message } : {},
    labels: [
      { name: 'caseId', value: id },
      { name: 'obbligatorio', value: mandatory },
      { name: 'parentSuite', value: 'Passo 6 — Test delle funzionalità principali' },
      { name: 'suite', value: 'Creazione posizione debitoria' },
    ],
  });
  write(caseResult('00000000-0000-4000-8000-000000000001', 'GPD-CRE-01', 'passed', 'Sì'));
  write(caseResult('00000000-0000-4000-8000-000000000002', 'GPD-CRE-02', 'failed', 'Sì', 'Problema di ambiente / Environment problem: no response'));
  write(caseResult('00000000-0000-4000-8000-000000000003', 'GPD-CRE-03', 'failed', 'Sì', 'expect(received).toBe(expected)'));
  write(caseResult('00000000-0000-4000-8000-000000000004', 'BLK-01', 'failed', 'No', 'expect(received).toBe(expected)'));
  write({
    uuid: '00000000-0000-4000-8000-000000000005',
    name: 'configuration (.env) is complete and valid',
    status: 'passed',
    labels: [{ name: 'parentSuite', value: 'setup' }],
  });
}

const VERDICTS = new Map<string, Verdict>([
  ['GPD-CRE-01', 'passed'],
  ['GPD-CRE-02', 'environment'],
  ['GPD-CRE-03', 'nonconformance'],
  ['BLK-01', 'nonconformance'],
]);

const read = (dir: string, uuid: string) => JSON.parse(readFileSync(join(dir, `${uuid}-result.json`), 'utf8')) as Result;
const label = (r: Result, name: string) => r.labels.filter((l) => l.name === name).map((l) => l.value);

/** The JSON files embedded in the single-file report. */
function embedded(html: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, name, data] of html.matchAll(/d\("([^"]+)","([^"]*)"\)/g)) files.set(name!, Buffer.from(data!, 'base64').toString('utf8'));
  return files;
}

test('prepared results carry the verdict: environment → broken, non-conformance → failed, esito label; set-up apart', () => {
  const root = mkdtempSync(join(tmpdir(), 'allure-prep-'));
  results(join(root, 'in'));
  const ids = prepareAllureResults(join(root, 'in'), join(root, 'out'), VERDICTS);
  const out = join(root, 'out');
  assert.equal(read(out, '00000000-0000-4000-8000-000000000002').status, 'broken');
  assert.deepEqual(label(read(out, '00000000-0000-4000-8000-000000000002'), 'esito'), ['Problema di ambiente']);
  assert.equal(read(out, '00000000-0000-4000-8000-000000000003').status, 'failed');
  assert.equal(read(out, '00000000-0000-4000-8000-000000000001').status, 'passed');
  const setup = read(out, '00000000-0000-4000-8000-000000000005');
  assert.deepEqual(label(setup, 'parentSuite'), [RUN_SUITE]);
  assert.deepEqual(label(setup, 'suite'), ['setup']);
  assert.equal(ids.get('GPD-CRE-01'), allureTestResultId('00000000-0000-4000-8000-000000000001'));
  assert.equal(read(join(root, 'in'), '00000000-0000-4000-8000-000000000002').status, 'failed', "the run's own results are left as they are");
});

test("fixture steps that passed and hold nothing leave the report's tree; a fixture with calls, or that failed, stays", () => {
  const root = mkdtempSync(join(tmpdir(), 'allure-fixtures-'));
  const dir = join(root, 'in');
  mkdirSync(dir, { recursive: true });
  const step = (name: string, status: string, steps: unknown[] = [], attachments: unknown[] = []) => ({ name, status, steps, attachments });
  const uuid = '00000000-0000-4000-8000-0000000000f1';
  writeFileSync(
    join(dir, `${uuid}-result.json`),
    JSON.stringify({
      uuid,
      name: 'GPD-CRE-01 titolo',
      status: 'passed',
      labels: [],
      steps: [
        step('Before Hooks', 'passed', [step('Fixture "config"', 'passed'), step('Fixture "page"', 'passed', [step('Fixture "context"', 'passed')])]),
        step('Expect "toHaveStatus"', 'passed'),
        step('After Hooks', 'passed', [
          step('Fixture "debt positions (removed after the test)"', 'passed', [
            step('DELETE /debtpositions/X → 200', 'passed', [], [{ name: 'exchange.json' }]),
          ]),
          step('Fixture "uploads"', 'failed'),
        ]),
      ],
    }),
  );
  prepareAllureResults(dir, join(root, 'out'), new Map());
  const names = (nodes: Array<{ name: string; steps: unknown[] }>): unknown[] =>
    nodes.map((n) => (n.steps.length ? { [n.name]: names(n.steps as typeof nodes) } : n.name));
  const out = JSON.parse(readFileSync(join(root, 'out', `${uuid}-result.json`), 'utf8'));
  assert.deepEqual(names(out.steps), [
    'Before Hooks',
    'Expect "toHaveStatus"',
    { 'After Hooks': [{ 'Fixture "debt positions (removed after the test)"': ['DELETE /debtpositions/X → 200'] }, 'Fixture "uploads"'] },
  ]);
});

test('the report: categories in Italian, the quality gate fails on the mandatory cases only, history across two runs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'allure-report-'));
  results(join(root, 'in'));
  prepareAllureResults(join(root, 'in'), join(root, 'out'), VERDICTS);
  const history = join(root, 'history.jsonl');
  const file = join(root, 'report.html');
  await generateReport({ resultsDir: join(root, 'out'), file, name: 'Piano di test — prova', historyPath: history });
  await generateReport({ resultsDir: join(root, 'out'), file, name: 'Piano di test — prova', historyPath: history });
  assert.ok(existsSync(file));
  const files = embedded(readFileSync(file, 'utf8'));
  const all = [...files.values()].join('\n');
  for (const category of ['Problemi di ambiente', 'Non conformità della piattaforma']) assert.ok(all.includes(category), category);
  const gate = [...files.entries()].find(([name]) => /quality-gate/i.test(name))?.[1] ?? '';
  assert.match(gate, /casiObbligatoriNonSuperati/);
  assert.match(gate, /"actual":2/, 'two mandatory cases not passed; the optional BLK-01 does not count');
  assert.equal(readFileSync(history, 'utf8').trim().split('\n').length, 2, 'one history line per run');
  // `npm run report` of the same run shows the history without adding to it (the pack adds the run once).
  await generateReport({ resultsDir: join(root, 'out'), file, name: 'Piano di test — prova', historyPath: history, appendHistory: false });
  assert.equal(readFileSync(history, 'utf8').trim().split('\n').length, 2, 'a report-only generation adds no line');
});
