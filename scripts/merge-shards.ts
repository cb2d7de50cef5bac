// `npm run merge-shards -- <folder>`: merges the shard runs found in <folder>/* (each a shard's reports/
// folder, as CI downloads them) into reports/ (or REPORTS_DIR); `npm run evidence` then builds the pack.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvFile } from '../lib/config.ts';
import { outputPaths } from '../lib/run/output-paths.ts';
import { mergeShardLedgers, mergeShards, MergeError } from '../lib/run/merge-shards.ts';
import { LedgerError, readLedgerSettings } from '../lib/fdr/ledger.ts';

loadEnvFile();
const folder = process.argv[2];
if (!folder || !existsSync(folder)) {
  console.error('Usage: npm run merge-shards -- <folder holding one sub-folder per shard (blob/, allure-results/, run-info.json)>');
  process.exit(2);
}
const shardDirs = readdirSync(folder)
  .map((name) => join(folder, name))
  .filter((path) => statSync(path).isDirectory())
  .sort();
try {
  const { shards, tests } = mergeShards(shardDirs, outputPaths());
  console.log(`Merged ${shards} shards (${tests} test results) into ${outputPaths().reports}/`);
} catch (error) {
  if (!(error instanceof MergeError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
// The ledger separately: a corrupt copy must not cost the run its report, nor the report the ledger.
const ledger = readLedgerSettings(process.env);
if (ledger.problems) {
  console.error(ledger.problems.join('\n'));
  process.exitCode = 2;
} else {
  try {
    const added = await mergeShardLedgers(shardDirs, ledger.settings.file);
    if (added > 0) console.log(`Kept ${added} paid notices of the shards in the FdR ledger ${ledger.settings.file}`);
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}
