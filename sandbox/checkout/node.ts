// The Node's side of a Checkout payment on the sandbox: it verifies, activates and closes notices
// by calling the sandbox's GPD through the platform's internal GPD paths (get by NAV, pay), as the
// real Node reaches GPD, and turns GPD's answers into the Nodo fault codes Checkout reports.
import type { FastifyInstance } from 'fastify';

/** Nodo fault codes → HTTP status and category of the ecommerce services (payment-requests, transactions). */
export const FAULTS = {
  PAA_PAGAMENTO_SCONOSCIUTO: [404, 'PAYMENT_UNKNOWN'],
  PPT_DOMINIO_SCONOSCIUTO: [404, 'PAYMENT_DATA_ERROR'],
  PPT_PAGAMENTO_IN_CORSO: [409, 'PAYMENT_ONGOING'],
  PAA_PAGAMENTO_SCADUTO: [409, 'PAYMENT_EXPIRED'],
  PAA_PAGAMENTO_ANNULLATO: [409, 'PAYMENT_CANCELED'],
  PAA_PAGAMENTO_DUPLICATO: [409, 'PAYMENT_DUPLICATED'],
  PPT_SYSTEM_ERROR: [502, 'PAYMENT_UNAVAILABLE'],
} as const satisfies Record<string, readonly [number, string]>;
export type FaultCode = keyof typeof FAULTS;

export class NodeFault extends Error {
  constructor(readonly faultCode: FaultCode) {
    super(faultCode);
    this.name = 'NodeFault';
  }

  get status(): number {
    return FAULTS[this.faultCode][0];
  }

  /** The ecommerce error body: `{title, faultCodeCategory, faultCodeDetail}`. */
  toJSON() {
    const [status, category] = FAULTS[this.faultCode];
    const title = status === 404 ? 'Payment notice not found' : status === 409 ? 'Payment status error' : 'Payment notice unavailable';
    return { title, faultCodeCategory: category, faultCodeDetail: this.faultCode };
  }
}

export interface NoticeTransfer {
  paFiscalCode: string;
  transferAmount: number;
  transferCategory: string;
  digitalStamp: boolean;
}

/** A notice as the Node sees it once verified. */
export interface Notice {
  rptId: string;
  paFiscalCode: string;
  noticeNumber: string;
  iuv: string;
  paName: string;
  description: string;
  /** Euro cents. */
  amount: number;
  /** yyyy-MM-dd */
  dueDate: string;
  transfers: NoticeTransfer[];
}

export interface NodePayment {
  paymentDate: string;
  paymentMethod: string;
  pspCode: string;
  pspTaxCode: string;
  pspCompany: string;
  idReceipt: string;
  /** Euro cents. */
  fee: number;
}

interface GpdOption {
  nav: string;
  iuv: string;
  amount: number;
  description: string;
  dueDate: string;
  status: string;
  companyName: string;
  debtPositionStatus: string;
  transfer: Array<{ organizationFiscalCode: string; amount: number; category: string; stamp?: unknown }>;
}

export const RPT_ID = /^\d{29}$/;

export class PaymentNode {
  constructor(
    private readonly gpd: FastifyInstance,
    private readonly internalKey: string,
    /** Whether an EC fiscal code is known to the platform (otherwise PPT_DOMINIO_SCONOSCIUTO). */
    private readonly knownOrganization: (fiscalCode: string) => boolean,
  ) {}

  /** verifyPaymentNotice: the notice or the fault the EC's GPD state maps to. */
  async verify(rptId: string): Promise<Notice> {
    const paFiscalCode = rptId.slice(0, 11);
    const noticeNumber = rptId.slice(11);
    if (!this.knownOrganization(paFiscalCode)) throw new NodeFault('PPT_DOMINIO_SCONOSCIUTO');
    const response = await this.gpd.inject({
      method: 'GET',
      url: `/gpd/api/v1/organizations/${paFiscalCode}/paymentoptions/${noticeNumber}`,
      headers: { 'ocp-apim-subscription-key': this.internalKey },
    });
    if (response.statusCode === 404) throw new NodeFault('PAA_PAGAMENTO_SCONOSCIUTO');
    if (response.statusCode !== 200) throw new NodeFault('PPT_SYSTEM_ERROR');
    const option = response.json<GpdOption>();
    if (option.status !== 'PO_UNPAID') throw new NodeFault('PAA_PAGAMENTO_DUPLICATO');
    switch (option.debtPositionStatus) {
      case 'VALID':
      case 'PARTIALLY_PAID':
        break;
      case 'INVALID':
        throw new NodeFault('PAA_PAGAMENTO_ANNULLATO');
      case 'EXPIRED':
        throw new NodeFault('PAA_PAGAMENTO_SCADUTO');
      case 'PAID':
      case 'REPORTED':
        throw new NodeFault('PAA_PAGAMENTO_DUPLICATO');
      default: // DRAFT, PUBLISHED: not yet payable, unknown to the Node
        throw new NodeFault('PAA_PAGAMENTO_SCONOSCIUTO');
    }
    return {
      rptId,
      paFiscalCode,
      noticeNumber,
      iuv: option.iuv,
      paName: option.companyName,
      description: option.description,
      amount: option.amount,
      dueDate: option.dueDate.slice(0, 10),
      transfers: option.transfer.map((t) => ({
        paFiscalCode: t.organizationFiscalCode,
        transferAmount: t.amount,
        transferCategory: t.category,
        digitalStamp: t.stamp !== undefined && t.stamp !== null,
      })),
    };
  }

  /** sendPaymentOutcome OK: GPD marks the option paid (and the receipt follows). */
  async pay(notice: Notice, payment: NodePayment): Promise<void> {
    const response = await this.gpd.inject({
      method: 'POST',
      url: `/gpd/api/v1/organizations/${notice.paFiscalCode}/paymentoptions/${notice.noticeNumber}/pay`,
      headers: { 'ocp-apim-subscription-key': this.internalKey, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...payment, fee: String(payment.fee) }),
    });
    if (response.statusCode !== 200) throw new Error(`GPD refused the payment of ${notice.rptId}: ${response.statusCode} ${response.body}`);
  }
}
