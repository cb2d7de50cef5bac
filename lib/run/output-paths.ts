// Where a run writes its outputs, and where `npm run evidence` reads them. By default the usual
// folders of the project; `REPORTS_DIR=<dir>` puts every output of the run under one folder (a second
// run beside the first, e.g. the project's own evidence tests), lock included.
export interface OutputPaths {
  /** reports/: the run's results and the evidence packs. */
  reports: string;
  allureResults: string;
  /** Playwright's JSON report: the source of every outcome. */
  playwrightJson: string;
  /** The run's environment (target, EC, station, key fingerprints), written when the run starts. */
  runInfo: string;
  lock: string;
  /** Playwright's blob report of a shard (BLOB_REPORT=1), merged by `npm run merge-shards`. */
  blob: string;
  testResults: string;
  htmlReport: string;
}

export function outputPaths(env: Record<string, string | undefined> = process.env): OutputPaths {
  const root = env.REPORTS_DIR || 'reports';
  const own = Boolean(env.REPORTS_DIR);
  return {
    reports: root,
    allureResults: `${root}/allure-results`,
    playwrightJson: `${root}/playwright-results.json`,
    runInfo: `${root}/run-info.json`,
    lock: `${root}/.run-lock.json`,
    blob: `${root}/blob`,
    testResults: own ? `${root}/test-results` : 'test-results',
    htmlReport: own ? `${root}/playwright-report` : 'playwright-report',
  };
}
