// The receipt the suite, playing the Node, sends to the EC's station for a notice it created: built from
// the position as GPD answered its creation (the EC's system knows that notice), amounts in euros with
// two decimals, the PSP of the test payment. V1 (ctReceipt) is V2 (ctReceiptV2) without its V2-only fields.
import type { CreatedPosition } from '../gpd/model.ts';
import type { CtReceipt, CtReceiptV2, CtSubject, CtTransferPAReceiptV2 } from '../schema-types.ts';
import { type RtRequest, type RtVersion } from './soap.ts';

/** Cents as the receipts write amounts: euros with two decimals. */
export const euros = (cents: number) => (cents / 100).toFixed(2);

/** The PSP that took the payment (sandbox and UAT test PSPs alike). */
export interface ReceiptPsp {
  idPSP: string;
  pspFiscalCode?: string;
  PSPCompanyName: string;
  idChannel: string;
  channelDescription: string;
  paymentMethod: string;
  feeCents: number;
}

export const SUITE_PSP: ReceiptPsp = {
  idPSP: 'BNLIITRR',
  pspFiscalCode: '09339391005',
  PSPCompanyName: 'Banca Nazionale del Lavoro S.p.A.',
  idChannel: 'BNLIITRR_01',
  channelDescription: 'app',
  paymentMethod: 'creditCard',
  feeCents: 100,
};

/** Local date-time to the second (the Node writes paymentDateTime without zone). */
const localDateTime = (at: Date) => at.toISOString().slice(0, 19);

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

/** The debtor of a position as a receipt subject. */
export function debtorOf(position: CreatedPosition): CtSubject {
  return defined({
    uniqueIdentifier: { entityUniqueIdentifierType: position.type, entityUniqueIdentifierValue: position.fiscalCode },
    fullName: position.fullName,
    streetName: position.streetName ?? undefined,
    civicNumber: position.civicNumber ?? undefined,
    postalCode: position.postalCode ?? undefined,
    city: position.city ?? undefined,
    stateProvinceRegion: position.province ?? undefined,
    country: position.country ?? undefined,
    'e-mail': position.email ?? undefined,
  });
}

/** The V2 receipt of the payment of the position's first option, taken at `paidAt` with receipt id `receiptId`. */
export function receiptOf(position: CreatedPosition, ecFiscalCode: string, receiptId: string, paidAt: Date, psp: ReceiptPsp = SUITE_PSP): CtReceiptV2 {
  const option = position.paymentOption[0]!;
  const transfer: CtTransferPAReceiptV2[] = option.transfer.map((t) =>
    defined({
      idTransfer: t.idTransfer,
      transferAmount: euros(t.amount),
      fiscalCodePA: t.organizationFiscalCode ?? ecFiscalCode,
      companyName: t.companyName ?? undefined,
      IBAN: t.iban ?? t.postalIban ?? undefined,
      MBDAttachment: t.stamp ? t.stamp.hashDocument : undefined,
      remittanceInformation: t.remittanceInformation,
      transferCategory: t.category,
    }),
  );
  return defined({
    receiptId,
    noticeNumber: option.nav,
    fiscalCode: ecFiscalCode,
    outcome: 'OK',
    creditorReferenceId: option.iuv,
    paymentAmount: euros(option.amount),
    description: option.description,
    companyName: position.companyName,
    officeName: position.officeName ?? undefined,
    debtor: debtorOf(position),
    transferList: { transfer },
    idPSP: psp.idPSP,
    pspFiscalCode: psp.pspFiscalCode,
    PSPCompanyName: psp.PSPCompanyName,
    idChannel: psp.idChannel,
    channelDescription: psp.channelDescription,
    paymentMethod: psp.paymentMethod,
    fee: euros(psp.feeCents),
    paymentDateTime: localDateTime(paidAt),
    applicationDate: localDateTime(paidAt).slice(0, 10),
    transferDate: localDateTime(paidAt).slice(0, 10),
  } satisfies CtReceiptV2);
}

/** The V1 receipt (ctReceipt) with the same data: no transfer companyName/MBDAttachment, no V2-only fields. */
export function toReceiptV1(receipt: CtReceiptV2): CtReceipt {
  const { paymentNote: _note, primaryCiIncurredFee: _fee, idBundle: _bundle, idCiBundle: _ciBundle, transferList, ...rest } = receipt;
  return {
    ...rest,
    transferList: {
      transfer: transferList.transfer.map(({ companyName: _company, MBDAttachment: _mbd, IBAN, ...t }) => {
        if (IBAN === undefined) throw new Error(`transfer ${t.idTransfer} has no IBAN: a paSendRT (V1) receipt cannot carry a digital stamp`);
        return { ...t, IBAN };
      }),
    },
  };
}

/** How the Node addresses the EC's station. */
export interface StationAddress {
  idPA: string;
  idBrokerPA: string;
  idStation: string;
}

/** The request of primitive `version` for `receipt`, addressed to the EC's station. */
export function rtRequest<V extends RtVersion>(version: V, station: StationAddress, receipt: CtReceiptV2): RtRequest<V> {
  return { ...station, receipt: version === 1 ? toReceiptV1(receipt) : receipt } as RtRequest<V>;
}
