// Helpers of the FdR tests: a sandbox whose FdR key is bound to ORG (and OTHER_ORG), payments with a PSP.
import type { SandboxOptions, Subscription } from '../app.ts';
import {
  HOUR,
  KEYS,
  ORG,
  OTHER_ORG,
  PAYMENT_BODY,
  at,
  positionBody,
  startSandbox,
  type PositionBody,
  type Res,
  type TestSandbox,
  T0,
} from '../test-helpers.ts';

export const FDR_KEY = 'test-fdr-key';
export const FDR = '/fdr-org/service/v1';
export const PSP = 'BNLIITRR';

export function fdrSubscriptions(fdrOrganizations: string[] = [ORG, OTHER_ORG]): Subscription[] {
  return [
    { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
    { key: KEYS.receipts, product: 'gpd-receipts', organizations: [ORG] },
    { key: KEYS.biz, product: 'biz', organizations: [ORG] },
    { key: FDR_KEY, product: 'fdr', organizations: fdrOrganizations },
    { key: KEYS.internal, product: 'internal', organizations: ['*'] },
  ];
}

export const startFdrSandbox = (overrides: Partial<SandboxOptions> = {}) => startSandbox({ subscriptions: fdrSubscriptions(), ...overrides });

/** An FdR call with the FdR key; `path` is relative to the API's base path. */
export const fdr = (sb: TestSandbox, path: string, query?: Record<string, string>): Promise<Res> =>
  sb.call('GET', `${FDR}${path}`, { headers: { 'ocp-apim-subscription-key': FDR_KEY }, query });

let receipt = 0;
/** Creates a published position (optionally shaped by `edit`) and pays it through the internal API with `pspCode`. */
export async function payNotice(sb: TestSandbox, o: { pspCode?: string; paymentMs?: number; amount?: number; edit?: (body: PositionBody) => void } = {}) {
  const body = positionBody({ amount: o.amount });
  o.edit?.(body);
  const created = await sb.ec('POST', '/debtpositions', { body, query: { toPublish: 'true' } });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.raw}`);
  const option = body.paymentOption[0]!;
  const paid = await sb.internal('POST', `/paymentoptions/3${option.iuv}/pay`, {
    body: {
      ...PAYMENT_BODY,
      idReceipt: `fdr-receipt-${++receipt}`,
      pspCode: o.pspCode ?? PSP,
      pspTaxCode: '01014300994',
      pspCompany: 'Worldline',
      paymentDate: at(o.paymentMs ?? T0 + HOUR),
    },
  });
  if (paid.status !== 200) throw new Error(`pay: ${paid.status} ${paid.raw}`);
  return { body, iuv: option.iuv, iupd: body.iupd, iur: `fdr-receipt-${receipt}` };
}
