// Create/update/publish/invalidate rules: business validations in order with exact messages,
// uniqueness, creation states, the update traps, publish checks, on-the-fly and scheduled transitions.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  DAY,
  HOUR,
  ORG,
  T0,
  at,
  ids,
  option,
  positionBody,
  startSandbox,
  transfer,
  type PositionBody,
  type TestSandbox,
  type TransferBody,
} from '../test-helpers.ts';

const DATA_ERROR = 'Error in the debt position request data';
const dataError = (detail: string) => ({ title: DATA_ERROR, status: 400, detail });
const UNIQUE = {
  title: 'The debt position violated constraints of uniqueness',
  status: 409,
  detail: `Already exists a debt position for the Organization Fiscal Code ${ORG} or one of its payment options is not unique`,
};
const STAMP = { hashDocument: 'a'.repeat(44), stampType: '01', provincialResidence: 'RM' };

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(() => sb.close());

const create = (body: unknown, toPublish = false) => sb.ec('POST', '/debtpositions', { body, query: { toPublish: String(toPublish) } });
const get = async (iupd: string) => (await sb.ec('GET', `/debtpositions/${iupd}`)).body;

describe('business validations (create)', () => {
  const po = (b: PositionBody) => b.paymentOption[0]!;

  // Rule k of §5.1, how to break it, and its message (T0 = 15:30 UTC prints as 03:30:00).
  const RULES: { name: string; breakIt: (b: PositionBody) => void; detail: string }[] = [
    {
      name: '1. validity date not after now',
      breakIt: (b) => (b.validityDate = at(T0)),
      detail: 'Dates congruence error: validity_date must be >= current_date [validity_date=2025-03-01 03:30:00; current_date=2025-03-01 03:30:00] ',
    },
    {
      name: '2. due date in the past',
      breakIt: (b) => (po(b).dueDate = at(T0, -DAY)),
      detail:
        'Dates congruence error: due_date must be >= validity_date (if provided) or due_date must be >= current_date [due_date=2025-02-28 03:30:00; validity_date=null; current_date=2025-03-01 03:30:00]',
    },
    {
      name: '3. retention date before due date',
      breakIt: (b) => (po(b).retentionDate = at(T0, DAY)),
      detail: 'Dates congruence error: retention_date must be >= due_date [retention_date=2025-03-02 03:30:00; due_date=2025-03-31 03:30:00] ',
    },
    {
      name: '4. more than 5 transfers',
      breakIt: (b) => (po(b).transfer = ['1', '2', '3', '4', '5', '6'].map((id) => transfer(100, id))),
      detail: 'Number of transfers congruence error: Each payment option must have a maximum of 5 transactions [transactions found=6]',
    },
    {
      name: '5. idTransfer outside 1..5',
      breakIt: (b) => (po(b).transfer[0]!.idTransfer = '7'),
      detail: 'Transfer ID congruence error: The transaction id not have a value between those expected [transaction id=7; expected values=[1, 2, 3, 4, 5]]',
    },
    {
      name: '6. iban and stamp together',
      breakIt: (b) => (po(b).transfer[0]!.stamp = STAMP),
      detail: `The Iban may be present (optionally combined with the Postal Iban) or the Stamp. Not all at the same time [iuv=${'IUV'}, transaction id=1].`,
    },
    {
      name: '7. amounts do not add up',
      breakIt: (b) => (po(b).amount = 12345),
      detail:
        'Amounts congruence error: payment option amount must coincide with the total of the transfers amount [payment_option_amount(in cent)=12345; total_tranfers_amount(in cent)=10000]',
    },
  ];

  RULES.forEach((rule, k) => {
    it(`${rule.name}: reported first when rules ${k + 1}..7 are all broken`, async () => {
      const body = positionBody();
      for (const later of RULES.slice(k).reverse()) later.breakIt(body);
      const res = await create(body);
      assert.deepEqual(res.body, dataError(rule.detail.replace('IUV', po(body).iuv)));
      assert.equal((await sb.ec('GET', `/debtpositions/${body.iupd}`)).status, 404);
    });
  });

  it('due date before the validity date', async () => {
    const body = { ...positionBody({ dueInMs: DAY }), validityDate: at(T0, 2 * DAY) };
    assert.deepEqual(
      (await create(body)).body,
      dataError(
        'Dates congruence error: due_date must be >= validity_date (if provided) or due_date must be >= current_date [due_date=2025-03-02 03:30:00; validity_date=2025-03-03 03:30:00; current_date=2025-03-01 03:30:00]',
      ),
    );
  });

  it('iban XOR stamp: stamp alone and iban + postalIban pass; neither, or postalIban with stamp, fail', async () => {
    const withTransfer = (t: Partial<TransferBody>) => {
      const body = positionBody();
      po(body).transfer = [{ ...transfer(10000), iban: undefined, ...t }];
      return body;
    };
    assert.equal((await create(withTransfer({ stamp: STAMP }))).status, 201);
    assert.equal((await create(withTransfer({ iban: 'IT30N0103076271000001823603', postalIban: 'IT30N0103076271000001823603' }))).status, 201);
    for (const t of [{}, { postalIban: 'IT30N0103076271000001823603' }, { stamp: STAMP, postalIban: 'IT30N0103076271000001823603' }]) {
      const body = withTransfer(t);
      assert.deepEqual(
        (await create(body)).body,
        dataError(
          `The Iban may be present (optionally combined with the Postal Iban) or the Stamp. Not all at the same time [iuv=${po(body).iuv}, transaction id=1].`,
        ),
      );
    }
  });

  it('reserved metadata NOTIFICATION_FEE → 409', async () => {
    const body = positionBody();
    po(body).paymentOptionMetadata = [{ key: 'NOTIFICATION_FEE', value: '100' }];
    assert.deepEqual((await create(body)).body, {
      title: 'The payment option contains reserved metadata',
      status: 409,
      detail: 'The caller should not add or modify reserved payment option metadata. Reserved metadata list = {NOTIFICATION_FEE}.',
    });
  });
});

describe('uniqueness', () => {
  it('duplicate IUPD, IUV or NAV → 409; a deleted position frees them', async () => {
    const first = positionBody();
    assert.equal((await create(first)).status, 201);
    const sameIupd = positionBody({ iupd: first.iupd });
    const sameIuv = positionBody({ iuv: first.paymentOption[0]!.iuv });
    const sameNav = positionBody();
    sameNav.paymentOption[0]!.nav = `3${first.paymentOption[0]!.iuv}`;
    for (const body of [sameIupd, sameIuv, sameNav]) assert.deepEqual((await create(body)).body, UNIQUE);
    assert.equal((await sb.ec('DELETE', `/debtpositions/${first.iupd}`)).status, 200);
    for (const body of [sameIupd, sameIuv, sameNav]) {
      assert.equal((await create(body)).status, 201);
      assert.equal((await sb.ec('DELETE', `/debtpositions/${body.iupd}`)).status, 200);
    }
  });

  it('two options with the same IUV in one position → 409', async () => {
    const body = positionBody();
    body.paymentOption.push(option(body.paymentOption[0]!.iuv, at(T0, DAY)));
    assert.deepEqual((await create(body)).body, UNIQUE);
  });

  it('INVALID and EXPIRED positions keep their IUPD, IUV and NAV', async () => {
    const invalid = positionBody();
    await create(invalid, true);
    await sb.ec('POST', `/debtpositions/${invalid.iupd}/invalidate`);
    const expired = positionBody({ switchToExpired: true, dueInMs: DAY });
    await create(expired, true);
    sb.clock.advance(2 * DAY);
    assert.deepEqual((await sb.control('POST', '/batches/expire')).body, { updated: 1 });
    assert.equal((await get(expired.iupd)).status, 'EXPIRED');
    for (const old of [invalid, expired]) {
      const reuse = positionBody({ iuv: old.paymentOption[0]!.iuv, now: sb.now() });
      assert.deepEqual((await create(reuse)).body, UNIQUE);
      assert.deepEqual((await create(positionBody({ iupd: old.iupd, now: sb.now() }))).body, UNIQUE);
    }
  });
});

describe('creation states', () => {
  it('toPublish=false → DRAFT; true without validity → VALID (validity = now); future validity → PUBLISHED', async () => {
    const draft = await create(positionBody({ validityInMs: DAY }));
    assert.equal(draft.status, 201);
    assert.equal(draft.body.status, 'DRAFT');
    assert.equal(draft.body.validityDate, '2025-03-02T15:30:00');
    const valid = await create(positionBody(), true);
    assert.equal(valid.body.status, 'VALID');
    assert.equal(valid.body.validityDate, '2025-03-01T15:30:00');
    assert.equal(valid.body.paymentOption[0].nav, `3${valid.body.paymentOption[0].iuv}`);
    assert.equal(valid.body.paymentOption[0].fee, 0);
    assert.equal(valid.body.paymentOption[0].notificationFee, 0);
    const published = await create(positionBody({ validityInMs: DAY }), true);
    assert.equal(published.body.status, 'PUBLISHED');
    const stored = await get(published.body.iupd);
    assert.equal(stored.publishDate, '2025-03-01T15:30:00');
    assert.equal(stored.paymentOption[0].status, 'PO_UNPAID');
    assert.equal(stored.paymentOption[0].transfer[0].status, 'T_UNREPORTED');
    assert.equal(stored.paymentOption[0].transfer[0].organizationFiscalCode, ORG);
    assert.equal(stored.fiscalCode, undefined); // base response: no debtor fields
  });
});

describe('update', () => {
  it('a VALID position updated without toPublish falls back to DRAFT (platform trap)', async () => {
    const body = positionBody();
    await create(body, true);
    const res = await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body: { ...body, companyName: 'Comune nuovo' } });
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'DRAFT');
    assert.equal(res.body.companyName, 'Comune nuovo');
    const stored = await get(body.iupd);
    assert.equal(stored.status, 'DRAFT');
    assert.equal(stored.publishDate, undefined);
  });

  it('with toPublish=true a VALID position stays VALID and keeps its validity date', async () => {
    const body = positionBody();
    await create(body, true);
    sb.clock.advance(HOUR);
    const res = await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body, query: { toPublish: 'true' } });
    assert.equal(res.body.status, 'VALID');
    assert.equal(res.body.validityDate, '2025-03-01T15:30:00');
    assert.equal((await get(body.iupd)).publishDate, '2025-03-01T16:30:00');
  });

  it('with toPublish=true and a future validity → PUBLISHED; full replacement of the options', async () => {
    const body = positionBody();
    await create(body);
    const replaced = { ...body, validityDate: at(T0, DAY), paymentOption: [option(ids().iuv, at(T0, 10 * DAY), 500)] };
    replaced.paymentOption[0]!.transfer = [transfer(500)];
    const res = await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body: replaced, query: { toPublish: 'true' } });
    assert.equal(res.body.status, 'PUBLISHED');
    const stored = await get(body.iupd);
    assert.deepEqual(
      stored.paymentOption.map((po: { iuv: string }) => po.iuv),
      [replaced.paymentOption[0]!.iuv],
    );
    // The old IUV is free again.
    assert.equal((await create(positionBody({ iuv: body.paymentOption[0]!.iuv }))).status, 201);
  });

  it('body IUPD different from the path → 400 mismatch; unknown IUPD → 404', async () => {
    const body = positionBody();
    await create(body);
    const res = await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body: { ...body, iupd: 'other' } });
    assert.deepEqual(res.body, dataError(`IUPD mistmatch error: path variable IUPD [${body.iupd}] and request body IUPD [other] must be the same`));
    const missing = positionBody();
    assert.deepEqual((await sb.ec('PUT', `/debtpositions/${missing.iupd}`, { body: missing })).body, {
      title: 'Not found the debt position',
      status: 404,
      detail: `Not found a debt position for Organization Fiscal Code ${ORG} and IUPD ${missing.iupd}`,
    });
  });

  it('update accepts a past validity date, and a past due date only when the position does not expire', async () => {
    const body = positionBody({ dueInMs: DAY, validityInMs: HOUR });
    await create(body);
    sb.clock.advance(2 * DAY);
    assert.equal((await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body })).status, 200);
    const expiring = { ...body, switchToExpired: true };
    assert.equal((await sb.ec('PUT', `/debtpositions/${body.iupd}`, { body: expiring })).body.title, DATA_ERROR);
  });
});

describe('publish', () => {
  it('DRAFT → VALID without validity, PUBLISHED with a future one; twice → 409', async () => {
    const plain = positionBody();
    await create(plain);
    assert.equal((await sb.ec('POST', `/debtpositions/${plain.iupd}/publish`)).body.status, 'VALID');
    assert.equal((await sb.ec('POST', `/debtpositions/${plain.iupd}/publish`)).status, 409);
    const future = positionBody({ validityInMs: DAY });
    await create(future);
    assert.equal((await sb.ec('POST', `/debtpositions/${future.iupd}/publish`)).body.status, 'PUBLISHED');
  });

  it('checks the due date before the validity date', async () => {
    const body = positionBody({ validityInMs: HOUR, dueInMs: DAY });
    await create(body);
    sb.clock.advance(2 * DAY); // both are now in the past
    assert.deepEqual((await sb.ec('POST', `/debtpositions/${body.iupd}/publish`)).body, {
      title: 'Publish request occurred after the due date of a payment options has expired',
      status: 409,
      detail: `A publish request occurred after the due date of a payment options has expired for the debt position with Organization Fiscal Code ${ORG} and IUPD ${body.iupd}`,
    });
  });

  it('refuses a validity date already begun', async () => {
    const body = positionBody({ validityInMs: HOUR });
    await create(body);
    sb.clock.advance(2 * HOUR);
    assert.deepEqual((await sb.ec('POST', `/debtpositions/${body.iupd}/publish`)).body, {
      title: 'Publish request occurred after the validity date began',
      status: 409,
      detail: `A publish request has been made after the validity date began for the debt position with Organization Fiscal Code ${ORG} and IUPD ${body.iupd}`,
    });
    assert.equal((await get(body.iupd)).status, 'DRAFT');
  });
});

describe('time-driven transitions', () => {
  it('invalidate expires on the fly first: 409 after the due date of an expiring position, state kept', async () => {
    const expiring = positionBody({ switchToExpired: true, dueInMs: DAY });
    const lasting = positionBody({ dueInMs: DAY });
    await create(expiring, true);
    await create(lasting, true);
    sb.clock.advance(2 * DAY);
    assert.deepEqual((await sb.ec('POST', `/debtpositions/${expiring.iupd}/invalidate`)).body, {
      title: 'Existing related payment found or not in invalidable state',
      status: 409,
      detail: `A payment transaction has already been carried out or, the debt position with Organization Fiscal Code ${ORG} and IUPD ${expiring.iupd}, is not in invalidable state`,
    });
    assert.equal((await get(expiring.iupd)).status, 'VALID');
    assert.equal((await sb.ec('POST', `/debtpositions/${lasting.iupd}/invalidate`)).body.status, 'INVALID');
  });

  it('expiry batch: only VALID, expiring, unpaid positions past their last due date', async () => {
    const expiring = positionBody({ switchToExpired: true, dueInMs: DAY });
    const lasting = positionBody({ dueInMs: DAY });
    const later = positionBody({ switchToExpired: true, dueInMs: 5 * DAY });
    for (const body of [expiring, lasting, later]) await create(body, true);
    assert.deepEqual((await sb.control('POST', '/batches/expire')).body, { updated: 0 });
    sb.clock.advance(2 * DAY);
    assert.deepEqual((await sb.control('POST', '/batches/expire')).body, { updated: 1 });
    assert.deepEqual(
      [await get(expiring.iupd), await get(lasting.iupd), await get(later.iupd)].map((p) => p.status),
      ['EXPIRED', 'VALID', 'VALID'],
    );
  });

  it('PUBLISHED → VALID by the batch once the validity began (GET alone does not move it)', async () => {
    const body = positionBody({ validityInMs: HOUR });
    await create(body, true);
    assert.deepEqual((await sb.control('POST', '/batches/validate')).body, { updated: 0 });
    sb.clock.advance(2 * HOUR);
    assert.equal((await get(body.iupd)).status, 'PUBLISHED');
    assert.deepEqual((await sb.control('POST', '/batches/validate')).body, { updated: 1 });
    assert.equal((await get(body.iupd)).status, 'VALID');
  });

  it('PUBLISHED → VALID on the fly when the Node looks the notice up; 404 before the validity', async () => {
    const { iupd, iuv, nav } = ids();
    await create(positionBody({ iupd, iuv, validityInMs: HOUR }), true);
    assert.deepEqual((await sb.internal('GET', `/paymentoptions/${nav}`)).body, {
      title: 'Not found the payment option',
      status: 404,
      detail: `Not found a payment option for Organization Fiscal Code ${ORG} and NAV ${nav}`,
    });
    sb.clock.advance(HOUR);
    const res = await sb.internal('GET', `/paymentoptions/${nav}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.debtPositionStatus, 'VALID');
    assert.equal((await get(iupd)).status, 'VALID');
  });
});
