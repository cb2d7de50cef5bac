// GPD API v3 (payment plans): the v3 model mapped onto the v1 store, its answers, validations and
// status mapping, and how v1 sees a position with several plans.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  DAY,
  DEBTOR_V3,
  KEYS,
  ORG,
  PAYMENT_BODY,
  T0,
  at,
  ids,
  installment,
  planBody,
  plansV3Body,
  startSandbox,
  v3,
  type Res,
  type TestSandbox,
} from '../test-helpers.ts';

let sb: TestSandbox;
beforeEach(async () => {
  sb = await startSandbox();
});
afterEach(() => sb.close());

const create = async (body: unknown, toPublish = 'true') => v3(sb, 'POST', '/debtpositions', { body, query: { toPublish } });
const pay = (nav: string, idReceipt = `r-${nav}`) => sb.internal('POST', `/paymentoptions/${nav}/pay`, { body: { ...PAYMENT_BODY, idReceipt } });
type Json = Res['body'];
const navs = (option: Json): string[] => option.installments.map((i: Json) => i.nav);
const byFirstNav = (options: Json[], nav: string): Json => options.find((o) => o.installments[0].nav === nav);

describe('GPD v3: create, read, list', () => {
  it('create answers PaymentPositionModelV3: one option per plan, installments by due date, debtors per option', async () => {
    const plans = plansV3Body();
    const res = await create(plans.body);
    assert.equal(res.status, 201, res.raw);
    assert.equal(res.body.iupd, plans.body.iupd);
    assert.equal(res.body.status, 'VALID');
    assert.equal(res.body.payStandIn, true);
    assert.equal(res.body.paymentOption.length, 3);
    // Sorted by earliest due date: the single payment and plan A (10 days), then plan B (20 days).
    assert.deepEqual(navs(res.body.paymentOption[2]), plans.planB);
    assert.deepEqual(navs(byFirstNav(res.body.paymentOption, plans.planA[0]!)), plans.planA);
    assert.deepEqual(navs(byFirstNav(res.body.paymentOption, plans.single)), [plans.single]);
    const planB = res.body.paymentOption[2];
    assert.deepEqual(planB.debtor, { type: 'G', fiscalCode: '15376371009', fullName: 'Ditta Srl', email: 'ditta@example.com' });
    assert.equal(planB.switchToExpired, true);
    // The option's description is write-only.
    assert.equal('description' in planB, false);
    assert.deepEqual(planB.installments[0], {
      nav: plans.planB[0],
      iuv: plans.planB[0]!.slice(1),
      amount: 6000,
      description: `Rata ${plans.planB[0]!.slice(-4)}`,
      dueDate: at(T0, 20 * DAY),
      fee: 0,
      notificationFee: 0,
      status: 'UNPAID',
      transfer: [
        {
          idTransfer: '1',
          amount: 6000,
          organizationFiscalCode: ORG,
          remittanceInformation: 'TARI 2025',
          category: '9/0101108TS/',
          iban: 'IT30N0103076271000001823603',
          transferMetadata: [],
        },
      ],
      installmentMetadata: [],
    });
  });

  it('GET answers PaymentPositionModelResponseV3 with the plan validity, inserted dates and per-installment data', async () => {
    const plans = plansV3Body({ validityInMs: DAY });
    assert.equal((await create(plans.body)).status, 201);
    const res = await v3(sb, 'GET', `/debtpositions/${plans.body.iupd}`);
    assert.equal(res.status, 200, res.raw);
    assert.equal(res.body.status, 'PUBLISHED');
    assert.equal(res.body.organizationFiscalCode, ORG);
    assert.equal(res.body.insertedDate, at(T0));
    const planA = byFirstNav(res.body.paymentOption, plans.planA[0]!);
    assert.equal(planA.validityDate, at(T0, DAY));
    assert.equal(planA.insertedDate, at(T0));
    assert.deepEqual(planA.debtor, DEBTOR_V3);
    assert.deepEqual(
      planA.installments.map((i: { status: string; organizationFiscalCode: string }) => [i.status, i.organizationFiscalCode]),
      [
        ['UNPAID', ORG],
        ['UNPAID', ORG],
        ['UNPAID', ORG],
      ],
    );
    assert.equal(planA.installments[0].transfer[0].status, 'T_UNREPORTED');
  });

  it('v1 refuses to show a position with several plans (422) and leaves it out of its list; v3 shows it', async () => {
    const plans = plansV3Body();
    assert.equal((await create(plans.body)).status, 201);
    const one = planBody();
    assert.equal((await sb.ec('POST', '/debtpositions', { body: one.body })).status, 201);

    assert.deepEqual((await sb.ec('GET', `/debtpositions/${plans.body.iupd}`)).body, {
      title: 'MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1',
      status: 422,
      detail: `Multi-installment positions are not supported by this version of the API (v1). Organization Fiscal Code ${ORG}, IUPD ${plans.body.iupd}.`,
    });
    const v1List = (await sb.ec('GET', '/debtpositions')).body;
    assert.deepEqual(
      v1List.payment_position_list.map((p: { iupd: string }) => p.iupd),
      [one.body.iupd],
    );
    // Filtered after paging: the page still counts it.
    assert.equal(v1List.page_info.items_found, 2);
    const v3List = (await v3(sb, 'GET', '/debtpositions')).body;
    assert.deepEqual(v3List.payment_position_list.map((p: { iupd: string }) => p.iupd).sort(), [one.body.iupd, plans.body.iupd].sort());
    // A v1 position (one plan) read through v3: its plan is one option of two installments.
    const viaV3 = (await v3(sb, 'GET', `/debtpositions/${one.body.iupd}`)).body;
    assert.deepEqual(viaV3.paymentOption.map(navs).sort(), [[one.single], one.installments].sort());
    assert.deepEqual(viaV3.paymentOption[0].debtor, DEBTOR_V3);
    // A v3 position with a single plan is still readable by v1.
    const single = plansV3Body();
    single.body.paymentOption = single.body.paymentOption.slice(0, 2);
    assert.equal((await create(single.body)).status, 201);
    assert.equal((await sb.ec('GET', `/debtpositions/${single.body.iupd}`)).status, 200);
  });

  it('list filters by v3 status; UNPAYABLE (a 500 on the platform) and unknown values are 400', async () => {
    const draft = plansV3Body();
    const valid = plansV3Body();
    assert.equal((await create(draft.body, 'false')).status, 201);
    assert.equal((await create(valid.body)).status, 201);
    const listed = async (status: string) =>
      (await v3(sb, 'GET', '/debtpositions', { query: { status } })).body.payment_position_list.map((p: { iupd: string }) => p.iupd);
    assert.deepEqual(await listed('DRAFT'), [draft.body.iupd]);
    assert.deepEqual(await listed('VALID'), [valid.body.iupd]);
    const unpayable = await v3(sb, 'GET', '/debtpositions', { query: { status: 'UNPAYABLE' } });
    assert.equal(unpayable.status, 400);
    assert.deepEqual(await v3(sb, 'GET', '/debtpositions', { query: { status: 'INVALID' } }).then((r) => [r.status, r.body.detail]), [
      400,
      'Invalid value INVALID for property status',
    ]);
    const limited = await v3(sb, 'GET', '/debtpositions', { query: { limit: '1', orderby: 'IUPD', ordering: 'ASC' } });
    assert.deepEqual(limited.body.page_info, { page: 0, limit: 1, items_found: 1, total_pages: 2 });
    assert.equal(limited.body.payment_position_list[0].iupd, [draft.body.iupd, valid.body.iupd].sort()[0]);
  });
});

describe('GPD v3: validations', () => {
  it('an IUV repeated across the position is a 400 BAD REQUEST with an empty detail (a class-level violation), and nothing is stored', async () => {
    const plans = plansV3Body();
    plans.body.paymentOption[2]!.installments[1]!.iuv = plans.planA[1]!.slice(1);
    const res = await create(plans.body);
    assert.deepEqual(res.body, { title: 'BAD REQUEST', status: 400, detail: '' });
    assert.equal((await v3(sb, 'GET', `/debtpositions/${plans.body.iupd}`)).status, 404);
  });

  it('field constraints of the v3 model, with their messages', async () => {
    const { iupd, iuv } = ids();
    const cases: [unknown, string][] = [
      [{ iupd, companyName: 'C', paymentOption: [] }, 'paymentOption: size must be between 1 and 100'],
      // Lists with a field initialiser: absent is empty (its size applies), null is null.
      [{ iupd, companyName: 'C' }, 'paymentOption: size must be between 1 and 100'],
      [{ iupd, companyName: 'C', paymentOption: null }, 'paymentOption: must not be null'],
      [
        { iupd, companyName: 'C', paymentOption: [{ debtor: DEBTOR_V3, switchToExpired: false }] },
        'paymentOption[0].installments: size must be between 1 and 100',
      ],
      [
        {
          iupd,
          companyName: 'C',
          paymentOption: [{ debtor: DEBTOR_V3, switchToExpired: false, installments: [{ iuv, amount: 1, description: 'd', dueDate: at(T0, DAY) }] }],
        },
        'paymentOption[0].installments[0].transfer: size must be between 1 and 2147483647',
      ],
      [
        { companyName: 'C', paymentOption: [{ switchToExpired: false, debtor: DEBTOR_V3, installments: [installment(iuv, at(T0, DAY))] }] },
        'iupd: IUPD (debt-position identifier) is required',
      ],
      [
        { iupd, companyName: 'C', paymentOption: [{ switchToExpired: false, installments: [installment(iuv, at(T0, DAY))] }] },
        'paymentOption[0].debtor: must not be null',
      ],
      [
        { iupd, companyName: 'C', paymentOption: [{ debtor: DEBTOR_V3, switchToExpired: false, installments: [] }] },
        'paymentOption[0].installments: size must be between 1 and 100',
      ],
      [
        {
          iupd,
          companyName: 'C',
          paymentOption: [{ debtor: { type: 'F', fullName: 'X' }, switchToExpired: false, installments: [installment(iuv, at(T0, DAY))] }],
        },
        'paymentOption[0].debtor.fiscalCode: fiscal code is required',
      ],
      [
        {
          iupd,
          companyName: 'C',
          paymentOption: [{ debtor: DEBTOR_V3, switchToExpired: false, installments: [{ ...installment(iuv, at(T0, DAY)), transfer: [] }] }],
        },
        'paymentOption[0].installments[0].transfer: size must be between 1 and 2147483647',
      ],
    ];
    for (const [body, detail] of cases) {
      const res = await create(body);
      assert.deepEqual([res.status, res.body.title, res.body.detail], [400, 'BAD REQUEST', detail], JSON.stringify(body));
    }
    // Business rules run on every installment (here: the amount against its transfers).
    const plans = plansV3Body();
    plans.body.paymentOption[1]!.installments[2]!.amount = 3999;
    assert.deepEqual((await create(plans.body)).body, {
      title: 'Error in the debt position request data',
      status: 400,
      detail:
        'Amounts congruence error: payment option amount must coincide with the total of the transfers amount [payment_option_amount(in cent)=3999; total_tranfers_amount(in cent)=4000]',
    });
  });

  it('malformed or hostile bodies are a 400 and store nothing', async () => {
    const plans = plansV3Body();
    const broken: unknown[] = [
      { ...plans.body, paymentOption: [{ ...plans.body.paymentOption[0], debtor: [] }] },
      { ...plans.body, paymentOption: [{ ...plans.body.paymentOption[0], installments: [null] }] },
      { ...plans.body, paymentOption: [{ ...plans.body.paymentOption[0], installments: [{ ...plans.body.paymentOption[0]!.installments[0], amount: 'x' }] }] },
      { ...plans.body, paymentOption: [{ ...plans.body.paymentOption[0], validityDate: '2025-02-30T00:00:00' }] },
      { ...plans.body, paymentOption: Array.from({ length: 101 }, () => plans.body.paymentOption[0]) },
    ];
    for (const body of broken) {
      const res = await create(body);
      assert.equal(res.status, 400, res.raw);
      assert.equal(typeof res.body.title, 'string');
    }
    for (const payload of ['{', '[]', 'null', '{"__proto__":{"status":"PAID"}}', `${'['.repeat(1200)}${']'.repeat(1200)}`]) {
      assert.equal((await v3(sb, 'POST', '/debtpositions', { payload, headers: { 'content-type': 'application/json' } })).status, 400, payload.slice(0, 20));
    }
    assert.deepEqual((await v3(sb, 'GET', '/debtpositions')).body.payment_position_list, []);
  });

  it('an IUPD or IUV already taken (also by a v1 position) is a 409', async () => {
    const v1 = planBody();
    assert.equal((await sb.ec('POST', '/debtpositions', { body: v1.body })).status, 201);
    const clash = plansV3Body();
    clash.body.paymentOption[0]!.installments[0]!.iuv = v1.single.slice(1);
    assert.deepEqual((await create(clash.body)).body, {
      title: 'The debt position violated constraints of uniqueness',
      status: 409,
      detail: `Already exists a debt position for the Organization Fiscal Code ${ORG} or one of its payment options is not unique`,
    });
    const sameIupd = plansV3Body();
    sameIupd.body.iupd = v1.body.iupd;
    assert.equal((await create(sameIupd.body)).status, 409);
  });
});

describe('GPD v3: lifecycle on the shared store', () => {
  it('toPublish=True (capitalised) publishes; publish of a draft, then 409 on the second', async () => {
    const published = plansV3Body();
    assert.equal((await create(published.body, 'True')).body.status, 'VALID');
    const draft = plansV3Body();
    assert.equal((await create(draft.body, 'false')).body.status, 'DRAFT');
    const first = await v3(sb, 'POST', `/debtpositions/${draft.body.iupd}/publish`);
    assert.equal(first.status, 200);
    assert.equal(first.body.status, 'VALID');
    assert.equal(first.body.paymentOption.length, 3);
    const second = await v3(sb, 'POST', `/debtpositions/${draft.body.iupd}/publish`);
    assert.deepEqual([second.status, second.body.title], [409, 'Existing related payment found or not in publishable state']);
  });

  it('update replaces the plans; without toPublish a VALID position falls back to DRAFT; IUPD mismatch and unknown IUPD', async () => {
    const plans = plansV3Body();
    assert.equal((await create(plans.body)).status, 201);
    const changed = structuredClone(plans.body);
    changed.paymentOption = changed.paymentOption.slice(0, 2);
    changed.paymentOption[0]!.installments[0]!.amount = 11000;
    changed.paymentOption[0]!.installments[0]!.transfer[0]!.amount = 11000;
    const updated = await v3(sb, 'PUT', `/debtpositions/${plans.body.iupd}`, { body: changed });
    assert.equal(updated.status, 200, updated.raw);
    assert.equal(updated.body.status, 'DRAFT');
    assert.equal(updated.body.paymentOption.length, 2);
    assert.equal(byFirstNav(updated.body.paymentOption, plans.single).installments[0].amount, 11000);
    // The dropped plan's IUVs are free again.
    assert.equal((await sb.internal('GET', `/paymentoptions/${plans.planB[0]}`)).status, 404);
    const republished = await v3(sb, 'PUT', `/debtpositions/${plans.body.iupd}`, { body: changed, query: { toPublish: 'true' } });
    assert.equal(republished.body.status, 'VALID');
    assert.equal(
      (await v3(sb, 'PUT', `/debtpositions/${plans.body.iupd}`, { body: { ...changed, iupd: 'other' } })).body.detail,
      `IUPD mistmatch error: path variable IUPD [${plans.body.iupd}] and request body IUPD [other] must be the same`,
    );
    const unknown = { ...changed, iupd: `${ORG}-UNKNOWN` };
    assert.equal((await v3(sb, 'PUT', `/debtpositions/${unknown.iupd}`, { body: unknown })).status, 404);
  });

  it('delete answers the quoted message, then 404; a position with a paid installment cannot be deleted (409)', async () => {
    const plans = plansV3Body();
    assert.equal((await create(plans.body)).status, 201);
    const res = await v3(sb, 'DELETE', `/debtpositions/${plans.body.iupd}`);
    assert.deepEqual([res.status, res.raw], [200, '"The debt position was successfully deleted"']);
    assert.equal((await v3(sb, 'GET', `/debtpositions/${plans.body.iupd}`)).status, 404);
    assert.equal((await v3(sb, 'DELETE', `/debtpositions/${plans.body.iupd}`)).status, 404);

    const paid = plansV3Body();
    assert.equal((await create(paid.body)).status, 201);
    assert.equal((await pay(paid.planA[0]!)).status, 200);
    assert.equal((await v3(sb, 'DELETE', `/debtpositions/${paid.body.iupd}`)).body.title, 'Existing related payment found');
  });

  it('an installment paid: position PARTIALLY_PAID, the other plans and the single payment gone for the Node, the plan completed → PAID', async () => {
    const plans = plansV3Body();
    assert.equal((await create(plans.body)).status, 201);
    // The Node sees each option with its own debtor.
    const notice = await sb.internal('GET', `/paymentoptions/${plans.planB[0]}`);
    assert.deepEqual([notice.body.fiscalCode, notice.body.fullName, notice.body.type], ['15376371009', 'Ditta Srl', 'G']);

    assert.equal((await pay(plans.planA[0]!)).status, 200);
    const partially = (await v3(sb, 'GET', `/debtpositions/${plans.body.iupd}`)).body;
    assert.equal(partially.status, 'PARTIALLY_PAID');
    const planA = byFirstNav(partially.paymentOption, plans.planA[0]!);
    assert.deepEqual(
      planA.installments.map((i: { status: string }) => i.status),
      ['PAID', 'UNPAID', 'UNPAID'],
    );
    assert.equal(planA.installments[0].idReceipt, `r-${plans.planA[0]}`);
    // Another plan's installment and the single payment are no longer payable.
    for (const nav of [plans.planB[0]!, plans.single]) {
      assert.equal((await sb.internal('GET', `/paymentoptions/${nav}`)).status, 404, nav);
      assert.equal((await pay(nav)).status, 404, nav);
    }
    assert.equal((await pay(plans.planA[1]!)).status, 200);
    assert.equal((await pay(plans.planA[2]!)).status, 200);
    assert.equal((await v3(sb, 'GET', `/debtpositions/${plans.body.iupd}`)).body.status, 'PAID');
    // The receipt names the installment's debtor.
    const receipt = await sb.call('GET', `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts/${plans.planA[0]!.slice(1)}`, {
      headers: { 'ocp-apim-subscription-key': KEYS.receipts },
    });
    assert.equal(receipt.status, 200);
    assert.match(receipt.raw, /RSSMRA80A01H501U/);
  });

  it('status mapping: INVALID and EXPIRED are UNPAYABLE, REPORTED is PAID', async () => {
    const invalid = plansV3Body();
    assert.equal((await create(invalid.body)).status, 201);
    assert.equal((await sb.ec('POST', `/debtpositions/${invalid.body.iupd}/invalidate`)).status, 200);
    assert.equal((await v3(sb, 'GET', `/debtpositions/${invalid.body.iupd}`)).body.status, 'UNPAYABLE');

    const expiring = plansV3Body();
    for (const option of expiring.body.paymentOption) option.switchToExpired = true;
    assert.equal((await create(expiring.body)).status, 201);
    sb.clock.advance(41 * DAY);
    assert.equal((await sb.control('POST', '/batches/expire')).status, 200);
    const expired = (await v3(sb, 'GET', `/debtpositions/${expiring.body.iupd}`)).body;
    assert.equal(expired.status, 'UNPAYABLE');

    const reported = plansV3Body({ now: sb.now() });
    assert.equal((await create(reported.body)).status, 201);
    assert.equal((await pay(reported.single)).status, 200);
    assert.equal((await sb.internal('POST', `/paymentoptions/${reported.single.slice(1)}/transfers/1/report`)).status, 200);
    const got = (await v3(sb, 'GET', `/debtpositions/${reported.body.iupd}`)).body;
    assert.equal(got.status, 'PAID');
    assert.equal(byFirstNav(got.paymentOption, reported.single).installments[0].status, 'REPORTED');
  });
});
