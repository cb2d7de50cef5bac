// Shards give the same evidence as one run: `npm run shards -- 2` (run by scripts/self-test.sh into
// reports/sharded/) against the self-test's single run, case by case, in one pack that names its shards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Execution } from '../lib/evidence/execution.ts';

function pack(root: string): { dir: string; execution: Execution } {
  const names = readdirSync(root).filter((name) => name.startsWith('evidence-sandbox-'));
  assert.equal(names.length, 1, `one pack in ${root}: ${names.join(', ')}`);
  const dir = join(root, names[0]!);
  return { dir, execution: JSON.parse(readFileSync(join(dir, 'esecuzione.json'), 'utf8')) as Execution };
}

const single = pack('reports');
const sharded = pack('reports/sharded');

test('2 shards merged: the same outcome for every case as one run, and the same verdict', () => {
  const outcomes = (execution: Execution) => execution.cases.map((c) => [c.id, c.outcome]);
  assert.deepEqual(outcomes(sharded.execution), outcomes(single.execution));
  assert.deepEqual(sharded.execution.verdict, single.execution.verdict);
  const calls = (execution: Execution) => execution.cases.map((c) => [c.id, c.requestIds.length > 0]);
  assert.deepEqual(calls(sharded.execution), calls(single.execution), 'the request ids of the calls survive the merge');
});

test("the merged pack names its shards, and the run ids are the shards' own", async () => {
  const shards = sharded.execution.environment.shards ?? [];
  assert.equal(shards.length, 2);
  assert.ok(
    shards.every((id, i) => id.endsWith(`S${i + 1}`) && /^[A-Za-z0-9]{4,20}$/.test(id)),
    shards.join(', '),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(sharded.dir, 'piano-di-test.xlsx'));
  const cover = JSON.stringify(book.getWorksheet('Copertina')!.getSheetValues());
  for (const id of shards) assert.ok(cover.includes(id), `${id} on the cover`);
  assert.ok(existsSync('reports/sharded/playwright-report/index.html'), 'the merged Playwright report');
});
