// `npm run bench [-- section…]`: performance figures measured in one run (never asserted by tests).
import { benchBulk } from './bench/bulk.ts';

const SECTIONS: Record<string, () => Promise<Record<string, string>>> = { bulk: benchBulk };
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(SECTIONS);
for (const name of wanted) {
  const section = SECTIONS[name];
  if (!section) throw new Error(`unknown bench section "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);
  console.log(`\n## ${name}`);
  for (const [figure, value] of Object.entries(await section())) console.log(`${figure.padEnd(32)} ${value}`);
}
