// The receipts the Node sends to GPD-payments (paSendRT) when a notice is paid through pagoPA,
// stored by (EC fiscal code, IUV) with the XML document as the receipts API returns it.
// Options "marked as paid" by the EC (paids) have no pagoPA receipt.
import { XMLBuilder } from 'fast-xml-parser';
import type { PaymentOption, PaymentPosition } from '../gpd/model.ts';

export interface StoredReceipt {
  organizationFiscalCode: string;
  iuv: string;
  debtor: string;
  /** ISO local date-time of the payment, as text. */
  paymentDateTime: string;
  paymentMs: number;
  status: 'PAID';
  xml: string;
}

export interface ReceiptContext {
  brokerCode: string;
  stationId: string;
}

const builder = new XMLBuilder({ format: true, indentBy: '    ', suppressEmptyNode: true });

/** Cents as the receipt writes amounts: euros with two decimals. */
export const euros = (cents: number) => (cents / 100).toFixed(2);
const localDateTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export class ReceiptStore {
  readonly #receipts = new Map<string, StoredReceipt>();

  constructor(private readonly context: (organization: string) => ReceiptContext) {}

  get(organization: string, iuv: string): StoredReceipt | undefined {
    return this.#receipts.get(`${organization}|${iuv}`);
  }

  list(organization: string): StoredReceipt[] {
    return [...this.#receipts.values()].filter((r) => r.organizationFiscalCode === organization);
  }

  /** Records the receipt of a payment of `option` (already paid on GPD). */
  record(position: PaymentPosition, option: PaymentOption, at: number): StoredReceipt {
    const { brokerCode, stationId } = this.context(position.organizationFiscalCode);
    const paymentMs = option.paymentDate ?? at;
    const document = {
      paSendRTReq: {
        idPA: position.organizationFiscalCode,
        idBrokerPA: brokerCode,
        idStation: stationId,
        receipt: {
          receiptId: option.idReceipt,
          noticeNumber: option.nav,
          fiscalCode: position.organizationFiscalCode,
          outcome: 'OK',
          creditorReferenceId: option.iuv,
          paymentAmount: euros(option.amount),
          description: option.description,
          companyName: position.companyName,
          officeName: position.officeName,
          debtor: {
            uniqueIdentifier: { entityUniqueIdentifierType: position.type, entityUniqueIdentifierValue: position.fiscalCode },
            fullName: position.fullName,
            streetName: position.streetName,
            civicNumber: position.civicNumber,
            postalCode: position.postalCode,
            city: position.city,
            stateProvinceRegion: position.province,
            country: position.country,
            'e-mail': position.email,
          },
          transferList: {
            transfer: option.transfer.map((t) => ({
              idTransfer: t.idTransfer,
              transferAmount: euros(t.amount),
              fiscalCodePA: t.organizationFiscalCode,
              IBAN: t.iban,
              remittanceInformation: t.remittanceInformation,
              transferCategory: t.category,
            })),
          },
          idPSP: option.pspCode,
          pspFiscalCode: option.pspTaxCode,
          PSPCompanyName: option.pspCompany,
          idChannel: option.pspCode ? `${option.pspCode}_01` : undefined,
          channelDescription: 'app',
          paymentMethod: option.paymentMethod,
          fee: euros(option.fee),
          paymentDateTime: localDateTime(paymentMs),
          applicationDate: localDateTime(paymentMs).slice(0, 10),
          transferDate: localDateTime(paymentMs).slice(0, 10),
        },
      },
    };
    const receipt: StoredReceipt = {
      organizationFiscalCode: position.organizationFiscalCode,
      iuv: option.iuv,
      debtor: position.fiscalCode ?? '',
      paymentDateTime: localDateTime(paymentMs),
      paymentMs,
      status: 'PAID',
      xml: builder.build(document) as string,
    };
    this.#receipts.set(`${receipt.organizationFiscalCode}|${receipt.iuv}`, receipt);
    return receipt;
  }
}
