import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PaymentPosition } from './model.ts';
import { GpdStore, UniquenessViolation } from './store.ts';

const ORG = '77777777777';

/** A position with just what the store looks at, plus an undefined field (kept as a key). */
function position(iupd: string, codes: Array<{ iuv: string; nav: string }>, extra: Record<string, unknown> = {}): PaymentPosition {
  return {
    id: 0,
    iupd,
    organizationFiscalCode: ORG,
    status: 'DRAFT',
    companyName: 'Comune di Test',
    validityDate: undefined,
    paymentOption: codes.map(({ iuv, nav }) => ({ iuv, nav, transfer: [{ idTransfer: '1', iban: 'IT60X0542811101000000123456' }] })),
    ...extra,
  } as unknown as PaymentPosition;
}

test('reads are fresh copies, and the store keeps none of the caller objects', () => {
  const store = new GpdStore();
  const input = position('A', [{ iuv: '01', nav: '301' }]);
  const saved = store.save(input);
  assert.equal(saved.id, 1);
  assert.equal(input.id, 0, 'the input is not changed');
  assert.deepEqual(Object.keys(saved), Object.keys(input));
  assert.ok('validityDate' in saved);
  input.companyName = 'changed after save';
  saved.paymentOption[0]!.transfer[0]!.iban = 'changed after read';
  const read = store.get(ORG, 'A')!;
  assert.equal(read.companyName, 'Comune di Test');
  assert.equal(read.paymentOption[0]!.transfer[0]!.iban, 'IT60X0542811101000000123456');
  assert.notEqual(store.get(ORG, 'A'), read);
});

test('a replaced position keeps its id; a new one gets the next', () => {
  const store = new GpdStore();
  store.save(position('A', [{ iuv: '01', nav: '301' }]));
  store.save(position('B', [{ iuv: '02', nav: '302' }]));
  assert.equal(store.save(position('A', [{ iuv: '03', nav: '303' }])).id, 1);
  assert.equal(store.save(position('C', [{ iuv: '04', nav: '304' }])).id, 3);
  // The replaced position's old codes are free again, its new ones taken.
  assert.equal(store.findByIuv(ORG, '01'), undefined);
  assert.equal(store.findByIuv(ORG, '03')?.iupd, 'A');
  assert.equal(store.findByNavOrIuv(ORG, '303')?.iupd, 'A');
});

test('lookups by IUV and by NAV-or-IUV follow the indexes, the first position in write order winning a shared code', () => {
  const store = new GpdStore();
  // '3X' is A's NAV and B's IUV: the platform's lookup takes the first position it meets.
  store.save(position('A', [{ iuv: 'X', nav: '3X' }]));
  store.save(position('B', [{ iuv: '3X', nav: '33X' }]));
  assert.equal(store.findByNavOrIuv(ORG, '3X')?.iupd, 'A');
  assert.equal(store.findByIuv(ORG, '3X')?.iupd, 'B');
  assert.equal(store.findByNavOrIuv(ORG, '33X')?.iupd, 'B');
  // A rewritten position comes last in the organization's order (as the list shows it).
  store.save(position('A', [{ iuv: 'X', nav: '3X' }], { status: 'VALID' }));
  assert.equal(store.findByNavOrIuv(ORG, '3X')?.iupd, 'B');
  assert.deepEqual(
    store.list(ORG).map((p) => p.iupd),
    ['B', 'A'],
  );
  assert.equal(store.findByNavOrIuv(ORG, 'nothing'), undefined);
  assert.equal(store.findByIuv('00000000000', 'X'), undefined);
});

test('a clash stores nothing; a failed transaction undoes its writes and their index entries', () => {
  const store = new GpdStore();
  store.save(position('A', [{ iuv: '01', nav: '301' }]));
  assert.throws(() => store.save(position('B', [{ iuv: '01', nav: '399' }])), UniquenessViolation);
  assert.throws(() => store.save(position('B', [{ iuv: '09', nav: '301' }])), UniquenessViolation);
  assert.equal(store.exists(ORG, 'B'), false);
  assert.equal(store.findByNavOrIuv(ORG, '399'), undefined);

  assert.throws(() =>
    store.transaction(() => {
      store.save(position('A', [{ iuv: '05', nav: '305' }], { status: 'VALID' }));
      store.save(position('C', [{ iuv: '06', nav: '306' }]));
      store.delete(ORG, 'C');
      store.save(position('D', [{ iuv: '05', nav: '399' }])); // clashes with A's new IUV
    }),
  );
  assert.equal(store.get(ORG, 'A')!.status, 'DRAFT');
  assert.equal(store.findByIuv(ORG, '01')?.iupd, 'A');
  assert.equal(store.findByIuv(ORG, '05'), undefined);
  assert.equal(store.exists(ORG, 'C'), false);
  assert.equal(store.exists(ORG, 'D'), false);
});

test('a delete frees the identifiers', () => {
  const store = new GpdStore();
  store.save(position('A', [{ iuv: '01', nav: '301' }]));
  assert.equal(store.delete(ORG, 'A'), true);
  assert.equal(store.delete(ORG, 'A'), false);
  assert.equal(store.findByNavOrIuv(ORG, '301'), undefined);
  assert.equal(store.save(position('B', [{ iuv: '01', nav: '301' }])).iupd, 'B');
});
