// Shared helpers of the sandbox tests: a sandbox on a frozen clock, request shortcuts for each API,
// and builders of debt-position bodies and of positions in every state.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildSandbox, type SandboxOptions } from './app.ts';
import { Clock } from './clock.ts';
import { formatLocalDateTime } from './dates.ts';
import type { BodyOf } from './descriptor.ts';
import type { PAYMENT_OPTION, PAYMENT_POSITION, TRANSFER } from './gpd/objects.ts';
import { setImmediate as tick } from 'node:timers/promises';
import { strToU8, zipSync } from 'fflate';

export const ORG = '77777777777';
export const OTHER_ORG = '99999999999';
export const KEYS = {
  gpd: 'test-gpd-key',
  internal: 'test-internal-key',
  receipts: 'test-receipts-key',
  biz: 'test-biz-key',
  checkoutEc: 'test-checkout-ec-key',
} as const;
/** 15:30 UTC: the 12-hour quirk of the validation messages shows as 03:30:00. */
export const T0 = Date.UTC(2025, 2, 1, 15, 30, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const V1 = '/gpd/debt-positions-service/v1';
export const INTERNAL = '/gpd/api/v1';

export interface Res {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
  headers: Record<string, string | string[] | number | undefined>;
  raw: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';
interface CallOptions {
  body?: unknown;
  /** Raw payload, sent as is. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export interface TestSandbox {
  app: FastifyInstance;
  clock: Clock;
  /** Current sandbox time. */
  now(): number;
  call(method: Method, url: string, options?: CallOptions): Promise<Res>;
  /** EC API v1 on ORG with the GPD key; `path` is relative to /organizations/{ORG}. */
  ec(method: Method, path: string, options?: CallOptions): Promise<Res>;
  /** Internal API on ORG with the internal key. */
  internal(method: Method, path: string, options?: CallOptions): Promise<Res>;
  control(method: Method, path: string, body?: unknown): Promise<Res>;
  /** Upload service: `document` zipped as one JSON entry, sent as multipart part `file`, with the GPD key. */
  upload(method: 'POST' | 'PUT' | 'DELETE', url: string, document: unknown): Promise<Res>;
  /** Polls an upload status URL until every item is processed (5 s deadline). */
  uploadDone(statusUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** A multipart/form-data body with file parts, as a browser or an HTTP client sends it. */
export function multipart(parts: Array<{ field: string; fileName: string; bytes: Uint8Array }>): { payload: Buffer; contentType: string } {
  const boundary = '----sandbox-test-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"; filename="${part.fileName}"\r\nContent-Type: application/zip\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(part.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A ZIP whose entries are the given texts. */
export const zipOf = (entries: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));

export async function startSandbox(overrides: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const clock = new Clock(() => T0); // frozen: moves only when the test moves it
  const app = await buildSandbox({
    subscriptions: [
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
      { key: KEYS.receipts, product: 'gpd-receipts', organizations: [ORG] },
      { key: KEYS.biz, product: 'biz', organizations: [ORG] },
      { key: KEYS.checkoutEc, product: 'checkout-ec', organizations: [ORG] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
    ],
    clock,
    ...overrides,
  });
  const call = async (method: Method, url: string, options: CallOptions = {}): Promise<Res> => {
    const inject: InjectOptions = { method, url, headers: options.headers, query: options.query };
    if (options.payload !== undefined) inject.payload = options.payload;
    else if (options.body !== undefined) inject.payload = JSON.stringify(options.body);
    if (options.body !== undefined && !options.headers?.['content-type']) inject.headers = { ...options.headers, 'content-type': 'application/json' };
    const res = await app.inject(inject);
    let body: unknown = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, body, headers: res.headers, raw: res.body };
  };
  const withKey = (key: string, options: CallOptions = {}) => ({ ...options, headers: { 'ocp-apim-subscription-key': key, ...options.headers } });
  return {
    app,
    clock,
    now: () => clock.millis(),
    call,
    ec: (method, path, options) => call(method, `${V1}/organizations/${ORG}${path}`, withKey(KEYS.gpd, options)),
    internal: (method, path, options) => call(method, `${INTERNAL}/organizations/${ORG}${path}`, withKey(KEYS.internal, options)),
    control: (method, path, body) => call(method, `/__sandbox${path}`, withKey(KEYS.internal, body === undefined ? {} : { body })),
    upload: async (method, url, document) => {
      const { payload, contentType } = multipart([{ field: 'file', fileName: 'positions.zip', bytes: zipOf({ 'positions.json': JSON.stringify(document) }) }]);
      return call(method, url, { payload, headers: { 'content-type': contentType, 'ocp-apim-subscription-key': KEYS.gpd } });
    },
    uploadDone: async (statusUrl) => {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const status = await call('GET', statusUrl, { headers: { 'ocp-apim-subscription-key': KEYS.gpd } });
        if (status.status === 200 && status.body.processedItem === status.body.submittedItem) return;
        if (Date.now() > deadline) throw new Error(`upload not processed in 5 s: ${status.raw}`);
        await tick();
      }
    },
    close: () => app.close(),
  };
}

/** A zone-less date-time `offsetMs` after `base`. */
export const at = (base: number, offsetMs = 0) => formatLocalDateTime(base + offsetMs);

let sequence = 0;
/** Unique identifiers for a new position: IUPD, IUV (17 digits) and its NAV. */
export function ids() {
  sequence++;
  const iuv = `01${String(sequence).padStart(13, '0')}00`;
  return { iupd: `${ORG}-TEST-${sequence}`, iuv, nav: `3${iuv}` };
}

export interface BodyOptions {
  iupd?: string;
  iuv?: string;
  /** Time the dates are relative to (default T0). */
  now?: number;
  dueInMs?: number;
  validityInMs?: number;
  switchToExpired?: boolean;
  amount?: number;
  companyName?: string;
}

// Request bodies as a client writes them (loosely typed: tests also break them on purpose), from the
// descriptors of the platform objects (gpd/objects.ts); the builders below always write the lists.
export type TransferBody = BodyOf<typeof TRANSFER>;
export type OptionBody = Omit<BodyOf<typeof PAYMENT_OPTION>, 'transfer'> & { transfer: TransferBody[] };
export type PositionBody = Omit<BodyOf<typeof PAYMENT_POSITION>, 'paymentOption'> & { paymentOption: OptionBody[]; [optional: string]: unknown };

export function transfer(amount: number, idTransfer = '1'): TransferBody {
  return { idTransfer, amount, remittanceInformation: 'TARI 2025', category: '9/0101108TS/', iban: 'IT30N0103076271000001823603' };
}

export function option(iuv: string, dueDate: string, amount = 10000, isPartialPayment = false): OptionBody {
  return { iuv, amount, description: 'TARI 2025', isPartialPayment, dueDate, transfer: [transfer(amount)] };
}

/** A valid single-option PaymentPositionModel (due in 30 days unless told otherwise). */
export function positionBody(o: BodyOptions = {}): PositionBody {
  const id = ids();
  const now = o.now ?? T0;
  return {
    iupd: o.iupd ?? id.iupd,
    type: 'F',
    fiscalCode: 'RSSMRA80A01H501U',
    fullName: 'Mario Rossi',
    companyName: o.companyName ?? 'Comune di Test',
    switchToExpired: o.switchToExpired ?? false,
    ...(o.validityInMs === undefined ? {} : { validityDate: at(now, o.validityInMs) }),
    paymentOption: [option(o.iuv ?? id.iuv, at(now, o.dueInMs ?? 30 * DAY), o.amount ?? 10000)],
  };
}

/** The second EC of a multi-beneficiary option. */
export const BENEFICIARY = '15376371009';

/** A position whose single option pays `amount` to two ECs: amount − 345 to the EC, 345 to BENEFICIARY. */
export function twoBeneficiaryBody(amount = 12345): PositionBody {
  const body = positionBody({ amount });
  body.paymentOption[0]!.transfer = [
    { idTransfer: '1', amount: amount - 345, remittanceInformation: 'TARI', category: '9/0101108TS/', iban: 'IT30N0103076271000001823603' },
    {
      idTransfer: '2',
      amount: 345,
      remittanceInformation: 'Quota',
      category: '9/0101108TS/',
      iban: 'IT60X0542811101000000123456',
      organizationFiscalCode: BENEFICIARY,
    },
  ];
  return body;
}

/** One single option plus a plan of two installments (for PARTIALLY_PAID and the 404 rule). */
export function planBody() {
  const [single, first, second] = [ids(), ids(), ids()];
  const body = positionBody({ iupd: single.iupd, iuv: single.iuv });
  const due = at(T0, 30 * DAY);
  body.paymentOption = [option(single.iuv, due, 10000), option(first.iuv, due, 5000, true), option(second.iuv, due, 5000, true)];
  return { body, single: single.nav, installments: [first.nav, second.nav] };
}

export type State = 'DRAFT' | 'PUBLISHED' | 'VALID' | 'INVALID' | 'EXPIRED' | 'PARTIALLY_PAID' | 'PAID' | 'REPORTED';
export const STATES: State[] = ['DRAFT', 'PUBLISHED', 'VALID', 'INVALID', 'EXPIRED', 'PARTIALLY_PAID', 'PAID', 'REPORTED'];

export interface Reached {
  iupd: string;
  /** NAV of an option that is still unpaid (an installment of the plan for PARTIALLY_PAID). */
  nav: string;
  /** NAV of the single option of a PARTIALLY_PAID position (404 for the Node and for paids). */
  singleNav?: string;
  body: PositionBody;
}

const PAYMENT = { idReceipt: 'receipt-1', pspCompany: 'PSP Test', paymentMethod: 'CP', paymentDate: at(T0, HOUR) };

/** Creates a position and drives it to `state` through the public and internal APIs. */
export async function reachState(sb: TestSandbox, state: State): Promise<Reached> {
  const expect = (res: Res, status: number) => {
    if (res.status !== status) throw new Error(`reaching ${state}: expected ${status}, got ${res.status} ${res.raw}`);
    return res;
  };
  if (state === 'PARTIALLY_PAID') {
    const plan = planBody();
    expect(await sb.ec('POST', '/debtpositions', { body: plan.body, query: { toPublish: 'true' } }), 201);
    expect(await sb.internal('POST', `/paymentoptions/${plan.installments[0]}/pay`, { body: PAYMENT }), 200);
    return { iupd: plan.body.iupd, nav: plan.installments[1]!, singleNav: plan.single, body: plan.body };
  }
  const id = ids();
  const body = positionBody({
    iupd: id.iupd,
    iuv: id.iuv,
    switchToExpired: state === 'EXPIRED',
    dueInMs: state === 'EXPIRED' ? DAY : 30 * DAY,
    validityInMs: state === 'PUBLISHED' ? DAY : undefined,
  });
  expect(await sb.ec('POST', '/debtpositions', { body, query: { toPublish: String(state !== 'DRAFT') } }), 201);
  if (state === 'INVALID') expect(await sb.ec('POST', `/debtpositions/${id.iupd}/invalidate`), 200);
  if (state === 'EXPIRED') {
    sb.clock.advance(2 * DAY);
    expect(await sb.control('POST', '/batches/expire'), 200);
  }
  if (state === 'PAID' || state === 'REPORTED') expect(await sb.internal('POST', `/paymentoptions/${id.nav}/pay`, { body: PAYMENT }), 200);
  if (state === 'REPORTED') expect(await sb.internal('POST', `/paymentoptions/${id.iuv}/transfers/1/report`), 200);
  const got = expect(await sb.ec('GET', `/debtpositions/${id.iupd}`), 200);
  if (got.body.status !== state) throw new Error(`reaching ${state}: position is ${got.body.status}`);
  return { iupd: id.iupd, nav: id.nav, body };
}

export const PAYMENT_BODY = PAYMENT;

// ---- GPD v3 (payment plans) ----

export const V3 = '/gpd/debt-positions-service/v3';

/** EC API v3 on ORG with the GPD key; `path` is relative to /organizations/{ORG}. */
export const v3 = (sb: TestSandbox, method: Method, path: string, options: CallOptions = {}) =>
  sb.call(method, `${V3}/organizations/${ORG}${path}`, { ...options, headers: { 'ocp-apim-subscription-key': KEYS.gpd, ...options.headers } });

export function installment(iuv: string, dueDate: string, amount = 10000) {
  return { iuv, amount, description: `Rata ${iuv.slice(-4)}`, dueDate, transfer: [transfer(amount)] };
}

export const DEBTOR_V3 = { type: 'F', fiscalCode: 'RSSMRA80A01H501U', fullName: 'Mario Rossi' } as const;

/**
 * A v3 position with a single payment (120 €), a plan of three installments (40 € each) and a
 * plan of two (60 € each), due in 10..40 days; the second plan's debtor differs.
 */
export function plansV3Body(o: { now?: number; validityInMs?: number } = {}) {
  const now = o.now ?? T0;
  const [position, single, a1, a2, a3, b1, b2] = Array.from({ length: 7 }, () => ids());
  const validity = o.validityInMs === undefined ? {} : { validityDate: at(now, o.validityInMs) };
  const body = {
    iupd: position!.iupd,
    companyName: 'Comune di Test',
    paymentOption: [
      {
        ...validity,
        description: 'Unica soluzione',
        switchToExpired: false,
        debtor: DEBTOR_V3,
        installments: [installment(single!.iuv, at(now, 10 * DAY), 12000)],
      },
      {
        ...validity,
        description: 'Tre rate',
        switchToExpired: false,
        debtor: DEBTOR_V3,
        installments: [
          installment(a1!.iuv, at(now, 10 * DAY), 4000),
          installment(a2!.iuv, at(now, 20 * DAY), 4000),
          installment(a3!.iuv, at(now, 30 * DAY), 4000),
        ],
      },
      {
        ...validity,
        description: 'Due rate',
        switchToExpired: true,
        debtor: { type: 'G', fiscalCode: '15376371009', fullName: 'Ditta Srl', email: 'ditta@example.com' },
        installments: [installment(b1!.iuv, at(now, 20 * DAY), 6000), installment(b2!.iuv, at(now, 40 * DAY), 6000)],
      },
    ],
  };
  return { body, single: single!.nav, planA: [a1!.nav, a2!.nav, a3!.nav], planB: [b1!.nav, b2!.nav] };
}
