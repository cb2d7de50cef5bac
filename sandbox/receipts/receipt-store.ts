// The receipts the Node sends to GPD-payments (paSendRT) when a notice is paid through pagoPA,
// stored by (EC fiscal code, IUV). Each keeps the receipt's data (the ctReceipt fields, amounts in
// cents) and the XML document built from it, as the GPD receipts API returns it; the biz-events API
// renders the same data as JSON. Options "marked as paid" by the EC (paids) have no pagoPA receipt.
import { XMLBuilder } from 'fast-xml-parser';
import type { DebtorType, PaymentOption, PaymentPosition } from '../gpd/model.ts';
import { debtorOfOption } from '../gpd/responses.ts';

export interface ReceiptTransfer {
  /** '1'..'5'. */
  idTransfer: string;
  amountCents: number;
  fiscalCodePA: string;
  iban?: string;
  /** The digital stamp's document hash, for a transfer paid with a stamp (no IBAN). */
  stampHash?: string;
  remittanceInformation: string;
  transferCategory: string;
}

export interface ReceiptSubject {
  entityUniqueIdentifierType: DebtorType;
  entityUniqueIdentifierValue: string;
  fullName: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  stateProvinceRegion?: string;
  country?: string;
  email?: string;
}

/** The ctReceipt of a payment, as the Node builds it: the single source of the XML and of the biz event. */
export interface ReceiptData {
  /** The payment token (IUR). */
  receiptId: string;
  noticeNumber: string;
  /** The primary EC (the one that issued the notice). */
  fiscalCode: string;
  outcome: 'OK';
  creditorReferenceId: string;
  paymentAmountCents: number;
  description: string;
  companyName: string;
  officeName?: string;
  debtor: ReceiptSubject;
  transfers: ReceiptTransfer[];
  idPSP?: string;
  pspFiscalCode?: string;
  pspCompanyName: string;
  idChannel?: string;
  channelDescription: string;
  paymentMethod?: string;
  feeCents: number;
  /** ISO local date-time, seconds precision. */
  paymentDateTime: string;
  /** yyyy-MM-dd */
  applicationDate: string;
  /** yyyy-MM-dd */
  transferDate: string;
}

export interface StoredReceipt {
  organizationFiscalCode: string;
  iuv: string;
  debtor: string;
  /** ISO local date-time of the payment, as text. */
  paymentDateTime: string;
  paymentMs: number;
  status: 'PAID';
  receipt: ReceiptData;
  xml: string;
}

export interface ReceiptContext {
  brokerCode: string;
  stationId: string;
}

const builder = new XMLBuilder({ format: true, indentBy: '    ', suppressEmptyNode: true });
const JAXB_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cents as the receipt writes amounts: euros with two decimals. */
export const euros = (cents: number) => (cents / 100).toFixed(2);
const localDateTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);

function receiptData(position: PaymentPosition, option: PaymentOption, paymentMs: number): ReceiptData {
  const debtor = debtorOfOption(position, option);
  return {
    receiptId: option.idReceipt ?? '',
    noticeNumber: option.nav,
    fiscalCode: position.organizationFiscalCode,
    outcome: 'OK',
    creditorReferenceId: option.iuv,
    paymentAmountCents: option.amount,
    description: option.description,
    companyName: position.companyName,
    officeName: position.officeName,
    debtor: {
      entityUniqueIdentifierType: debtor.type,
      entityUniqueIdentifierValue: debtor.fiscalCode,
      fullName: debtor.fullName,
      streetName: debtor.streetName,
      civicNumber: debtor.civicNumber,
      postalCode: debtor.postalCode,
      city: debtor.city,
      stateProvinceRegion: debtor.province,
      country: debtor.country,
      email: debtor.email,
    },
    transfers: option.transfer.map((t) => ({
      idTransfer: t.idTransfer,
      amountCents: t.amount,
      fiscalCodePA: t.organizationFiscalCode,
      iban: t.iban,
      stampHash: t.stamp?.hashDocument,
      remittanceInformation: t.remittanceInformation,
      transferCategory: t.category,
    })),
    idPSP: option.pspCode,
    pspFiscalCode: option.pspTaxCode,
    pspCompanyName: option.pspCompany ?? '',
    idChannel: option.pspCode ? `${option.pspCode}_01` : undefined,
    channelDescription: 'app',
    paymentMethod: option.paymentMethod,
    feeCents: option.fee,
    paymentDateTime: localDateTime(paymentMs),
    applicationDate: localDateTime(paymentMs).slice(0, 10),
    transferDate: localDateTime(paymentMs).slice(0, 10),
  };
}

/** Leaves out absent fields (the builder writes keys in insertion order: the XSD's order below). */
const present = (node: Record<string, unknown>) => Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined));

function subject(s: ReceiptSubject) {
  return present({
    uniqueIdentifier: { entityUniqueIdentifierType: s.entityUniqueIdentifierType, entityUniqueIdentifierValue: s.entityUniqueIdentifierValue },
    fullName: s.fullName,
    streetName: s.streetName,
    civicNumber: s.civicNumber,
    postalCode: s.postalCode,
    city: s.city,
    stateProvinceRegion: s.stateProvinceRegion,
    country: s.country,
    'e-mail': s.email,
  });
}

/**
 * The `receipt` element of paSendRTReq (GPD receipts, the Node's paSendRT) and paSendRTV2Request, in the XSD's order,
 * absent fields left out, amounts in euros with two decimals; `stamp` writes a transfer's MBDAttachment (V2 only).
 */
export function receiptElement(receipt: ReceiptData, stamp?: (transfer: ReceiptTransfer) => string | undefined): Record<string, unknown> {
  return present({
    receiptId: receipt.receiptId,
    noticeNumber: receipt.noticeNumber,
    fiscalCode: receipt.fiscalCode,
    outcome: receipt.outcome,
    creditorReferenceId: receipt.creditorReferenceId,
    paymentAmount: euros(receipt.paymentAmountCents),
    description: receipt.description,
    companyName: receipt.companyName,
    officeName: receipt.officeName,
    debtor: subject(receipt.debtor),
    transferList: {
      transfer: receipt.transfers.map((t) =>
        present({
          idTransfer: t.idTransfer,
          transferAmount: euros(t.amountCents),
          fiscalCodePA: t.fiscalCodePA,
          IBAN: t.iban,
          MBDAttachment: stamp?.(t),
          remittanceInformation: t.remittanceInformation,
          transferCategory: t.transferCategory,
        }),
      ),
    },
    idPSP: receipt.idPSP,
    pspFiscalCode: receipt.pspFiscalCode,
    PSPCompanyName: receipt.pspCompanyName,
    idChannel: receipt.idChannel,
    channelDescription: receipt.channelDescription,
    paymentMethod: receipt.paymentMethod,
    fee: euros(receipt.feeCents),
    paymentDateTime: receipt.paymentDateTime,
    applicationDate: receipt.applicationDate,
    transferDate: receipt.transferDate,
  });
}

/**
 * The paSendRTReq document of the GPD receipts API, as pagopa-gpd-payments stores it (ReceiveRTService.marshal at
 * e8d7b300: JAXB, formatted output, the root in no namespace) with JAXB's XML declaration.
 */
function paSendRTReq(receipt: ReceiptData, { brokerCode, stationId }: ReceiptContext): string {
  return (JAXB_DECLARATION +
    builder.build({ paSendRTReq: { idPA: receipt.fiscalCode, idBrokerPA: brokerCode, idStation: stationId, receipt: receiptElement(receipt) } })) as string;
}

export class ReceiptStore {
  readonly #receipts = new Map<string, StoredReceipt>();

  constructor(private readonly context: (organization: string) => ReceiptContext) {}

  get(organization: string, iuv: string): StoredReceipt | undefined {
    return this.#receipts.get(`${organization}|${iuv}`);
  }

  list(organization: string): StoredReceipt[] {
    return [...this.#receipts.values()].filter((r) => r.organizationFiscalCode === organization);
  }

  /**
   * The receipts whose receiptId (payment token) is `iur` and that `organization` may read: as the EC
   * that issued the notice (`creditor`), or as the beneficiary of one of its transfers (`beneficiary`,
   * which includes the issuing EC when a transfer is its own). Usually one; more when a token was reused.
   */
  getByReceiptId(organization: string, iur: string, as: 'creditor' | 'beneficiary' = 'creditor'): StoredReceipt[] {
    return [...this.#receipts.values()].filter(
      ({ receipt }) =>
        receipt.receiptId === iur && (as === 'creditor' ? receipt.fiscalCode === organization : receipt.transfers.some((t) => t.fiscalCodePA === organization)),
    );
  }

  /** Records the receipt of a payment of `option` (already paid on GPD). */
  record(position: PaymentPosition, option: PaymentOption, at: number): StoredReceipt {
    const paymentMs = option.paymentDate ?? at;
    const receipt = receiptData(position, option, paymentMs);
    const stored: StoredReceipt = {
      organizationFiscalCode: position.organizationFiscalCode,
      iuv: option.iuv,
      debtor: debtorOfOption(position, option).fiscalCode,
      paymentDateTime: receipt.paymentDateTime,
      paymentMs,
      status: 'PAID',
      receipt,
      xml: paSendRTReq(receipt, this.context(position.organizationFiscalCode)),
    };
    this.#receipts.set(`${stored.organizationFiscalCode}|${stored.iuv}`, stored);
    return stored;
  }
}
