// Several shard runs (CI's matrix, `npm run shards`) become one run: their blob reports merged into
// Playwright's JSON and HTML reports, their Allure results put together, their environments into
// one that names every shard. `npm run evidence` then builds ONE pack, as for a single run. The FdR ledger
// copies the shards carry (`<shard>/fdr-ledger.jsonl`: the history's ledger plus their payments) are kept as one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RunEnvironment } from '../evidence/execution.ts';
import type { OutputPaths } from './output-paths.ts';
import { readRunInfo, writeRunInfo } from './run-info.ts';
import { appendPaid, readLedger, type LedgerEntry } from '../fdr/ledger.ts';

const CLI = 'node_modules/@playwright/test/cli.js';

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/** One environment for the merged run: the shards' own (they ran with one configuration), naming each shard. */
export function mergedEnvironment(shards: RunEnvironment[]): RunEnvironment {
  const [first] = shards;
  if (!first) throw new MergeError('No shard to merge.');
  for (const other of shards) {
    for (const field of ['target', 'apiBaseUrl', 'ecFiscalCode', 'brokerCode', 'stationId'] as const)
      if (field !== 'apiBaseUrl' || first.target !== 'sandbox')
        if (other[field] !== first[field]) throw new MergeError(`Shards ran with different ${field} (${first[field]}, ${other[field]}): they are not one run.`);
  }
  const ids = shards.map((shard) => shard.runId);
  return { ...first, runId: ids.join(', '), shards: ids };
}

function copyAll(from: string, to: string, rename = (name: string) => name): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) copyFileSync(join(from, name), join(to, rename(name)));
}

/** Merges the shard folders (each a run's reports/: blob/, allure-results/, run-info.json) into `into`. */
export function mergeShards(shardDirs: string[], into: OutputPaths): { shards: number; tests: number } {
  const withBlob = shardDirs.filter((dir) => existsSync(join(dir, 'blob')));
  if (withBlob.length === 0) throw new MergeError(`No blob report in ${shardDirs.join(', ') || '(no folder)'}: run each shard with BLOB_REPORT=1.`);
  const blobs = join(into.reports, '.blob-merge');
  for (const stale of [blobs, into.allureResults, into.playwrightJson, into.runInfo]) rmSync(stale, { recursive: true, force: true });
  for (const dir of shardDirs) {
    copyAll(join(dir, 'blob'), blobs, (name) => `${basename(dir)}-${name}`);
    copyAll(join(dir, 'allure-results'), into.allureResults);
  }
  const merged = spawnSync(process.execPath, [CLI, 'merge-reports', '--reporter=json,html', blobs], {
    encoding: 'utf8',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: into.playwrightJson, PLAYWRIGHT_HTML_OUTPUT_DIR: into.htmlReport, PLAYWRIGHT_HTML_OPEN: 'never' },
  });
  rmSync(blobs, { recursive: true, force: true });
  if (merged.status !== 0 || !existsSync(into.playwrightJson)) throw new MergeError(`playwright merge-reports failed:\n${merged.stdout}${merged.stderr}`);
  const environments = shardDirs.filter((dir) => existsSync(join(dir, 'run-info.json'))).map((dir) => readRunInfo(join(dir, 'run-info.json')));
  if (environments.length > 0) writeRunInfo(into.runInfo, mergedEnvironment(environments));
  return { shards: withBlob.length, tests: readdirSync(into.allureResults).filter((name) => name.endsWith('-result.json')).length };
}

/** The shard folder's copy of the reconciliation ledger (CI puts it there). */
export const SHARD_LEDGER_FILE = 'fdr-ledger.jsonl';

const ledgerKey = (e: LedgerEntry) => `${e.runId}|${e.ec}|${e.iuv}`;

/**
 * Appends to `file` (the ledger CI keeps) the notices of the shards' ledger copies it does not hold yet, each once,
 * their recording time kept. A corrupt copy or ledger is a LedgerError naming file and line; nothing is written then.
 * Answers how many notices were added.
 */
export async function mergeShardLedgers(shardDirs: string[], file: string): Promise<number> {
  const copies = shardDirs.map((dir) => join(dir, SHARD_LEDGER_FILE)).filter((copy) => existsSync(copy));
  if (copies.length === 0) return 0;
  const known = new Set((await readLedger(file)).map(ledgerKey));
  const added: LedgerEntry[] = [];
  for (const copy of copies) {
    for (const entry of await readLedger(copy)) {
      if (known.has(ledgerKey(entry))) continue;
      known.add(ledgerKey(entry));
      added.push(entry);
    }
  }
  await appendPaid(file, added);
  return added.length;
}
