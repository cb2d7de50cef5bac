// `npm run bench [-- section… --size small|full --out <file> --keep]`: the performance figures of SPEC §7 and
// issue 16, each measured as a ratio (or against its bound) in one run. Prints one table (figure,
// measured, target, met?) and writes it as JSON (default reports/bench.json; BENCH_OUT, --out) for CI
// history. `--size small` (BENCH_SIZE=small) runs every section small, to prove the bench works
// (`npm test` does); targets are meant for the full size. Exit 0 whether targets are met or not: they
// are reported, not tested; exit 1 only when a section could not run. `--keep` keeps the scratch folder
// (the run's reports, the upload file) to look into a figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SECTIONS } from './bench/sections.ts';
import { machine, table, writeReport, type BenchContext, type BenchSize, type SectionRows } from './bench/figures.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: process.env.BENCH_SIZE || 'full' },
    out: { type: 'string', default: process.env.BENCH_OUT || 'reports/bench.json' },
    keep: { type: 'boolean', default: false },
  },
});
if (values.size !== 'full' && values.size !== 'small') throw new Error(`--size must be full or small, got "${values.size}"`);
const size: BenchSize = values.size;
const wanted = positionals.length > 0 ? positionals : Object.keys(SECTIONS);
for (const name of wanted) if (!SECTIONS[name]) throw new Error(`unknown bench section "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);

const workDir = mkdtempSync(join(tmpdir(), 'bench-'));
const shared = new Map<string, Promise<unknown>>();
const context: BenchContext = {
  size,
  workDir,
  progress: (line) => process.stderr.write(`  … ${line}\n`),
  once: <T>(key: string, make: () => Promise<T>) => {
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key) as Promise<T>;
  },
};

const startedAt = new Date().toISOString();
const rows: SectionRows[] = [];
try {
  for (const name of wanted) {
    process.stderr.write(`## ${name} (${size})\n`);
    const started = performance.now();
    try {
      rows.push({ section: name, figures: await SECTIONS[name]!(context), seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      rows.push({ section: name, figures: [], error: (error as Error).message, seconds: (performance.now() - started) / 1000 });
    }
  }
} finally {
  if (values.keep) process.stderr.write(`scratch folder kept (--keep): ${workDir}\n`);
  else rmSync(workDir, { recursive: true, force: true });
}
console.log(`\nBench (${size}, ${machine().cores} cores, load ${machine().loadAverage.join(' ')})\n`);
console.log(table(rows));
writeReport(values.out, { startedAt, size, machine: machine(), sections: rows });
console.log(`\n${values.out}`);
process.exitCode = rows.some((row) => row.error) ? 1 : 0;
