// Proves that the keys a run used (canaries set by scripts/self-test.sh) appear in none of
// its outputs: Allure results and report, Playwright traces, HTML report, test results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const canaries = (process.env.SECRET_CANARIES ?? '').split(',').filter(Boolean);
const OUTPUTS = ['reports', 'test-results', 'playwright-report'];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The text of a file, with the entries of ZIP archives (Playwright traces) inflated. */
function contents(path: string): string[] {
  const data = readFileSync(path);
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return zipEntries(data);
  return [data.toString('latin1'), data.toString('utf8')];
}

function zipEntries(zip: Buffer): string[] {
  const out: string[] = [];
  let offset = 0;
  while (offset + 30 <= zip.length && zip.readUInt32LE(offset) === 0x04034b50) {
    const method = zip.readUInt16LE(offset + 8);
    const size = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extraLength = zip.readUInt16LE(offset + 28);
    const start = offset + 30 + nameLength + extraLength;
    const raw = zip.subarray(start, start + size);
    out.push((method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    offset = start + size;
  }
  return out;
}

test('canary keys were given', () => {
  assert.ok(canaries.length > 0 && canaries.every((c) => c.length >= 16), 'SECRET_CANARIES must list the keys the run used');
});

test('the run produced outputs to scan', () => {
  for (const dir of ['reports/allure-results', 'playwright-report']) assert.ok(files(dir).length > 0, `${dir} is empty`);
});

test('no canary key in any output file', () => {
  const leaks: string[] = [];
  let scanned = 0;
  for (const dir of OUTPUTS) {
    for (const file of files(dir)) {
      if (file.endsWith('.tap') || statSync(file).size > 200 * 1024 * 1024) continue;
      scanned += 1;
      const texts = contents(file);
      for (const canary of canaries) if (texts.some((t) => t.includes(canary))) leaks.push(`${file} contains canary ${canary.slice(0, 4)}…`);
    }
  }
  assert.ok(scanned > 0);
  assert.deepEqual(leaks, []);
});
