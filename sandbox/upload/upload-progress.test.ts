// Issue 16: `npm run sandbox` shows the progress of uploads of more than 1 000 positions (no key in it).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, ORG, positionBody, startSandbox, type TestSandbox } from '../test-helpers.ts';

const BROKER = '12345678901';
const FILES = `/upload/gpd/debt-positions-service/v2/brokers/${BROKER}/organizations/${ORG}/debtpositions/file`;

const lines: string[] = [];
let sb: TestSandbox;
before(async () => {
  sb = await startSandbox({
    upload: { retryAfterMs: 100, chunkIntervalMs: 0, progress: (line) => lines.push(line) },
    rateLimits: { upload: { calls: 1_000, periodMs: 1_000 } },
  });
});
after(() => sb.close());

/** Uploads `count` new positions and waits until they are processed; the file id. */
async function uploadPositions(count: number): Promise<string> {
  const accepted = await sb.upload('POST', FILES, { paymentPositions: Array.from({ length: count }, () => positionBody()) });
  assert.equal(accepted.status, 202, accepted.raw);
  const location = String(accepted.headers.location);
  const fileId = /\/file\/([^/]+)\/status$/.exec(location)![1]!;
  await sb.uploadDone(`${FILES}/${fileId}/status`);
  return fileId;
}

test('an upload of 1 500 positions logs its progress at every tenth, up to 1 500 / 1 500, without keys', async () => {
  lines.length = 0;
  const fileId = await uploadPositions(1_500);
  assert.ok(lines.length >= 10, lines.join('\n'));
  const done: number[] = [];
  for (const line of lines) {
    const match = /^upload (\S+): (\d{1,3}(?: \d{3})*) \/ 1 500 positions$/.exec(line);
    assert.ok(match, `unexpected line: ${line}`);
    assert.equal(match[1], fileId);
    done.push(Number(match[2]!.replace(/ /g, '')));
    for (const key of Object.values(KEYS)) assert.ok(!line.includes(key), 'a key in the log');
  }
  assert.equal(done.at(-1), 1_500);
  assert.deepEqual(
    done,
    [...done].sort((a, b) => a - b),
    'progress only grows',
  );
  // Every tenth shows: no two consecutive lines are more than a tenth (plus one chunk of 20) apart.
  for (const [i, n] of done.entries()) assert.ok(n - (done[i - 1] ?? 0) <= 150 + 20, `${done[i - 1]} → ${n}`);
});

test('an upload of 1 000 positions or fewer logs nothing', async () => {
  lines.length = 0;
  await uploadPositions(1_000);
  assert.deepEqual(lines, []);
});
