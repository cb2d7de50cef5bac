// `npm run shards -- <N> [playwright test arguments]`: what nightly CI does, on this machine: N shard runs
// one after the other (each with its own run id and, on the sandbox, its own sandbox), then the merge
// and ONE evidence pack. Exit code as `npm run evidence`: 1 when a mandatory case did not pass.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvFile, makeRunId } from '../lib/config.ts';
import { outputPaths } from '../lib/run/output-paths.ts';
import { acquireRunLock, releaseRunLock, RunInProgressError } from '../lib/run/run-lock.ts';
import { mergeShards } from '../lib/run/merge-shards.ts';
import { buildPack, printPack } from '../lib/evidence/pack.ts';

loadEnvFile();
const [countArg, ...playwrightArgs] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || count > 99) {
  console.error('Usage: npm run shards -- <number of shards, 1..99> [playwright test arguments, e.g. --grep GPD-CRE]');
  process.exit(2);
}

const outputs = outputPaths();
// A shard's run id is the base plus S<i>: its positions and its cleanup are its own (RUN_ID: 4-20 letters/digits).
const base = (process.env.RUN_ID ?? makeRunId()).slice(0, 16);
const lock = acquireRunLock(base, outputs.lock);
if (!lock.acquired) {
  console.error(new RunInProgressError(lock.holder).message);
  process.exit(2);
}
process.on('exit', () => releaseRunLock(base, outputs.lock));

const shardsDir = join(outputs.reports, 'shards');
rmSync(shardsDir, { recursive: true, force: true });
const shardDirs: string[] = [];
for (let shard = 1; shard <= count; shard += 1) {
  const dir = join(shardsDir, `shard-${shard}`);
  shardDirs.push(dir);
  console.log(`\n=== shard ${shard}/${count} (run id ${base}S${shard})`);
  const run = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', `--shard=${shard}/${count}`, ...playwrightArgs], {
    stdio: 'inherit',
    env: { ...process.env, REPORTS_DIR: dir, RUN_ID: `${base}S${shard}`, BLOB_REPORT: '1' },
  });
  if (run.status !== 0) console.log(`shard ${shard}: playwright exited ${run.status} (its outcomes are in the pack)`);
}

const merged = mergeShards(shardDirs, outputs);
console.log(`\nMerged ${merged.shards} shards (${merged.tests} test results).`);
process.exitCode = printPack(await buildPack({ paths: outputs }));
