// Where the platform and its published contract disagree and a case evidences what the platform
// does: the case passes on the platform's behaviour and the report shows the difference as a known
// one, with its source, so a reviewer does not read it as a defect of the EC or of the suite.
import type { Bilingual } from './evidence/execution.ts';

export interface KnownDifference extends Bilingual {
  caseId: string;
  /** Where the difference is documented (issue, service source, notes). */
  source: string;
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    caseId: 'ACC-04',
    it: 'Il contratto pubblicato non documenta la risposta 403 "You are not allowed to access this resource." del gateway per un EC non associato alla chiave.',
    en: 'The published contract does not document the gateway\'s 403 "You are not allowed to access this resource." for an EC not bound to the key.',
    source: 'https://github.com/pagopa/pagopa-api/issues/1043',
  },
  {
    caseId: 'GPD-UPD-03',
    it: 'Un aggiornamento senza toPublish=true riporta in bozza (DRAFT) una posizione VALID: il contratto non lo dice, il servizio lo fa.',
    en: 'An update without toPublish=true sends a VALID position back to DRAFT: the contract does not say so, the service does it.',
    source: 'pagopa/pagopa-debt-position, PaymentsPositionService update (notes gpd-api.md §8)',
  },
  {
    caseId: 'RIC-05',
    it: "Il contratto dell'elenco ricevute non descrive i metadati di paginazione (currentPageNumber, length, totalPages) che il servizio restituisce.",
    en: 'The receipts list contract does not describe the paging metadata (currentPageNumber, length, totalPages) the service returns.',
    source: 'https://github.com/pagopa/pagopa-api/issues/1024',
  },
  // Checkout carts (issue 13).
  {
    caseId: 'PAY-10',
    it: "Il contratto dei carrelli (Checkout EC API) dichiara la chiave di sottoscrizione; la piattaforma non la richiede per quest'API e rifiuta con 401 la chiave di un altro prodotto (come quella GPD): la suite invia il carrello senza chiave.",
    en: "The carts contract (Checkout EC API) declares a subscription key; the platform does not require one for this API and refuses another product's key (such as the GPD key) with 401: the suite sends the cart without a key.",
    source: 'pagopa/pagopa-infra, src/domains/checkout-app/04_apim_checkout_ec.tf (API checkout/ec: subscription_required = false, product checkout-ec only)',
  },
  {
    caseId: 'PAY-12',
    it: 'Il contratto pubblicato dei carrelli (Checkout EC API) dichiara solo 400 e 500; il servizio risponde 422 "Invalid payment info" a un carrello con lo stesso avviso due volte o con un avviso non pagabile.',
    en: 'The published carts contract (Checkout EC API) declares only 400 and 500; the service answers 422 "Invalid payment info" to a cart with the same notice twice or a notice that cannot be paid.',
    source: 'pagopa/pagopa-ecommerce-payment-requests-service, BaseCartService and api-spec/v1/payment-requests-api.yaml (POST /carts 422)',
  },
  // GPD v3 (issue 13).
  {
    caseId: 'GPD-V3-07',
    it: "Il contratto v1 (servizio e pubblicato) non dichiara la risposta 422 MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1 che il servizio dà alla lettura v1 di una posizione con più piani, né che l'elenco v1 le omette.",
    en: 'The v1 contract (service and published) does not declare the 422 MULTI_INSTALLMENT_NOT_SUPPORTED_IN_V1 the service answers to a v1 read of a position with several plans, nor that the v1 list leaves them out.',
    source:
      'pagopa/pagopa-debt-position, DebtPositionController (v1) getOrganizationDebtPositionByIUPD/getOrganizationDebtPositions and AppError V1_UNPROCESSABLE_ENTITY_MULTI_INSTALLMENTS (notes gpd-api.md §2.3)',
  },
];

const BY_CASE = new Map(KNOWN_DIFFERENCES.map((d) => [d.caseId, d]));

export function knownDifferenceOf(caseId: string): KnownDifference | undefined {
  return BY_CASE.get(caseId);
}
