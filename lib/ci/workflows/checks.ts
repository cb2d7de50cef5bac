// Structural checks of the CI definitions (issue 10), as pure functions returning the problems found:
// the nightly GitHub workflow (nothing depends on a manual run; every .env.example setting mapped; keys and
// card from secrets) and the GitLab file (jobs, rules, shards, merge, artefacts, cache).
// ci-definitions.test.ts runs them on the real files and on broken copies.

type Map = Record<string, unknown>;
const isMap = (value: unknown): value is Map => typeof value === 'object' && value !== null && !Array.isArray(value);
const asMap = (value: unknown): Map => (isMap(value) ? value : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.map(text).join('\n') : '');

/** Every setting of .env.example: each `NAME=` or `# NAME=` line. */
export function envExampleSettings(envExample: string): string[] {
  const names = [...envExample.matchAll(/^(?:# ?)?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!);
  return [...new Set(names)];
}

// ---------------------------------------------------------------------------------------------- GitHub nightly

/** Settings that come from secrets in the nightly (the subscription keys and the test card). */
export const SECRET_SETTINGS = [
  'GPD_SUBSCRIPTION_KEY',
  'GPD_RECEIPTS_SUBSCRIPTION_KEY',
  'FDR_SUBSCRIPTION_KEY',
  'BIZ_SUBSCRIPTION_KEY',
  'CHECKOUT_CARD_NUMBER',
  'CHECKOUT_CARD_EXPIRY',
  'CHECKOUT_CARD_CVV',
  'CHECKOUT_CARD_HOLDER',
];

/** Settings the nightly sets to a fixed value instead of a variable. */
const FIXED_SETTINGS: Record<string, string> = {
  TARGET: 'uat',
  // The file the cache carries between runs.
  EVIDENCE_HISTORY: 'history/allure-history.jsonl',
  // The reconciliation ledger the cache carries: each shard appends to its copy, the merge job keeps the union.
  FDR_LEDGER: 'history/fdr-ledger.jsonl',
  // The shards run side by side on different machines with the same keys: each takes its share of the limits.
  RATE_LIMIT_JOBS: '${{ strategy.job-total }}',
};

/** Settings of .env.example that CI deliberately leaves unset, with the reason. */
export const LOCAL_ONLY_SETTINGS: Record<string, string> = {
  REPORTS_DIR: 'CI uses the default folders: the shard artefacts and the merge job read reports/',
  SANDBOX_PORT: 'sandbox only; the nightly runs against UAT',
  SANDBOX_INTERNAL_KEY: 'sandbox only; the nightly runs against UAT',
  CHROMIUM_PATH: "the job installs Debian's chromium at /usr/bin/chromium, found without it",
  RECORDER_TARGET: "the recording proxy (npm run recorder) runs by hand in front of the EC's software, not in the nightly",
  RECORDER_HOST: "the recording proxy (npm run recorder) runs by hand in front of the EC's software, not in the nightly",
  RECORDER_PORT: "the recording proxy (npm run recorder) runs by hand in front of the EC's software, not in the nightly",
};

const IF_FUNCTIONS = new Set(['always', 'success', 'failure', 'cancelled']);
const IF_LITERALS = new Set(['true', 'false', 'null']);

/**
 * The parts of an `if:` expression that may be false on the schedule while true on a manual run (or the other
 * way round): anything but the status functions, `needs.*`, and, in a step, `steps.*`. `github.event_name`,
 * `inputs.*`, `github.event.inputs.*`, `vars.*`… are all refused: the simple sound rule.
 */
function conditionProblems(condition: unknown, where: 'job' | 'step'): string[] {
  if (condition === undefined) return [];
  if (typeof condition === 'boolean') return condition ? [] : ['`if: false` never runs'];
  const expression = String(condition)
    .replace(/^\s*\$\{\{/, '')
    .replace(/\}\}\s*$/, '')
    .replace(/'(?:[^']|'')*'/g, "''");
  const problems: string[] = [];
  for (const match of expression.matchAll(/[A-Za-z_][\w-]*(?:\s*\.\s*(?:[\w-]+|\*))*(\s*\()?/g)) {
    const token = match[0].replace(/\s+/g, '');
    if (match[1]) {
      const name = token.slice(0, -1);
      if (!IF_FUNCTIONS.has(name)) problems.push(`${name}() in \`if: ${condition}\``);
    } else if (!IF_LITERALS.has(token) && !token.startsWith('needs.') && !(where === 'step' && token.startsWith('steps.'))) {
      problems.push(`${token} in \`if: ${condition}\``);
    }
  }
  return problems;
}

function jobsOf(workflow: Map): [string, Map][] {
  return Object.entries(asMap(workflow.jobs)).map(([name, job]) => [name, asMap(job)]);
}

/** The jobs that call `npm run alert`, with the alert steps. */
function alertSteps(workflow: Map): { job: string; jobIf: unknown; step: Map }[] {
  const found: { job: string; jobIf: unknown; step: Map }[] = [];
  for (const [name, job] of jobsOf(workflow))
    for (const step of asList(job.steps).map(asMap)) if (/\bnpm run alert\b/.test(text(step.run))) found.push({ job: name, jobIf: job.if, step });
  return found;
}

/** Problems that would keep a job or the alert of the nightly from running on the schedule. */
export function scheduleProblems(workflow: Map): string[] {
  const problems: string[] = [];
  const on = workflow.on ?? workflow['true']; // YAML 1.1 parsers read a bare `on` as true
  const schedule = asList(asMap(on).schedule).map(asMap);
  if (schedule.length === 0 || !schedule.every((entry) => typeof entry.cron === 'string' && entry.cron.trim().split(/\s+/).length === 5))
    problems.push('no `on.schedule` with a cron of 5 fields');
  for (const [name, job] of jobsOf(workflow)) {
    for (const problem of conditionProblems(job.if, 'job')) problems.push(`job ${name}: ${problem}`);
    asList(job.steps)
      .map(asMap)
      .forEach((step, index) => {
        for (const problem of conditionProblems(step.if, 'step')) problems.push(`job ${name}, step ${String(step.name ?? step.uses ?? index + 1)}: ${problem}`);
      });
  }
  const alerts = alertSteps(workflow);
  if (alerts.length === 0) problems.push('no step runs `npm run alert`');
  for (const { job, jobIf, step } of alerts) {
    // Without always() a failed or cancelled shard, or a failed step before it, skips the alert.
    if (!/\balways\(\)/.test(String(jobIf ?? ''))) problems.push(`job ${job} (alert): its \`if\` must be always(), got ${String(jobIf ?? '(none)')}`);
    if (!/\balways\(\)/.test(String(step.if ?? ''))) problems.push(`job ${job}, alert step: its \`if\` must be always(), got ${String(step.if ?? '(none)')}`);
  }
  return problems;
}

/** Problems in the shard job's mapping of the settings: each one mapped, from the right place. */
export function mappingProblems(workflow: Map, settings: string[], shardJob = 'shard'): string[] {
  const job = asMap(asMap(workflow.jobs)[shardJob]);
  if (Object.keys(job).length === 0) return [`no job ${shardJob}`];
  const env = asMap(job.env);
  const problems: string[] = [];
  for (const setting of settings) {
    const value = env[setting];
    if (setting in LOCAL_ONLY_SETTINGS) {
      if (value !== undefined) problems.push(`${setting} is listed as local-only (${LOCAL_ONLY_SETTINGS[setting]}) but mapped`);
      continue;
    }
    if (value === undefined) {
      problems.push(`${setting} (.env.example) is not mapped in job ${shardJob}'s env`);
      continue;
    }
    const expected =
      setting in FIXED_SETTINGS ? FIXED_SETTINGS[setting] : SECRET_SETTINGS.includes(setting) ? `\${{ secrets.${setting} }}` : `\${{ vars.${setting} }}`;
    if (String(value).trim() !== expected) problems.push(`${setting}: expected ${expected}, got ${String(value)}`);
  }
  // The keys and the card reach the shards only: no other job's env or step sees them.
  for (const [name, other] of jobsOf(workflow)) {
    if (name === shardJob) continue;
    const texts = [JSON.stringify(other.env ?? {}), ...asList(other.steps).map((step) => JSON.stringify(asMap(step).env ?? {}))];
    for (const secret of SECRET_SETTINGS) if (texts.some((t) => t.includes(`secrets.${secret}`))) problems.push(`job ${name} receives secrets.${secret}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------- GitLab

const GITLAB_KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
]);

/** The jobs of a GitLab CI file (hidden `.templates` resolved through `extends`, shallowly as GitLab merges). */
export function gitlabJobs(file: Map): Record<string, Map> {
  const resolve = (name: string, seen: string[] = []): Map => {
    if (seen.includes(name)) throw new Error(`extends cycle: ${[...seen, name].join(' → ')}`);
    const job = asMap(file[name]);
    const parents = asList(job.extends).map(String);
    const merged: Map = {};
    for (const parent of parents) Object.assign(merged, resolve(parent, [...seen, name]));
    for (const [key, value] of Object.entries(job)) merged[key] = isMap(value) && isMap(merged[key]) ? { ...merged[key], ...value } : value;
    return merged;
  };
  const jobs: Record<string, Map> = {};
  for (const name of Object.keys(file)) if (!GITLAB_KEYWORDS.has(name) && !name.startsWith('.')) jobs[name] = resolve(name);
  return jobs;
}

const SCHEDULE = /\$CI_PIPELINE_SOURCE\s*==\s*["']schedule["']/;
const isUatJob = (name: string, job: Map) => /(^|:)uat(:|$)/.test(name) || asMap(job.variables).TARGET === 'uat';
const activeRules = (job: Map) =>
  asList(job.rules)
    .map(asMap)
    .filter((rule) => rule.when !== 'never');

export function gitlabProblems(file: Map): string[] {
  const problems: string[] = [];
  const jobs = gitlabJobs(file);
  const names = Object.keys(jobs);
  if (names.length === 0) return ['no job'];
  for (const [name, job] of Object.entries(jobs)) {
    if (asList(job.script).length === 0) problems.push(`job ${name} has no script`);
    if (job.only !== undefined || job.except !== undefined) problems.push(`job ${name} uses only/except: use rules`);
    const artifacts = asMap(job.artifacts);
    if (job.artifacts !== undefined && artifacts.when !== 'always')
      problems.push(`job ${name}: artifacts must be \`when: always\`, got ${String(artifacts.when)}`);
  }
  const uat = names.filter((name) => isUatJob(name, jobs[name]!));
  if (uat.length === 0) problems.push('no UAT job');
  for (const name of uat) {
    const rules = activeRules(jobs[name]!);
    if (rules.length === 0) problems.push(`UAT job ${name} has no rules: it would run on every pipeline`);
    for (const rule of rules) {
      const condition = typeof rule.if === 'string' ? rule.if : '';
      if (!SCHEDULE.test(condition) || /\|\||merge_request/.test(condition))
        problems.push(`UAT job ${name}: rule \`${condition || '(no if)'}\` does not restrict it to scheduled pipelines`);
    }
  }
  const sandbox = names.filter((name) => !uat.includes(name));
  if (
    !sandbox.some((name) =>
      activeRules(jobs[name]!).some((rule) => /merge_request_event/.test(String(rule.if ?? '')) && /npm test/.test(text(jobs[name]!.script))),
    )
  )
    problems.push('no job runs `npm test` on merge requests');

  const shards = uat.filter((name) => jobs[name]!.parallel !== undefined);
  if (shards.length !== 1) problems.push(`expected one UAT job with \`parallel\`, found ${shards.length}`);
  const shardName = shards[0];
  if (shardName) {
    const shard = jobs[shardName]!;
    const script = text(shard.script);
    if (!/--shard="?\$CI_NODE_INDEX\/\$CI_NODE_TOTAL/.test(script)) problems.push(`${shardName}: no --shard=$CI_NODE_INDEX/$CI_NODE_TOTAL`);
    // Shards on different machines with the same keys: each takes its share of the platform's limits.
    const jobs_ = String(asMap(shard.variables).RATE_LIMIT_JOBS ?? '');
    if (jobs_ !== '$CI_NODE_TOTAL') problems.push(`${shardName}: variable RATE_LIMIT_JOBS must be $CI_NODE_TOTAL, got ${jobs_ || '(none)'}`);
    if (!/RUN_ID="?[A-Za-z]*\$\{?CI_PIPELINE_ID\}?S\$\{?CI_NODE_INDEX\}?/.test(script))
      problems.push(`${shardName}: RUN_ID is not built from CI_PIPELINE_ID and S<CI_NODE_INDEX>`);
    if (!/npm run cleanup -- "?\$RUN_ID/.test(text(shard.after_script)))
      problems.push(`${shardName}: after_script does not run \`npm run cleanup -- "$RUN_ID"\``);
    if (asMap(shard.variables).BLOB_REPORT !== '1') problems.push(`${shardName}: BLOB_REPORT is not '1'`);
  }

  const merges = uat.filter((name) => /npm run merge-shards/.test(text(jobs[name]!.script)));
  if (merges.length !== 1) problems.push(`expected one UAT job running merge-shards, found ${merges.length}`);
  const mergeName = merges[0];
  if (mergeName && shardName) {
    const merge = jobs[mergeName]!;
    const needs = asList(merge.needs).map((need) => (typeof need === 'string' ? { job: need, artifacts: true } : asMap(need)));
    if (!needs.some((need) => need.job === shardName && need.artifacts !== false)) problems.push(`${mergeName}: does not need ${shardName} with its artifacts`);
    const rules = activeRules(merge);
    if (rules.length === 0 || rules.some((rule) => rule.when !== 'always')) problems.push(`${mergeName}: must be \`when: always\` (in its rules)`);
    const script = text(merge.script);
    for (const command of ['npm run evidence', 'npm run alert']) if (!script.includes(command)) problems.push(`${mergeName}: does not run ${command}`);
    if (!asList(asMap(merge.artifacts).paths).some((path) => String(path).startsWith('reports/evidence-')))
      problems.push(`${mergeName}: the evidence pack is not an artefact`);
    const history = asList(merge.cache)
      .map(asMap)
      .find((cache) => asList(cache.paths).some((path) => String(path).replace(/\/$/, '') === 'history'));
    if (!history) problems.push(`${mergeName}: no cache of history/ (Allure history, FdR ledger)`);
    else if (history.when !== 'always') problems.push(`${mergeName}: the history cache must be \`when: always\` (failed runs included)`);
    const env = asMap(merge.variables);
    const paths: [string, string][] = [
      ['EVIDENCE_HISTORY', 'history/allure-history.jsonl'],
      ['FDR_LEDGER', 'history/fdr-ledger.jsonl'],
    ];
    for (const [name, path] of paths) if (env[name] !== path) problems.push(`${mergeName}: ${name} is not ${path}`);
  }
  return problems;
}
