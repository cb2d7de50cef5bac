import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DebtPositionFactory } from './factory.ts';
import { isValidIuv, isValidIban, isValidPersonalFiscalCode } from '../ids.ts';
import { validateBody } from '../schemas.ts';

const make = (runId: string, workerIndex: number) => new DebtPositionFactory({ runId, workerIndex, segregationCode: '01', ecFiscalCode: '77777777777' });

test('positions are valid against our request schema and carry valid identifiers', () => {
  const factory = make('R261128120000AB12', 0);
  for (let i = 0; i < 20; i += 1) {
    const position = factory.position();
    const verdict = validateBody('gpd/PaymentPositionModel', position);
    assert.deepEqual(verdict.errors, []);
    assert.deepEqual(verdict.warnings, []);
    const option = position.paymentOption[0]!;
    assert.ok(isValidIuv(option.iuv), option.iuv);
    assert.ok(option.iuv.startsWith('01'));
    assert.ok(isValidIban(option.transfer[0]!.iban!), option.transfer[0]!.iban ?? undefined);
    assert.ok(isValidPersonalFiscalCode(position.fiscalCode), position.fiscalCode);
    assert.equal(
      option.amount,
      option.transfer.reduce((sum, t) => sum + t.amount, 0),
    );
  }
});

test('identifiers are unique across workers and runs, and IUPDs carry the run id', () => {
  const seen = new Set<string>();
  for (const [run, worker] of [
    ['RUNAAAA', 0],
    ['RUNAAAA', 1],
    ['RUNBBBB', 0],
  ] as const) {
    const factory = make(run, worker);
    for (let i = 0; i < 200; i += 1) {
      const iupd = factory.iupd();
      assert.ok(iupd.startsWith(`CONF-${run}-W${worker}-`));
      for (const id of [iupd, factory.iuv()]) {
        assert.ok(!seen.has(id), `duplicate ${id}`);
        seen.add(id);
      }
    }
  }
});

test('dates are zone-less UTC, relative to the clock', () => {
  const factory = new DebtPositionFactory({
    runId: 'R1',
    workerIndex: 0,
    segregationCode: '01',
    ecFiscalCode: '1',
    now: () => new Date('2026-01-31T10:00:00.500Z'),
  });
  assert.equal(factory.at(1), '2026-02-01T10:00:00');
  assert.equal(factory.at(-1), '2026-01-30T10:00:00');
});

test('a v3 position: a single payment and two plans (3 and 2 instalments) for one debtor, valid against the v3 schema, IUVs unique and valid', () => {
  const factory = make('RV3', 0);
  const body = factory.positionV3();
  const verdict = validateBody('gpd-v3/PaymentPositionModelV3', body);
  assert.deepEqual([verdict.errors, verdict.warnings], [[], []]);
  assert.deepEqual(
    body.paymentOption.map((o) => o.installments.map((i) => i.amount)),
    [[12_000], [4_000, 4_000, 4_000], [6_000, 6_000]],
  );
  const installments = body.paymentOption.flatMap((o) => o.installments);
  assert.equal(new Set(installments.map((i) => i.iuv)).size, 6);
  for (const i of installments) {
    assert.ok(isValidIuv(i.iuv) && i.iuv.startsWith('01'), i.iuv);
    assert.equal(
      i.transfer.reduce((sum, t) => sum + t.amount, 0),
      i.amount,
    );
  }
  assert.ok(isValidPersonalFiscalCode(body.paymentOption[0]!.debtor.fiscalCode));
  assert.equal(new Set(body.paymentOption.map((o) => o.debtor.fiscalCode)).size, 1, 'one debtor for every option');
  // Plans in due-date order, as GPD answers them.
  for (const option of body.paymentOption) {
    const due = option.installments.map((i) => i.dueDate);
    assert.deepEqual(due, [...due].sort());
  }
  assert.notEqual(factory.positionV3().iupd, body.iupd);
});
