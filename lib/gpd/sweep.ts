// Removes the positions runs left behind: finds them by the IUPD prefix the factory tags them with
// (`CONF-<run id>-…`), then deletes them, or invalidates them where deletion is refused. A sweep of
// every run (no run id) leaves alone the runs that may still be in progress: those with a position
// created or updated within `minIdleMs`, or named in `skipRuns` (the run holding this folder's lock).
import type { SuiteConfig } from '../config.ts';
import { GpdClient } from '../http/gpd-client.ts';
import { GpdV3Client } from '../http/gpd-v3-client.ts';
import { productClients } from '../http/product-clients.ts';
import { IUPD_PREFIX } from './factory.ts';
import { KEPT_STATUSES, removePosition } from './cleanup.ts';

export interface SweepOptions {
  maxPages?: number;
  /** Leave alone the runs whose newest position was created or updated less than this long ago. */
  minIdleMs?: number;
  /** Runs to leave alone whatever their age. */
  skipRuns?: string[];
  now?: () => number;
  /**
   * Lists through GPD v3 (issue 13): the v1 list leaves out positions with several payment plans, which only v3
   * shows. Given when the EC uses v3 (GPD_API_VERSIONS); removal still goes through v1 (the same store).
   */
  v3?: GpdV3Client;
}

export interface SkippedRun {
  runId: string;
  positions: number;
  /** Newest insertedDate/lastUpdatedDate of its positions (ISO, UTC). */
  lastActivity: string;
  reason: 'active' | 'locked';
}

export interface SweepResult {
  found: number;
  deleted: string[];
  invalidated: string[];
  /** Paid or closed: kept by the platform (`<iupd> (<status>)`). */
  kept: string[];
  /** Neither deleted nor invalidated (`<iupd> (delete <status>, invalidate <status>)`). */
  failed: string[];
  skipped: SkippedRun[];
}

interface ListedPosition {
  iupd: string;
  status: string;
  insertedDate: string;
  lastUpdatedDate: string;
}

/** The IUPD prefix of one run's positions, or of every run's. */
export function runPrefix(runId?: string): string {
  return runId ? `${IUPD_PREFIX}-${runId}-` : `${IUPD_PREFIX}-`;
}

/** The run id inside an IUPD `CONF-<run id>-W<worker>-<n>`. */
export function runIdOf(iupd: string): string | undefined {
  return new RegExp(`^${IUPD_PREFIX}-([A-Za-z0-9]+)-W\\d+-\\d+$`).exec(iupd)?.[1];
}

/** GPD dates carry no zone and are UTC. */
const gpdMillis = (text: string) => Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);

export async function sweepPositions(gpd: GpdClient, iupdPrefix: string, options: SweepOptions = {}): Promise<SweepResult> {
  const result: SweepResult = { found: 0, deleted: [], invalidated: [], kept: [], failed: [], skipped: [] };
  const listed: ListedPosition[] = [];
  // Newest first: a run's own positions are on the first pages.
  for (let page = 0; page < (options.maxPages ?? 20); page += 1) {
    const query = { limit: 50, page, orderby: 'INSERTED_DATE', ordering: 'DESC' } as const;
    const res = options.v3 ? await options.v3.list(query) : await gpd.list(query);
    if (res.response.status !== 200) throw new Error(`listing positions failed: HTTP ${res.response.status} ${res.response.text.slice(0, 300)}`);
    const body = res.response.body as { payment_position_list: ListedPosition[]; page_info: { total_pages: number } };
    listed.push(...body.payment_position_list.filter((item) => item.iupd.startsWith(iupdPrefix)));
    if (page + 1 >= body.page_info.total_pages) break;
  }

  const leftAlone = runsToLeaveAlone(listed, options);
  result.skipped = [...leftAlone.values()];
  const matches: string[] = [];
  for (const item of listed) {
    if (leftAlone.has(runIdOf(item.iupd) ?? '')) continue;
    result.found += 1;
    if (KEPT_STATUSES.includes(item.status)) result.kept.push(`${item.iupd} (${item.status})`);
    else matches.push(item.iupd);
  }
  for (const iupd of matches) {
    const removal = await removePosition(gpd, iupd);
    if (removal.outcome === 'kept') result.failed.push(removal.detail);
    else (removal.outcome === 'deleted' ? result.deleted : result.invalidated).push(iupd);
  }
  return result;
}

function runsToLeaveAlone(listed: ListedPosition[], options: SweepOptions): Map<string, SkippedRun> {
  const runs = new Map<string, { positions: number; lastActivity: number }>();
  for (const item of listed) {
    const runId = runIdOf(item.iupd);
    if (runId === undefined) continue;
    const activity = Math.max(gpdMillis(item.insertedDate), gpdMillis(item.lastUpdatedDate));
    const run = runs.get(runId) ?? { positions: 0, lastActivity: -Infinity };
    run.positions += 1;
    if (activity > run.lastActivity) run.lastActivity = activity;
    runs.set(runId, run);
  }
  const now = (options.now ?? Date.now)();
  const skipped = new Map<string, SkippedRun>();
  for (const [runId, run] of runs) {
    const locked = options.skipRuns?.includes(runId) ?? false;
    // An unreadable date counts as recent: when in doubt, a position is left alone.
    const active = options.minIdleMs !== undefined && !(now - run.lastActivity >= options.minIdleMs);
    if (locked || active) {
      const lastActivity = Number.isFinite(run.lastActivity) ? new Date(run.lastActivity).toISOString() : 'unknown';
      skipped.set(runId, { runId, positions: run.positions, lastActivity, reason: locked ? 'locked' : 'active' });
    }
  }
  return skipped;
}

/** The sweep as the command line and the end of a run use it: a GPD client of its own (no evidence steps:
 * it runs outside any test). The teardown project's sweep uses the fixtures' client, so its calls are evidence. */
export function sweepWithOwnClient(config: SuiteConfig, runId: string | undefined, options: SweepOptions = {}): Promise<SweepResult> {
  const client = productClients(config).gpd;
  const gpd = new GpdClient((operation) => client.send(operation.request), config.ecFiscalCode);
  const v3 = config.gpdApiVersions.includes('v3') ? new GpdV3Client((operation) => client.send(operation.request), config.ecFiscalCode) : undefined;
  return sweepPositions(gpd, runPrefix(runId), { maxPages: 200, ...(v3 ? { v3 } : {}), ...options });
}

export function describeSweep(result: SweepResult): string[] {
  const lines = [
    `found ${result.found}, deleted ${result.deleted.length}, invalidated ${result.invalidated.length}, kept ${result.kept.length} (paid or closed), failed ${result.failed.length}`,
  ];
  for (const kept of result.kept) lines.push(`  kept: ${kept}`);
  for (const failed of result.failed) lines.push(`  NOT removed: ${failed}`);
  for (const run of result.skipped) {
    const why = run.reason === 'locked' ? 'it holds the run lock of this folder' : `it was active at ${run.lastActivity}`;
    lines.push(
      `  skipped run ${run.runId} (${run.positions} positions): ${why}, so it may still be in progress; \`npm run cleanup -- ${run.runId}\` removes them`,
    );
  }
  return lines;
}
