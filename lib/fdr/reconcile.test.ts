import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { LedgerEntry } from './ledger.ts';
import {
  addWorkingDays,
  countStates,
  easterSunday,
  euroToCents,
  formatCents,
  isWorkingDay,
  reconcile,
  romeDate,
  workingDaysBetween,
  type FdrFlow,
  type Reconciliation,
} from './reconcile.ts';

const EC = '77777777777';
const entry = (iuv: string, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  iuv,
  nav: `3${iuv}`,
  ec: EC,
  amountCents: 1230,
  pspId: 'BNLIITRR',
  paymentDate: '2026-11-20T10:00:00.000Z', // a Friday
  runId: 'RUNA',
  recordedAt: '2026-11-20T10:01:00.000Z',
  ...over,
});
const flow = (name: string, payments: FdrFlow['payments'], over: Partial<FdrFlow> = {}): FdrFlow => ({
  name,
  revision: 1,
  ec: EC,
  pspId: 'BNLIITRR',
  payments,
  ...over,
});
const pay = (iuv: string, amount: number | string, idTransfer = 1) => ({ iuv, pay: amount, idTransfer });
const at = (iso: string) => ({ now: new Date(iso) });

const one = (results: Reconciliation[]): Reconciliation => {
  assert.equal(results.length, 1);
  return results[0]!;
};

describe('reconcile: states', () => {
  test('reconciled: in a flow of the same EC with the right amount, split over transfers, euros as string and number', () => {
    const flows = [
      flow('2026-11-2188888888888-0000001', [pay('01000000000000099', '5.00'), pay('01000000000000001', '10.00', 1), pay('01000000000000001', 2.3, 2)]),
    ];
    const r = one(reconcile([entry('01000000000000001')], flows, at('2026-12-03T08:00:00Z')));
    assert.equal(r.state, 'reconciled');
    assert.ok(r.ok);
    assert.deepEqual(r.state === 'reconciled' && r.flow, { name: '2026-11-2188888888888-0000001', revision: 1, pspId: 'BNLIITRR' });
    assert.match(r.detail, /12\.30 EUR in flow 2026-11-2188888888888-0000001 revision 1/);
  });

  test('reconciled compares in cents: 0.1 + 0.2 euros is 30 cents', () => {
    const flows = [flow('F', [pay('01000000000000001', 0.1), pay('01000000000000001', 0.2, 2)])];
    assert.equal(one(reconcile([entry('01000000000000001', { amountCents: 30 })], flows, at('2026-12-03T08:00:00Z'))).state, 'reconciled');
    const strings = [flow('F', [pay('01000000000000001', '0.10'), pay('01000000000000001', '0.2', 2)])];
    assert.equal(one(reconcile([entry('01000000000000001', { amountCents: 30 })], strings, at('2026-12-03T08:00:00Z'))).state, 'reconciled');
  });

  test('pending: not found, younger than the delay; "no flow yet" is not a failure', () => {
    for (const flows of [[], [flow('F', [pay('01000000000000002', '12.30')])]]) {
      const r = one(reconcile([entry('01000000000000001')], flows, at('2026-11-24T15:00:00Z')));
      assert.equal(r.state, 'pending');
      assert.ok(r.ok);
      assert.equal(r.state === 'pending' && r.workingDaysElapsed, 2);
      assert.equal(r.state === 'pending' && r.missingFrom, '2026-11-25');
    }
  });

  test('missing: not found and older than the delay, a failure naming the IUV (with no flow at all, too)', () => {
    for (const flows of [[], [flow('F', [pay('01000000000000002', '12.30')])]]) {
      const r = one(reconcile([entry('01000000000000001')], flows, at('2026-11-25T08:00:00Z')));
      assert.equal(r.state, 'missing');
      assert.equal(r.ok, false);
      assert.match(
        r.state === 'missing' ? r.failure : '',
        /^IUV 01000000000000001 \(notice 301000000000000001, EC 77777777777, 12\.30 EUR, PSP BNLIITRR, paid 2026-11-20 by run RUNA\) is missing/,
      );
      assert.match(r.detail, /after 3 working day\(s\) \(allowed: 3\)/);
    }
  });

  test('a flow of another EC does not reconcile the IUV', () => {
    const flows = [flow('F', [pay('01000000000000001', '12.30')], { ec: '15376371009' })];
    assert.equal(one(reconcile([entry('01000000000000001')], flows, at('2026-12-03T08:00:00Z'))).state, 'missing');
  });

  test('amount-mismatch: found with another amount, a failure with both amounts', () => {
    const flows = [flow('F', [pay('01000000000000001', '12.03')], { revision: 2 })];
    const r = one(reconcile([entry('01000000000000001')], flows, at('2026-11-23T08:00:00Z')));
    assert.equal(r.state, 'amount-mismatch');
    assert.equal(r.ok, false);
    if (r.state !== 'amount-mismatch') return;
    assert.equal(r.expectedCents, 1230);
    assert.equal(r.foundCents, 1203);
    assert.deepEqual(r.flow, { name: 'F', revision: 2, pspId: 'BNLIITRR' });
    assert.match(r.failure, /paid 12\.30 EUR, but flow F revision 2 reports 12\.03 EUR/);
  });

  test('amount-mismatch when the flow amount is not euros', () => {
    const r = one(reconcile([entry('01000000000000001')], [flow('F', [pay('01000000000000001', '12,30')])], at('2026-11-23T08:00:00Z')));
    assert.equal(r.state, 'amount-mismatch');
    assert.equal(r.state === 'amount-mismatch' && r.foundCents, undefined);
    assert.match(r.detail, /reports an amount that is not euros/);
  });

  test('only the latest revision of a flow counts', () => {
    const e = [entry('01000000000000001')];
    const fixed = [flow('F', [pay('01000000000000001', '12.03')], { revision: 1 }), flow('F', [pay('01000000000000001', '12.30')], { revision: 2 })];
    const r = one(reconcile(e, fixed, at('2026-12-03T08:00:00Z')));
    assert.equal(r.state, 'reconciled');
    assert.equal(r.state === 'reconciled' && r.flow.revision, 2);
    const broken = [flow('F', [pay('01000000000000001', '12.30')], { revision: 3 }), flow('F', [pay('01000000000000001', '1.00')], { revision: 4 })];
    assert.equal(one(reconcile(e, broken, at('2026-12-03T08:00:00Z'))).state, 'amount-mismatch');
    // Whatever order the API lists them in.
    assert.equal(one(reconcile(e, [...fixed].reverse(), at('2026-12-03T08:00:00Z'))).state, 'reconciled');
    assert.equal(one(reconcile(e, [...broken].reverse(), at('2026-12-03T08:00:00Z'))).state, 'amount-mismatch');
  });

  test('each entry gets its state, in ledger order; countStates', () => {
    const entries = [
      entry('01000000000000001'),
      entry('01000000000000002', { paymentDate: '2026-12-02T09:00:00Z' }),
      entry('01000000000000003'),
      entry('01000000000000004', { amountCents: 500 }),
    ];
    const flows = [flow('F', [pay('01000000000000001', 12.3), pay('01000000000000004', '5.01')])];
    const results = reconcile(entries, flows, at('2026-12-03T08:00:00Z'));
    assert.deepEqual(
      results.map((r) => [r.entry.iuv, r.state]),
      [
        ['01000000000000001', 'reconciled'],
        ['01000000000000002', 'pending'],
        ['01000000000000003', 'missing'],
        ['01000000000000004', 'amount-mismatch'],
      ],
    );
    assert.deepEqual(countStates(results), { reconciled: 1, pending: 1, missing: 1, 'amount-mismatch': 1 });
  });

  test('pendingWorkingDays: 0 makes a notice not found missing at once; the default is 3', () => {
    const e = [entry('01000000000000001', { paymentDate: '2026-12-03T07:00:00Z' })];
    assert.equal(one(reconcile(e, [], { now: new Date('2026-12-03T08:00:00Z'), pendingWorkingDays: 0 })).state, 'missing');
    assert.equal(one(reconcile(e, [], { now: new Date('2026-12-03T08:00:00Z'), pendingWorkingDays: 1 })).state, 'pending');
    const friday = [entry('01000000000000001')];
    assert.equal(one(reconcile(friday, [], at('2026-11-24T20:00:00Z'))).state, 'pending');
    assert.equal(one(reconcile(friday, [], at('2026-11-25T00:30:00Z'))).state, 'missing');
    assert.throws(() => reconcile(friday, [], { now: new Date(), pendingWorkingDays: -1 }), RangeError);
  });
});

describe('working days (Italy)', () => {
  test('across a weekend: paid Friday, the 3rd working day is Wednesday', () => {
    assert.equal(workingDaysBetween('2026-11-20', '2026-11-22'), 0); // Sat, Sun
    assert.equal(workingDaysBetween('2026-11-20', '2026-11-24'), 2);
    assert.equal(workingDaysBetween('2026-11-20', '2026-11-25'), 3);
    assert.equal(addWorkingDays('2026-11-20', 3), '2026-11-25');
    assert.equal(addWorkingDays('2026-11-20', 0), '2026-11-20');
    assert.equal(workingDaysBetween('2026-11-25', '2026-11-20'), 0);
  });

  test('across Christmas: 25 and 26 December do not count', () => {
    assert.equal(isWorkingDay('2026-12-25'), false); // Friday
    assert.equal(isWorkingDay('2025-12-26'), false); // Friday
    assert.equal(workingDaysBetween('2026-12-24', '2026-12-29'), 2);
    assert.equal(addWorkingDays('2026-12-24', 3), '2026-12-30');
    const e = [entry('01000000000000001', { paymentDate: '2026-12-24T10:00:00Z' })];
    assert.equal(one(reconcile(e, [], at('2026-12-29T12:00:00Z'))).state, 'pending');
    assert.equal(one(reconcile(e, [], at('2026-12-30T12:00:00Z'))).state, 'missing');
  });

  test('across Easter Monday 2026-04-06', () => {
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(isWorkingDay('2026-04-06'), false);
    assert.equal(isWorkingDay('2026-04-07'), true);
    assert.equal(workingDaysBetween('2026-04-02', '2026-04-07'), 2); // Fri 3, (Mon 6 holiday), Tue 7
    assert.equal(addWorkingDays('2026-04-02', 3), '2026-04-08');
    const e = [entry('01000000000000001', { paymentDate: '2026-04-02T10:00:00+02:00' })];
    assert.equal(one(reconcile(e, [], at('2026-04-07T12:00:00Z'))).state, 'pending');
    assert.equal(one(reconcile(e, [], at('2026-04-08T12:00:00Z'))).state, 'missing');
  });

  test('Easter in other years, and the fixed holidays', () => {
    assert.deepEqual([2019, 2024, 2025, 2027, 2038].map(easterSunday), ['2019-04-21', '2024-03-31', '2025-04-20', '2027-03-28', '2038-04-25']);
    assert.equal(isWorkingDay('2025-04-21'), false); // Easter Monday 2025
    for (const day of ['2027-01-01', '2027-01-06', '2030-04-25', '2026-05-01', '2026-06-02', '2025-08-15', '2027-11-01', '2026-12-08', '2026-10-04'])
      assert.equal(isWorkingDay(day), false, day);
    for (const day of ['2026-12-03', '2026-12-07', '2026-12-09', '2026-04-03']) assert.equal(isWorkingDay(day), true, day);
  });

  test('payment dates are Italian calendar dates', () => {
    assert.equal(romeDate(new Date('2026-11-20T23:30:00Z')), '2026-11-21'); // CET, UTC+1
    assert.equal(romeDate(new Date('2026-07-01T22:30:00Z')), '2026-07-02'); // CEST, UTC+2
    assert.equal(romeDate(new Date('2026-07-01T21:30:00Z')), '2026-07-01');
  });
});

describe('euros', () => {
  test('decimal strings and numbers become exact cents', () => {
    assert.equal(euroToCents('12.30'), 1230);
    assert.equal(euroToCents('12.3'), 1230);
    assert.equal(euroToCents('12'), 1200);
    assert.equal(euroToCents('12.300'), 1230);
    assert.equal(euroToCents(12.3), 1230);
    assert.equal(euroToCents(0.07), 7);
    assert.equal(euroToCents(1234567.89), 123456789);
    assert.equal(euroToCents(' 0.01 '), 1);
  });

  test('anything else is not an amount', () => {
    for (const bad of ['12,30', '12.345', '-1.00', '', 'abc', '1e2', 12.345, -1, Number.NaN, Number.POSITIVE_INFINITY])
      assert.equal(euroToCents(bad), undefined, String(bad));
  });

  test('formatCents', () => {
    assert.equal(formatCents(1230), '12.30 EUR');
    assert.equal(formatCents(7), '0.07 EUR');
  });
});
