// Checkout transactions of the sandbox's ecommerce backend: activation (payment tokens, one payment
// in progress per notice), authorization, closure through the Node, and the outcome the front end
// polls. Statuses and outcome codes as the platform's transactions service uses them.
import { randomBytes, randomUUID } from 'node:crypto';
import type { MaskedCard } from './card-gateway.ts';
import type { Notice } from './node.ts';

export type TransactionStatus = 'ACTIVATED' | 'AUTHORIZATION_REQUESTED' | 'NOTIFIED_OK' | 'CLOSURE_ERROR' | 'CANCELED';

export interface Bundle {
  idPsp: string;
  pspBusinessName: string;
  /** Fiscal code of the PSP, as receipts name it. */
  pspFiscalCode: string;
  idBundle: string;
  idChannel: string;
  idBrokerPsp: string;
  abi: string;
  bundleName: string;
  bundleDescription: string;
  /** Euro cents. */
  taxPayerFee: number;
  onUs: boolean;
}

/** The PSPs that accept cards on the sandbox (ids of PSPs UAT offers for cards). */
export const CARD_BUNDLES: Bundle[] = [
  bundle('BNLIITRR', 'Worldline Merchant Services Italia S.p.A.', '01014300994', '01005', 95),
  bundle('WOLLNLB1', 'Worldpay B.V.', '97786040151', '36081', 110),
  bundle('PPAYITR1XXX', 'PostePay S.p.A.', '06874351007', '36081', 150),
];

function bundle(idPsp: string, pspBusinessName: string, pspFiscalCode: string, abi: string, taxPayerFee: number): Bundle {
  return {
    idPsp,
    pspBusinessName,
    pspFiscalCode,
    idBundle: `sandbox-bundle-${idPsp.toLowerCase()}`,
    idChannel: `${pspFiscalCode}_01`,
    idBrokerPsp: pspFiscalCode,
    abi,
    bundleName: `Carte - ${pspBusinessName}`,
    bundleDescription: 'Pagamento con carta di credito, debito o prepagata',
    taxPayerFee,
    onUs: false,
  };
}

export interface Payment {
  paymentToken: string;
  notice: Notice;
}

export interface Transaction {
  transactionId: string;
  authToken: string;
  status: TransactionStatus;
  clientId: string;
  email: string;
  orderId: string;
  correlationId: string;
  payments: Payment[];
  authorization?: { bundle: Bundle; fee: number; amount: number; card?: MaskedCard };
  /** When the outcome becomes final for the front end (real time, ms). */
  finalFrom?: number;
}

/** Outcome codes of the transactions service for the statuses the sandbox uses. */
const OUTCOMES: Record<TransactionStatus, number> = { ACTIVATED: 1, AUTHORIZATION_REQUESTED: 17, NOTIFIED_OK: 0, CLOSURE_ERROR: 1, CANCELED: 8 };
const ONGOING = new Set<TransactionStatus>(['ACTIVATED', 'AUTHORIZATION_REQUESTED']);

export class Transactions {
  readonly #byId = new Map<string, Transaction>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The transaction still holding a payment token for this notice, if any. */
  ongoingFor(rptId: string): Transaction | undefined {
    return [...this.#byId.values()].find((t) => ONGOING.has(t.status) && t.payments.some((p) => p.notice.rptId === rptId));
  }

  activate(input: { notices: Notice[]; email: string; orderId: string; clientId: string; correlationId: string }): Transaction {
    const transaction: Transaction = {
      transactionId: randomUUID().replaceAll('-', ''),
      authToken: randomBytes(24).toString('base64url'),
      status: 'ACTIVATED',
      clientId: input.clientId,
      email: input.email,
      orderId: input.orderId,
      correlationId: input.correlationId,
      payments: input.notices.map((notice) => ({ paymentToken: randomUUID().replaceAll('-', ''), notice })),
    };
    this.#byId.set(transaction.transactionId, transaction);
    return transaction;
  }

  get(transactionId: string): Transaction | undefined {
    return this.#byId.get(transactionId);
  }

  /** The transaction is over; the front end sees it as final after `delayMs` (it polls meanwhile). */
  settle(transaction: Transaction, status: TransactionStatus, delayMs: number): void {
    transaction.status = status;
    transaction.finalFrom = this.now() + delayMs;
  }

  outcome(transaction: Transaction): { outcome: number; isFinalStatus: boolean; totalAmount?: number; fees?: number } {
    const final = transaction.finalFrom !== undefined && this.now() >= transaction.finalFrom;
    if (!final) return { outcome: OUTCOMES.AUTHORIZATION_REQUESTED, isFinalStatus: false };
    const outcome = OUTCOMES[transaction.status];
    if (outcome !== 0 || !transaction.authorization) return { outcome, isFinalStatus: true };
    // TransactionOutcomeInfo: totalAmount is the amount paid fees excluded, fees apart (euro cents); the front
    // end shows their sum ("Hai pagato …").
    const { amount, fee } = transaction.authorization;
    return { outcome, isFinalStatus: true, totalAmount: amount, fees: fee };
  }
}

export const totalAmount = (transaction: Transaction) => transaction.payments.reduce((sum, p) => sum + p.notice.amount, 0);
