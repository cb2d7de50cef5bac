// `npm run merge-shards -- <folder>`: merges the shard runs found in <folder>/* (each a shard's reports/
// folder, as CI downloads them) into reports/ (or REPORTS_DIR); `npm run evidence` then builds the pack.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvFile } from '../lib/config.ts';
import { outputPaths } from '../lib/run/output-paths.ts';
import { mergeShards, MergeError } from '../lib/run/merge-shards.ts';

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
