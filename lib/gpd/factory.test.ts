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
