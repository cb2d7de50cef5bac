// A scripted "EC software": what a creditor body's own system does on GPD during onboarding, written with
// plain `fetch` and sharing no code with the suite (its IUVs, bodies and polling are its own). The project's
// tests point it at the sandbox and at the recording proxy to check that the checklist fills in; it is also a
// starting point for an EC that wants to see its calls checked. Only the base URL changes between targets.
import { zipSync, strToU8 } from 'fflate';

export interface EcSettings {
  /** The API origin: the sandbox, the recorder, or UAT. */
  baseUrl: string;
  key: string;
  /** The "Recupero ricevute" key (receipts API). */
  receiptsKey: string;
  ec: string;
  broker: string;
  segregationCode: string;
  /** Makes this run's identifiers unique. */
  runTag: string;
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

const GPD = '/gpd/debt-positions-service/v1';
let counter = 0;

/** 17-digit IUV for aux digit 3: segregation (2) + base (13) + ("3" + segregation + base) mod 93. */
export function iuv(segregationCode: string, base13: string): string {
  const check = (BigInt(`3${segregationCode}${base13}`) % 93n).toString().padStart(2, '0');
  return `${segregationCode}${base13}${check}`;
}

function future(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 19);
}

export class EcSoftware {
  constructor(private readonly s: EcSettings) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(this.s.baseUrl + path, {
      method,
      headers: { 'Ocp-Apim-Subscription-Key': this.s.key, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** A position of one option of 10.00 EUR in one transfer; `cents` changes the option amount only. */
  position(overrides: { iuvOverride?: string; transferCents?: number } = {}) {
    counter += 1;
    const base = `${Date.now() % 1e9}`.padStart(9, '0') + String(counter).padStart(4, '0');
    const code = iuv(this.s.segregationCode, base.slice(-13));
    const iupd = `EC-${this.s.runTag}-${counter}`;
    return {
      iupd,
      type: 'F',
      fiscalCode: 'RSSMRA80A01H501U',
      fullName: 'Mario Rossi',
      companyName: 'Comune di Prova',
      switchToExpired: false,
      paymentOption: [
        {
          iuv: overrides.iuvOverride ?? code,
          amount: 1000,
          description: 'Tassa rifiuti',
          isPartialPayment: false,
          dueDate: future(30),
          transfer: [
            {
              idTransfer: '1',
              amount: overrides.transferCents ?? 1000,
              remittanceInformation: 'Tassa rifiuti',
              category: '9/0101108TS/',
              iban: 'IT60X0542811101000000123456',
            },
          ],
        },
      ],
    };
  }

  private positions = (iupd = '') => `${GPD}/organizations/${this.s.ec}/debtpositions${iupd ? `/${encodeURIComponent(iupd)}` : ''}`;

  /** Onboarding step 6, done right: create (draft and published), publish, update (draft, and published with toPublish=true),
   * read and list, invalidate, delete, bulk create/delete, a file upload polled after its Retry-After, receipts and flows lists. */
  async onboarding(): Promise<void> {
    const draft = this.position();
    await this.expect(this.call('POST', `${this.positions()}?toPublish=false`, draft), 201);
    await this.expect(this.call('PUT', this.positions(draft.iupd), { ...draft, companyName: 'Comune di Prova (agg.)' }), 200);
    await this.expect(this.call('POST', `${this.positions(draft.iupd)}/publish`), 200);
    await this.expect(this.call('PUT', `${this.positions(draft.iupd)}?toPublish=true`, draft), 200);
    await this.expect(this.call('GET', this.positions(draft.iupd)), 200);
    await this.expect(this.call('POST', `${this.positions(draft.iupd)}/invalidate`), 200);

    const published = this.position();
    await this.expect(this.call('POST', `${this.positions()}?toPublish=true`, published), 201);
    await this.expect(this.call('DELETE', this.positions(published.iupd)), 200);
    const toDelete = this.position();
    await this.expect(this.call('POST', this.positions(), toDelete), 201);
    await this.expect(this.call('DELETE', this.positions(toDelete.iupd)), 200);
    await this.expect(this.call('GET', `${this.positions()}?status=VALID&limit=10&page=0`), 200);

    const bulk = [this.position(), this.position()];
    const v2 = `/gpd/debt-positions-service/v2/organizations/${this.s.ec}/debtpositions`;
    await this.expect(this.call('POST', v2, { paymentPositions: bulk }), 201);
    await this.expect(this.call('DELETE', v2, { paymentPositionIUPDs: bulk.map((p) => p.iupd) }), 200);

    await this.upload([this.position(), this.position()]);
    await this.expect(
      this.call('GET', `/gpd/payments-receipts-service/v1/payments/${this.s.ec}/receipts`, undefined, { 'Ocp-Apim-Subscription-Key': this.s.receiptsKey }),
      200,
    );
  }

  /** A file upload (v2), its status polled no sooner than each Retry-After says, until every item is processed. */
  async upload(positions: unknown[]): Promise<void> {
    const zip = zipSync({ 'positions.json': strToU8(JSON.stringify({ paymentPositions: positions })) });
    const form = new FormData();
    form.append('file', new Blob([zip], { type: 'application/zip' }), 'positions.zip');
    const base = `/upload/gpd/debt-positions-service/v2/brokers/${this.s.broker}/organizations/${this.s.ec}/debtpositions`;
    const res = await fetch(`${this.s.baseUrl}${base}/file`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': this.s.key }, body: form });
    await res.arrayBuffer();
    if (res.status !== 202) throw new Error(`upload: HTTP ${res.status}`);
    const location = res.headers.get('location') ?? '';
    let wait = retryAfter(res.headers.get('retry-after'));
    const deadline = Date.now() + 30_000;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const status = await this.call('GET', `/upload/gpd/debt-positions-service/v2/${location}`);
      const body = status.body as { processedItem?: number; submittedItem?: number };
      if (status.status === 200 && body.processedItem === body.submittedItem) return;
      if (Date.now() > deadline) throw new Error('upload: not processed in 30 s');
      wait = retryAfter(status.headers.get('retry-after')) || wait;
    }
  }

  /** The classic mistakes: the update trap, a wrong IUV check digit, transfers that do not add up. */
  async mistakes(): Promise<void> {
    const valid = this.position();
    await this.expect(this.call('POST', `${this.positions()}?toPublish=true`, valid), 201);
    await this.expect(this.call('PUT', this.positions(valid.iupd), valid), 200); // forgot toPublish=true: back to DRAFT
    const good = this.position();
    const digits = good.paymentOption[0]!.iuv;
    const wrong = `${digits.slice(0, 15)}${String((Number(digits.slice(15)) + 1) % 93).padStart(2, '0')}`;
    await this.expect(this.call('POST', `${this.positions()}?toPublish=true`, this.position({ iuvOverride: wrong })), 201);
    await this.expect(this.call('POST', this.positions(), this.position({ transferCents: 900 })), 400);
  }

  private async expect(answer: Promise<Answer>, status: number): Promise<Answer> {
    const got = await answer;
    if (got.status !== status) throw new Error(`expected HTTP ${status}, got ${got.status}: ${JSON.stringify(got.body)}`);
    return got;
  }
}

/** Retry-After in ms: seconds, or the sandbox's "<n> ms". */
function retryAfter(value: string | null): number {
  if (!value) return 0;
  const ms = /^(\d+)\s*ms$/.exec(value.trim());
  if (ms) return Number(ms[1]);
  return /^\d+$/.test(value.trim()) ? Number(value) * 1000 : 0;
}
