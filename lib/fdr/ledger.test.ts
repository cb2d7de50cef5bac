import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendPaid, DEFAULT_LEDGER_FILE, LedgerError, readLedger, readLedgerSettings, type PaidNotice } from './ledger.ts';

const notice = (iuv: string, runId: string, over: Partial<PaidNotice> = {}): PaidNotice => ({
  iuv,
  nav: `3${iuv.padStart(17, '0')}`,
  ec: '77777777777',
  amountCents: 1230,
  pspId: 'BNLIITRR',
  paymentDate: '2026-12-01T10:15:00.000Z',
  runId,
  ...over,
});

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'fdr-ledger-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const GOOD_LINE = JSON.stringify({ ...notice('01000000000000001', 'R1'), recordedAt: '2026-12-01T10:16:00.000Z' });

describe('readLedger', () => {
  test('a missing ledger is an empty ledger, and reading does not create it', () =>
    withDir(async (dir) => {
      const file = join(dir, 'nested', 'fdr-ledger.jsonl');
      assert.deepEqual(await readLedger(file), []);
      await assert.rejects(readFile(file), { code: 'ENOENT' });
    }));

  test('a line that is not JSON: LedgerError naming file and line, with advice; the bytes are unchanged', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      const original = `${GOOD_LINE}\n${GOOD_LINE}\n{"iuv":"0100000000000000\n${GOOD_LINE}\n`;
      await writeFile(file, original);
      const error = await readLedger(file).then(
        () => assert.fail('a corrupt ledger must not read'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof LedgerError);
      assert.equal(error.line, 3);
      assert.equal(error.file, file);
      assert.match(error.message, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3`));
      assert.match(error.message, /line 3 is not JSON/);
      assert.match(error.message, /fix or delete that line/);
      assert.equal(await readFile(file, 'utf8'), original);
    }));

  test('a line with a missing or ill-typed field is corrupt, naming the field', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      const entry = JSON.parse(GOOD_LINE) as Record<string, unknown>;
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ ...entry, amountCents: '12.30' }, /"amountCents" is "12\.30" \(expected a positive integer of euro cents\)/],
        [{ ...entry, amountCents: 12.3 }, /"amountCents" is 12\.3/],
        [{ ...entry, paymentDate: 'yesterday' }, /"paymentDate" is "yesterday"/],
        [{ ...entry, nav: undefined }, /"nav" is missing/],
        [{ ...entry, ec: 77777777777 }, /"ec" is 77777777777/],
        [{ ...entry, pspId: 'two words' }, /"pspId" is "two words"/],
      ];
      for (const [bad, message] of cases) {
        const original = `${GOOD_LINE}\n${JSON.stringify(bad)}\n`;
        await writeFile(file, original);
        await assert.rejects(
          readLedger(file),
          (e: unknown) => e instanceof LedgerError && e.line === 2 && message.test(e.message) && /:2: line 2 is not a paid notice/.test(e.message),
        );
        assert.equal(await readFile(file, 'utf8'), original);
      }
      await writeFile(file, '[1,2]\n');
      await assert.rejects(readLedger(file), (e: unknown) => e instanceof LedgerError && e.line === 1 && /expected a JSON object/.test(e.message));
    }));

  test('blank lines and CRLF endings are tolerated; unknown fields are dropped', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      const extra = JSON.stringify({ ...JSON.parse(GOOD_LINE), note: 'hand edit' });
      await writeFile(file, `${GOOD_LINE}\r\n\n   \n${extra}\n`);
      const entries = await readLedger(file);
      assert.equal(entries.length, 2);
      assert.deepEqual(entries[1], JSON.parse(GOOD_LINE));
    }));
});

describe('appendPaid', () => {
  test('a notice without its PSP (Checkout chose it alone) is recorded and read back without one', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      const { pspId: _none, ...withoutPsp } = notice('01000000000000009', 'R9');
      await appendPaid(file, [withoutPsp], { now: new Date('2026-12-01T10:16:00.000Z') });
      const [entry] = await readLedger(file);
      assert.equal(entry?.iuv, '01000000000000009');
      assert.equal('pspId' in entry!, false);
    }));

  test('creates the folders, appends two runs in order, never rewrites earlier lines', () =>
    withDir(async (dir) => {
      const file = join(dir, 'reports', 'ci', 'fdr-ledger.jsonl');
      const first = await appendPaid(file, [notice('01000000000000001', 'RUNA'), notice('01000000000000002', 'RUNA')], {
        now: new Date('2026-12-01T11:00:00Z'),
      });
      assert.equal(first[0]!.recordedAt, '2026-12-01T11:00:00.000Z');
      const afterFirst = await readFile(file, 'utf8');
      await appendPaid(file, [notice('01000000000000003', 'RUNB', { amountCents: 99 })], { now: new Date('2026-12-02T11:00:00Z') });
      const afterSecond = await readFile(file, 'utf8');
      assert.ok(afterSecond.startsWith(afterFirst), 'the first run’s bytes are kept as they were');
      assert.equal(afterSecond.split('\n').length, 4); // three lines, each ending in a newline
      const entries = await readLedger(file);
      assert.deepEqual(
        entries.map((e) => [e.iuv, e.runId, e.amountCents, e.recordedAt]),
        [
          ['01000000000000001', 'RUNA', 1230, '2026-12-01T11:00:00.000Z'],
          ['01000000000000002', 'RUNA', 1230, '2026-12-01T11:00:00.000Z'],
          ['01000000000000003', 'RUNB', 99, '2026-12-02T11:00:00.000Z'],
        ],
      );
    }));

  test('concurrent appends of two runs lose no line and split none', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      const batch = (run: string) => Array.from({ length: 50 }, (_, i) => notice(`0${run === 'RUNA' ? 1 : 2}${String(i).padStart(15, '0')}`, run));
      await Promise.all([appendPaid(file, batch('RUNA')), appendPaid(file, batch('RUNB'))]);
      const entries = await readLedger(file);
      assert.equal(entries.length, 100);
      for (const run of ['RUNA', 'RUNB']) {
        const own = entries.filter((e) => e.runId === run).map((e) => e.iuv);
        assert.deepEqual(
          own,
          batch(run).map((n) => n.iuv),
          `${run}'s lines in its own order`,
        );
      }
    }));

  test('a last line without its newline is not joined to the appended one', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      await writeFile(file, GOOD_LINE);
      await appendPaid(file, [notice('01000000000000009', 'RUNB')]);
      assert.deepEqual(
        (await readLedger(file)).map((e) => e.iuv),
        ['01000000000000001', '01000000000000009'],
      );
      assert.ok((await readFile(file, 'utf8')).startsWith(`${GOOD_LINE}\n`));
    }));

  test('after a corrupt read, appending is refused (bytes unchanged, notices in the error) until the line is fixed', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      const corrupt = `${GOOD_LINE}\n{"iuv":"01000000000000002","nav":`; // a write cut short
      await writeFile(file, corrupt);
      await assert.rejects(readLedger(file), (e: unknown) => e instanceof LedgerError && e.line === 2 && /possibly a write cut short/.test(e.message));

      const paid = [notice('01000000000000005', 'RUNC')];
      const refused = await appendPaid(file, paid).then(
        () => assert.fail('appending to a corrupt ledger must be refused'),
        (e: unknown) => e,
      );
      assert.ok(refused instanceof LedgerError);
      assert.equal(refused.line, 2);
      assert.match(refused.message, /NOT recorded/);
      assert.match(refused.message, /"iuv":"01000000000000005"/, 'the refused lines, ready to paste');
      assert.deepEqual(
        refused.unrecorded.map((e) => e.iuv),
        ['01000000000000005'],
      );
      assert.equal(await readFile(file, 'utf8'), corrupt, 'neither rewritten, truncated nor appended to');

      // Fixed by hand: appends go on after the kept lines.
      await writeFile(file, `${GOOD_LINE}\n`);
      await appendPaid(file, paid);
      assert.deepEqual(
        (await readLedger(file)).map((e) => e.iuv),
        ['01000000000000001', '01000000000000005'],
      );
    }));

  test('an invalid notice is refused and nothing is written', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      await appendPaid(file, [notice('01000000000000001', 'RUNA')]);
      const before = await readFile(file, 'utf8');
      await assert.rejects(
        appendPaid(file, [notice('01000000000000002', 'RUNB'), notice('01000000000000003', 'RUNB', { amountCents: 12.3 })]),
        (e: unknown) => e instanceof LedgerError && /notice 2 \(IUV "01000000000000003"\): "amountCents" is 12\.3/.test(e.message),
      );
      assert.equal(await readFile(file, 'utf8'), before);
    }));

  test('an empty batch writes nothing (not even the file)', () =>
    withDir(async (dir) => {
      const file = join(dir, 'fdr-ledger.jsonl');
      assert.deepEqual(await appendPaid(file, []), []);
      await assert.rejects(readFile(file), { code: 'ENOENT' });
    }));
});

describe('readLedgerSettings', () => {
  test('defaults', () => {
    assert.deepEqual(readLedgerSettings({}), { settings: { file: DEFAULT_LEDGER_FILE, pendingWorkingDays: 3 } });
    assert.deepEqual(readLedgerSettings({ FDR_LEDGER: '  ', FDR_PENDING_WORKING_DAYS: '' }), {
      settings: { file: 'reports/fdr-ledger.jsonl', pendingWorkingDays: 3 },
    });
  });

  test('valid values, bounds included', () => {
    assert.deepEqual(readLedgerSettings({ FDR_LEDGER: '/var/ci/ledger.jsonl', FDR_PENDING_WORKING_DAYS: '0' }), {
      settings: { file: '/var/ci/ledger.jsonl', pendingWorkingDays: 0 },
    });
    assert.deepEqual(readLedgerSettings({ FDR_PENDING_WORKING_DAYS: '30' }).settings?.pendingWorkingDays, 30);
  });

  test('one clear message per invalid value, naming the setting and the expected form', () => {
    for (const days of ['31', '-1', '2.5', 'three', '1e1', '0x3']) {
      const result = readLedgerSettings({ FDR_PENDING_WORKING_DAYS: days });
      assert.equal(result.settings, undefined, days);
      assert.deepEqual(result.problems, [
        `FDR_PENDING_WORKING_DAYS=${JSON.stringify(days)} is invalid: expected whole working days 0..30 (default 3) that a paid notice may wait for its reporting flow before it is missing.`,
      ]);
    }
    for (const file of ['reports/', '.', 'reports/..', 'a\nb']) {
      const result = readLedgerSettings({ FDR_LEDGER: file });
      assert.equal(result.problems?.length, 1, file);
      assert.match(
        result.problems![0]!,
        /^FDR_LEDGER=".*" is invalid: expected the path of the ledger file, e\.g\. reports\/fdr-ledger\.jsonl \(default\), not a folder\.$/,
      );
    }
    const both = readLedgerSettings({ FDR_LEDGER: 'reports/', FDR_PENDING_WORKING_DAYS: '99' });
    assert.equal(both.problems?.length, 2);
    assert.match(both.problems![0]!, /^FDR_LEDGER=/);
    assert.match(both.problems![1]!, /^FDR_PENDING_WORKING_DAYS="99"/);
  });
});
