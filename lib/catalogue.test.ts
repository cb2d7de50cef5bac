// The catalogue and the specs must agree: every case has exactly one test, every test id is a case
// (the tests as Playwright lists them, not as a regex reads the sources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JSONReport } from '@playwright/test/reporter';
import { testRuns } from './evidence/build-execution.ts';
import { CATALOGUE, AREAS, ONBOARDING_STEPS, caseIdOfTitle, type OnboardingStep } from './catalogue.ts';

const CLI = new URL('../node_modules/@playwright/test/cli.js', import.meta.url).pathname;

/** The title of every test, as Playwright itself lists them (`playwright test --list --reporter=json`). */
function listedTitles(): string[] {
  const listing = spawnSync(process.execPath, [CLI, 'test', '--list', '--reporter=json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // Its own outputs folder and no .env: listing must not touch a run's outputs or need a configuration.
    env: {
      ...process.env,
      REPORTS_DIR: mkdtempSync(join(tmpdir(), 'catalogue-list-')),
      DOTENV_CONFIG_PATH: '/nonexistent/.env',
      PLAYWRIGHT_JSON_OUTPUT_FILE: '',
      TEST_WORKER_INDEX: '',
    },
  });
  assert.equal(listing.status, 0, listing.stderr);
  return testRuns(JSON.parse(listing.stdout) as JSONReport).map((run) => run.spec.title);
}

function testIds(): string[] {
  const ids: string[] = [];
  for (const title of listedTitles()) {
    if (!title.startsWith('[')) continue; // set-up and teardown tests are not cases
    const id = caseIdOfTitle(title);
    assert.ok(id, `malformed case id in "${title}"`);
    ids.push(id);
  }
  return ids;
}

test('ids are unique and well formed, areas known, titles in Italian and English', () => {
  const ids = CATALOGUE.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CATALOGUE) {
    assert.equal(caseIdOfTitle(`[${c.id}] x`), c.id);
    assert.ok(c.id.startsWith(`${c.area}-`), c.id);
    assert.ok(AREAS[c.area]);
    assert.ok(c.title.it && c.title.en && c.expected.it && c.expected.en, c.id);
  }
});

test('every catalogue case has exactly one test, and every test id is in the catalogue', () => {
  const found = testIds();
  const catalogue = new Set(CATALOGUE.map((c) => c.id));
  assert.deepEqual(
    found.filter((id) => !catalogue.has(id)),
    [],
    'test ids missing from the catalogue',
  );
  assert.deepEqual(
    [...catalogue].filter((id) => !found.includes(id)),
    [],
    'catalogue cases without a test',
  );
  assert.deepEqual(
    found.filter((id, i) => found.indexOf(id) !== i),
    [],
    'cases with more than one test',
  );
});

test('every case has preconditions and 1..8 steps in Italian and English, the same number in both', () => {
  for (const c of CATALOGUE) {
    assert.ok(c.preconditions.it.trim() && c.preconditions.en.trim(), `${c.id}: empty preconditions`);
    assert.ok(Array.isArray(c.steps.it) && Array.isArray(c.steps.en), `${c.id}: steps are not lists`);
    assert.ok(c.steps.it.length >= 1 && c.steps.it.length <= 8, `${c.id}: ${c.steps.it.length} Italian steps`);
    assert.equal(c.steps.en.length, c.steps.it.length, `${c.id}: ${c.steps.it.length} Italian steps but ${c.steps.en.length} English ones`);
    for (const step of [...c.steps.it, ...c.steps.en]) assert.ok(typeof step === 'string' && step.trim(), `${c.id}: empty step`);
  }
});

test('every onboarding step is an official step of ONBOARDING_STEPS, titled "Passo <n> — " / "Step <n> — "', () => {
  const steps = Object.keys(ONBOARDING_STEPS).map(Number);
  assert.deepEqual(steps, [2, 5, 6, 8, 9]);
  for (const c of CATALOGUE) {
    assert.equal(typeof c.onboardingStep, 'number', `${c.id}: onboardingStep ${JSON.stringify(c.onboardingStep)} is not a number`);
    assert.ok(steps.includes(c.onboardingStep), `${c.id}: onboardingStep ${c.onboardingStep} is not in ONBOARDING_STEPS`);
  }
  for (const step of steps) {
    const title = ONBOARDING_STEPS[step as OnboardingStep];
    assert.ok(title.it.startsWith(`Passo ${step} — `) && title.it.length > `Passo ${step} — `.length, `step ${step}: "${title.it}"`);
    assert.ok(title.en.startsWith(`Step ${step} — `) && title.en.length > `Step ${step} — `.length, `step ${step}: "${title.en}"`);
  }
});

test('the sub-activity letters of step 6 are on the areas, and only areas of step 6 cases have one', () => {
  assert.deepEqual(Object.fromEntries(Object.entries(AREAS).flatMap(([area, { activity }]) => (activity ? [[area, activity]] : []))), {
    'GPD-CRE': 'a',
    'GPD-PUB': 'b',
    'GPD-UPD': 'c',
    'GPD-DEL': 'd',
    BLK: 'e',
  });
  for (const c of CATALOGUE) {
    if (AREAS[c.area].activity)
      assert.equal(c.onboardingStep, 6, `${c.id}: area ${c.area} has activity ${AREAS[c.area].activity} but the case is in step ${c.onboardingStep}`);
  }
  const stepOfArea = (area: string) => [...new Set(CATALOGUE.filter((c) => c.area === area).map((c) => c.onboardingStep))];
  assert.deepEqual(Object.fromEntries(Object.keys(AREAS).map((area) => [area, stepOfArea(area)])), {
    ACC: [2],
    'GPD-CRE': [6],
    'GPD-PUB': [6],
    'GPD-UPD': [6],
    'GPD-DEL': [6],
    'GPD-INV': [6],
    'GPD-GET': [6],
    BLK: [6],
    PAY: [8],
    RIC: [9],
    FDR: [5],
    'GPD-V3': [6],
    RT: [5],
  });
});
