import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeShardLedgers, SHARD_LEDGER_FILE } from './merge-shards.ts';
import { LedgerError, readLedger } from '../fdr/ledger.ts';

const line = (iuv: string, runId: string) =>
  JSON.stringify({
    iuv,
    nav: `3${iuv}`,
    ec: '77777777777',
    amountCents: 100,
    paymentDate: '2026-12-01T10:00:00.000Z',
    runId,
    recordedAt: '2026-12-01T10:01:00.000Z',
  });

function layout(history: string[], shards: (string[] | undefined)[]) {
  const dir = mkdtempSync(join(tmpdir(), 'merge-ledgers-'));
  const file = join(dir, 'history', 'fdr-ledger.jsonl');
  mkdirSync(join(dir, 'history'));
  if (history.length) writeFileSync(file, `${history.join('\n')}\n`);
  const shardDirs = shards.map((lines, i) => {
    const shard = join(dir, 'shards', `shard-${i + 1}`);
    mkdirSync(shard, { recursive: true });
    if (lines) writeFileSync(join(shard, SHARD_LEDGER_FILE), `${lines.join('\n')}\n`);
    return shard;
  });
  return { dir, file, shardDirs };
}

test("the history keeps the union: each shard's new notices once, the old lines untouched and first", async () => {
  const old = [line('01000000000000001', 'G1S1')];
  const { dir, file, shardDirs } = layout(old, [[...old, line('01000000000000002', 'G2S1')], undefined, [...old, line('01000000000000003', 'G2S2')]]);
  try {
    assert.equal(await mergeShardLedgers(shardDirs, file), 2);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines[0], old[0]);
    assert.deepEqual(
      (await readLedger(file)).map((e) => e.iuv),
      ['01000000000000001', '01000000000000002', '01000000000000003'],
    );
    assert.equal((await readLedger(file))[1]!.recordedAt, '2026-12-01T10:01:00.000Z', 'the recording time is the shard’s');
    assert.equal(await mergeShardLedgers(shardDirs, file), 0, 'merging again adds nothing');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a corrupt shard copy: LedgerError naming it, the history unchanged', async () => {
  const { dir, file, shardDirs } = layout([line('01000000000000001', 'G1S1')], [[line('01000000000000002', 'G2S1'), '{oops']]);
  try {
    const before = readFileSync(file, 'utf8');
    await assert.rejects(
      mergeShardLedgers(shardDirs, file),
      (e: unknown) => e instanceof LedgerError && e.file.endsWith(join('shard-1', SHARD_LEDGER_FILE)) && e.line === 2,
    );
    assert.equal(readFileSync(file, 'utf8'), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
