// Every cell of the operation × state matrix (notes §4), each on a fresh sandbox.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY, ORG, STATES, at, reachState, startSandbox, type Reached, type Res, type State, type TestSandbox } from '../test-helpers.ts';

type Op = 'PUT' | 'DELETE' | 'publish' | 'invalidate' | 'paids';
type Expected = number | { status: number; title: string; detail: (r: Reached) => string };

const conflict = (title: string, detail: (r: Reached) => string) => ({ status: 409, title, detail });
const NOT_UPDATABLE = conflict(
  'Existing related payment found or not in updatable state',
  (r) =>
    `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${ORG} and IUPD ${r.iupd}, is not in updatable state`,
);
const PAYMENT_FOUND = conflict(
  'Existing related payment found',
  (r) => `A payment transaction has already been carried out on the debt position with Organization Fiscal Code ${ORG} and IUPD ${r.iupd}`,
);
const NOT_PUBLISHABLE = conflict(
  'Existing related payment found or not in publishable state',
  (r) =>
    `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${ORG} and IUPD ${r.iupd}, is not in publishable state`,
);
const NOT_INVALIDABLE = conflict(
  'Existing related payment found or not in invalidable state',
  (r) =>
    `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${ORG} and IUPD ${r.iupd}, is not in invalidable state`,
);
const ALREADY_PAID = conflict(
  'Existing related payment found',
  (r) => `A payment transaction has already been carried out for the Organization Fiscal Code ${ORG} and NAV ${r.nav}`,
);

const MATRIX: Record<Op, Record<State, Expected>> = {
  PUT: {
    DRAFT: 200,
    PUBLISHED: 200,
    VALID: 200,
    INVALID: NOT_UPDATABLE,
    EXPIRED: 200,
    PARTIALLY_PAID: NOT_UPDATABLE,
    PAID: NOT_UPDATABLE,
    REPORTED: NOT_UPDATABLE,
  },
  DELETE: { DRAFT: 200, PUBLISHED: 200, VALID: 200, INVALID: 200, EXPIRED: 200, PARTIALLY_PAID: PAYMENT_FOUND, PAID: PAYMENT_FOUND, REPORTED: PAYMENT_FOUND },
  publish: {
    DRAFT: 200,
    PUBLISHED: NOT_PUBLISHABLE,
    VALID: NOT_PUBLISHABLE,
    INVALID: NOT_PUBLISHABLE,
    EXPIRED: NOT_PUBLISHABLE,
    PARTIALLY_PAID: NOT_PUBLISHABLE,
    PAID: NOT_PUBLISHABLE,
    REPORTED: NOT_PUBLISHABLE,
  },
  invalidate: {
    DRAFT: NOT_INVALIDABLE,
    PUBLISHED: 200,
    VALID: 200,
    INVALID: NOT_INVALIDABLE,
    EXPIRED: NOT_INVALIDABLE,
    PARTIALLY_PAID: NOT_INVALIDABLE,
    PAID: NOT_INVALIDABLE,
    REPORTED: NOT_INVALIDABLE,
  },
  // No state check on the platform: paids works even on DRAFT/PUBLISHED/INVALID/EXPIRED.
  paids: { DRAFT: 200, PUBLISHED: 200, VALID: 200, INVALID: 200, EXPIRED: 200, PARTIALLY_PAID: 200, PAID: ALREADY_PAID, REPORTED: ALREADY_PAID },
};

async function perform(sb: TestSandbox, op: Op, r: Reached): Promise<Res> {
  switch (op) {
    case 'PUT': {
      // Same position, due dates moved ahead of the (possibly advanced) clock.
      const body = { ...r.body, paymentOption: r.body.paymentOption.map((po) => ({ ...po, dueDate: at(sb.now(), 30 * DAY) })) };
      return sb.ec('PUT', `/debtpositions/${r.iupd}`, { body });
    }
    case 'DELETE':
      return sb.ec('DELETE', `/debtpositions/${r.iupd}`);
    case 'publish':
    case 'invalidate':
      return sb.ec('POST', `/debtpositions/${r.iupd}/${op}`);
    case 'paids':
      return sb.ec('POST', `/paymentoptions/paids/${r.nav}`, { body: { paymentDate: '2025-03-01T12:00:00' } });
  }
}

describe('status matrix', () => {
  for (const op of Object.keys(MATRIX) as Op[]) {
    describe(op, () => {
      for (const state of STATES) {
        const expected = MATRIX[op][state];
        const status = typeof expected === 'number' ? expected : expected.status;
        it(`${state} → ${status}`, async () => {
          const sb = await startSandbox();
          try {
            const reached = await reachState(sb, state);
            const before = (await sb.ec('GET', `/debtpositions/${reached.iupd}`)).body;
            const res = await perform(sb, op, reached);
            if (typeof expected === 'number') {
              assert.equal(res.status, expected, res.raw);
            } else {
              assert.deepEqual(res.body, { title: expected.title, status: expected.status, detail: expected.detail(reached) });
              // A refused operation changes nothing.
              assert.deepEqual((await sb.ec('GET', `/debtpositions/${reached.iupd}`)).body, before);
            }
          } finally {
            await sb.close();
          }
        });
      }
    });
  }

  it('PARTIALLY_PAID: paids on the single option is 404, on the other installment completes the plan', async () => {
    const sb = await startSandbox();
    try {
      const r = await reachState(sb, 'PARTIALLY_PAID');
      const single = await sb.ec('POST', `/paymentoptions/paids/${r.singleNav}`, { body: {} });
      assert.deepEqual(single.body, {
        title: 'Not found the payment option',
        status: 404,
        detail: `Not found a payment option for Organization Fiscal Code ${ORG} and NAV ${r.singleNav}`,
      });
      assert.equal((await sb.ec('POST', `/paymentoptions/paids/${r.nav}`, { body: {} })).status, 200);
      assert.equal((await sb.ec('GET', `/debtpositions/${r.iupd}`)).body.status, 'PAID');
    } finally {
      await sb.close();
    }
  });

  it('outcome states of the allowed operations', async () => {
    const sb = await startSandbox();
    try {
      const draft = await reachState(sb, 'DRAFT');
      assert.equal((await sb.ec('POST', `/debtpositions/${draft.iupd}/publish`)).body.status, 'VALID');
      const valid = await reachState(sb, 'VALID');
      assert.equal((await sb.ec('POST', `/debtpositions/${valid.iupd}/invalidate`)).body.status, 'INVALID');
      const paid = await reachState(sb, 'VALID');
      const res = await sb.ec('POST', `/paymentoptions/paids/${paid.nav}`, { body: { paymentDate: '2025-03-01T12:00:00' } });
      assert.equal(res.body.status, 'PO_PAID');
      assert.equal(res.body.idReceipt, 'CLOSED_AS_ALREADY_PAID_BY_EC');
      assert.equal(res.body.pspCompany, 'CLOSED_AS_ALREADY_PAID_BY_EC');
      assert.equal(res.body.paymentDate, '2025-03-01T12:00:00');
      assert.equal(res.body.fee, 0);
      const position = (await sb.ec('GET', `/debtpositions/${paid.iupd}`)).body;
      assert.equal(position.status, 'PAID');
      assert.equal(position.paymentDate, '2025-03-01T12:00:00');
      const expired = await reachState(sb, 'EXPIRED');
      const deleted = await sb.ec('DELETE', `/debtpositions/${expired.iupd}`);
      assert.equal(deleted.raw, '"The debt position was successfully deleted"');
      assert.equal((await sb.ec('GET', `/debtpositions/${expired.iupd}`)).status, 404);
    } finally {
      await sb.close();
    }
  });
});
