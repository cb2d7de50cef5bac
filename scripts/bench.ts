// `npm run bench [-- section…]`: performance figures measured in one run (never asserted by tests).
import { benchAllowance } from './bench/allowance.ts';
import { benchBulk } from './bench/bulk.ts';

async function allowance(): Promise<Record<string, string>> {
  const f = await benchAllowance(Number(process.env.BENCH_ALLOWANCE_REPEAT ?? 4));
  return {
    'GPD allowance used (target ≥ 0.90)': `${f.usedRatio.toFixed(2)} (windows ${f.windows}, min ${f.minRatio.toFixed(2)}, max ${f.maxRatio.toFixed(2)})`,
    '429 from our own traffic (target 0)': String(f.throttled),
    'GPD calls / wall time': `${f.gpdCalls} / ${(f.wallMs / 1000).toFixed(1)} s`,
  };
}

const SECTIONS: Record<string, () => Promise<Record<string, string>>> = { bulk: benchBulk, allowance };
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(SECTIONS);
for (const name of wanted) {
  const section = SECTIONS[name];
  if (!section) throw new Error(`unknown bench section "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);
  console.log(`\n## ${name}`);
  for (const [figure, value] of Object.entries(await section())) console.log(`${figure.padEnd(32)} ${value}`);
}
