import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ecShareCents, gpdDateTimeToIso, paidInstallment, paidNotice } from './paid-notice.ts';
import type { DebtPosition } from '../gpd/model.ts';

const EC = '77777777777';
const position = (transfers: { amount: number; organizationFiscalCode?: string }[]) =>
  ({
    iupd: 'IUPD-1',
    paymentOption: [
      {
        iuv: '01000000000000001',
        amount: transfers.reduce((s, t) => s + t.amount, 0),
        transfer: transfers.map((t, i) => ({ idTransfer: String(i + 1), ...t })),
      },
    ],
  }) as unknown as DebtPosition;

test('a GPD date-time (zone-less, UTC) gets its zone; one with a zone keeps its instant; garbage is refused', () => {
  assert.equal(gpdDateTimeToIso('2026-12-03T10:15:30.123'), '2026-12-03T10:15:30.123Z');
  assert.equal(gpdDateTimeToIso('2026-12-03T11:15:30+01:00'), '2026-12-03T10:15:30.000Z');
  assert.throws(() => gpdDateTimeToIso('yesterday'), RangeError);
});

test("the EC's share: its own transfers (an unnamed one is the EC's), not the second beneficiary's", () => {
  assert.equal(ecShareCents(position([{ amount: 700 }, { amount: 300, organizationFiscalCode: '15376371009' }]), EC), 700);
  assert.equal(ecShareCents(position([{ amount: 700, organizationFiscalCode: EC }, { amount: 50 }]), EC), 750);
});

test('the ledger notice: IUV and NAV of the option, the share, the instant of payment; the PSP only when known', () => {
  const base = { position: position([{ amount: 1230 }]), nav: '301000000000000001', ec: EC, paymentDate: '2026-12-03T10:15:30', runId: 'R1' };
  assert.deepEqual(paidNotice({ ...base, pspId: 'BNLIITRR' }), {
    iuv: '01000000000000001',
    nav: '301000000000000001',
    ec: EC,
    amountCents: 1230,
    pspId: 'BNLIITRR',
    paymentDate: '2026-12-03T10:15:30.000Z',
    runId: 'R1',
  });
  assert.equal('pspId' in paidNotice({ ...base, pspId: undefined }), false);
});

test('a paid GPD v3 instalment: its own IUV and notice number, the EC share of its transfers', () => {
  const installment = {
    iuv: '01000000000000017',
    amount: 4000,
    description: 'Rata',
    dueDate: '2026-01-31T00:00:00',
    transfer: [
      { idTransfer: '1' as const, amount: 3000, remittanceInformation: 'R', category: 'C', iban: 'IT60X0542811101000000123456' },
      {
        idTransfer: '2' as const,
        amount: 1000,
        remittanceInformation: 'R',
        category: 'C',
        iban: 'IT60X0542811101000000123456',
        organizationFiscalCode: '15376371009',
      },
    ],
  };
  assert.deepEqual(paidInstallment({ installment, ec: EC, paymentDate: '2026-01-10T10:00:00', runId: 'R1', pspId: 'BNLIITRR' }), {
    iuv: '01000000000000017',
    nav: '301000000000000017',
    ec: EC,
    amountCents: 3000,
    pspId: 'BNLIITRR',
    paymentDate: '2026-01-10T10:00:00.000Z',
    runId: 'R1',
  });
});
