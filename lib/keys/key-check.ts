// One harmless call per Back Office product key proves that the key works for the EC (issue 12, preflight).
// The preflight cases show the verdict with its advice; the fixtures of each product skip that product's
// cases with the same advice when the key is missing or refused, so one wrong key gives one message.
import type { ApiExchange } from '../http/api-client.ts';
import { sendOperation, type Operation, type Transport } from '../http/gpd-client.ts';
import { BIZEVENTS_BASE } from '../http/bizevents-client.ts';
import { FDR_BASE } from '../http/fdr-client.ts';
import { RECEIPTS_BASE } from '../http/receipts-client.ts';
import { KEY_VARIABLES, type Product, type SuiteConfig } from '../config.ts';

export interface ProductInfo {
  /** The environment variable of its key. */
  variable: string;
  /** The product's name in the Back Office (Area Riservata → API key). */
  backOffice: string;
  /** The API's base path and the onboarding step that needs it. */
  base: string;
}

export const PRODUCTS: Record<Product, ProductInfo> = {
  gpd: { variable: KEY_VARIABLES.gpd, backOffice: 'GPD - Posizioni Debitorie', base: '/gpd/debt-positions-service/v1' },
  'gpd-receipts': { variable: KEY_VARIABLES['gpd-receipts'], backOffice: 'GPD - Recupero ricevute', base: RECEIPTS_BASE },
  fdr: { variable: KEY_VARIABLES.fdr, backOffice: 'FdR - Flussi di Rendicontazione (EC)', base: FDR_BASE },
  biz: { variable: KEY_VARIABLES.biz, backOffice: 'BIZ - Recupero ricevute Ente Creditore', base: BIZEVENTS_BASE },
};

/** A receipt id no payment has: the biz-events probe expects its 404 (the key and the EC binding were accepted). */
const PROBE_IUR = 'conformance-key-check';

/** The probe of each product: a read that changes nothing, and the statuses that prove the key works. */
function probeOf(product: Product, ec: string): { operation: Operation; accepted: number[] } {
  const org = encodeURIComponent(ec);
  switch (product) {
    case 'gpd':
      return {
        operation: {
          action: 'Key check: list debt positions',
          request: { method: 'GET', path: `${PRODUCTS.gpd.base}/organizations/${org}/debtpositions`, query: { limit: 1 } },
        },
        accepted: [200],
      };
    case 'gpd-receipts':
      return {
        operation: {
          action: 'Key check: list receipts',
          request: { method: 'GET', path: `${RECEIPTS_BASE}/payments/${org}/receipts`, query: { pageSize: 1 } },
        },
        accepted: [200],
      };
    case 'fdr':
      return {
        operation: {
          action: 'Key check: list published reporting flows',
          request: { method: 'GET', path: `${FDR_BASE}/organizations/${org}/fdrs`, query: { size: 1 } },
          successSchema: 'fdr/PaginatedFlowsResponse',
          errorSchema: 'fdr/ErrorResponse',
        },
        accepted: [200],
      };
    case 'biz':
      return {
        operation: {
          action: 'Key check: get an unknown biz-events receipt',
          request: { method: 'GET', path: `${BIZEVENTS_BASE}/organizations/${org}/receipts/${PROBE_IUR}` },
        },
        accepted: [200, 404],
      };
  }
}

export type KeyVerdict =
  | { product: Product; ok: true; status: number }
  | { product: Product; ok: false; problem: 'missing' | 'refused' | 'not-bound' | 'unexpected'; status?: number; advice: string };

/** The advice for a key the platform did not accept, naming the Back Office product, the delegation or the environment. */
export function keyAdvice(
  product: Product,
  problem: 'missing' | 'refused' | 'not-bound' | 'unexpected',
  config: Pick<SuiteConfig, 'ecFiscalCode' | 'apiBaseUrl'>,
  detail = '',
): string {
  const { variable, backOffice } = PRODUCTS[product];
  switch (problem) {
    case 'missing':
      return `${variable} non configurata: generare in Back Office la chiave del prodotto "${backOffice}" e impostarla nel .env / ${variable} not configured: generate the key of the Back Office product "${backOffice}" and set it in .env.`;
    case 'refused':
      return (
        `${variable} rifiutata (401): usare la chiave di collaudo (UAT) del prodotto "${backOffice}"; le chiavi sono distinte per ambiente e per prodotto / ` +
        `${variable} refused (401): use the UAT (collaudo) key of the Back Office product "${backOffice}"; keys differ per environment and per product.`
      );
    case 'not-bound':
      return (
        `EC ${config.ecFiscalCode} non associato a ${variable} (403): verificare in Back Office che la chiave "${backOffice}" sia dell'EC o dell'intermediario con la delega per l'EC / ` +
        `EC ${config.ecFiscalCode} is not bound to ${variable} (403): check in the Back Office that the "${backOffice}" key is the EC's, or its intermediary's with a delegation for the EC.`
      );
    case 'unexpected':
      return `Risposta inattesa di ${config.apiBaseUrl}${PRODUCTS[product].base} alla verifica di ${variable} / unexpected answer to the ${variable} check: ${detail}`;
  }
}

/** The verdict of one exchange of the probe (exported for the tests of the advice). */
export function verdictOf(product: Product, exchange: ApiExchange, accepted: number[], config: Pick<SuiteConfig, 'ecFiscalCode' | 'apiBaseUrl'>): KeyVerdict {
  const status = exchange.response.status;
  if (accepted.includes(status)) return { product, ok: true, status };
  const problem = status === 401 ? 'refused' : status === 403 ? 'not-bound' : 'unexpected';
  const detail = `HTTP ${status} ${exchange.response.text.slice(0, 200)}`;
  return { product, ok: false, problem, status, advice: keyAdvice(product, problem, config, detail) };
}

/**
 * Probes the key of `product` through `transport` (a transport with evidence in a preflight case, a plain one
 * in a fixture). No key: the `missing` verdict without a call. A network failure, a timeout or a 5xx is an
 * EnvironmentError from the client, not a verdict on the key.
 */
export async function checkKey(
  product: Product,
  transport: Transport | undefined,
  config: Pick<SuiteConfig, 'ecFiscalCode' | 'apiBaseUrl' | 'keys'>,
): Promise<{ verdict: KeyVerdict; exchange?: ApiExchange }> {
  if (!config.keys[product] || !transport) return { verdict: { product, ok: false, problem: 'missing', advice: keyAdvice(product, 'missing', config) } };
  const { operation, accepted } = probeOf(product, config.ecFiscalCode);
  const exchange = await sendOperation(transport, operation);
  return { verdict: verdictOf(product, exchange, accepted, config), exchange };
}
