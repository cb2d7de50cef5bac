// Entity → response bodies of the GPD API (PaymentPositionModel, the *base* responses of GET/list,
// PaymentsModelResponse...). Dates are printed without zone; absent values are omitted because
// the official contract declares none of these fields nullable.
import { formatLocalDateTime } from '../dates.ts';
import { write } from '../descriptor.ts';
import type { Page } from './list.ts';
import {
  DEBTOR_OPTIONAL_FIELDS,
  UNDEFINED_DEBTOR,
  type Debtor,
  type PaymentOption,
  type PaymentPosition,
  type PositionStatus,
  type Transfer,
} from './model.ts';
import { PAYMENT_POSITION } from './objects.ts';
import { allMarkedExpired, minValidity } from './status.ts';

const date = (ms: number | undefined) => (ms === undefined ? undefined : formatLocalDateTime(ms));
const SERVICE_TYPE = 'GPD';

/** The debtor of an option; the position's when the option carries v3's placeholder (ConvertPOEntityToPOWithDebtor). */
export function debtorOfOption(pp: PaymentPosition, po: PaymentOption): Debtor {
  const source: Debtor = po.debtor.fiscalCode === UNDEFINED_DEBTOR && po.debtor.fullName === UNDEFINED_DEBTOR ? pp : po.debtor;
  return {
    type: source.type,
    fiscalCode: source.fiscalCode,
    fullName: source.fullName,
    ...Object.fromEntries(DEBTOR_OPTIONAL_FIELDS.map((field) => [field, source[field]])),
  };
}

/**
 * PaymentPositionModel: answer of create, update, publish, invalidate. Written from the descriptor
 * the body is read with (objects.ts): the same fields, plus the read-only ones, in the same order.
 */
export function paymentPositionModel(pp: PaymentPosition) {
  return write(PAYMENT_POSITION, pp, { switchToExpired: allMarkedExpired(pp), validityDate: minValidity(pp) });
}

export function transferModelResponse(t: Transfer) {
  return {
    organizationFiscalCode: t.organizationFiscalCode,
    companyName: t.companyName,
    idTransfer: t.idTransfer,
    amount: t.amount,
    remittanceInformation: t.remittanceInformation,
    category: t.category,
    iban: t.iban,
    postalIban: t.postalIban,
    stamp: t.stamp,
    insertedDate: date(t.insertedDate),
    status: t.status,
    lastUpdatedDate: date(t.lastUpdatedDate),
    transferMetadata: t.transferMetadata,
  };
}

/** PaymentOptionModelResponse (also the answer of `paids`). */
export function paymentOptionModelResponse(po: PaymentOption) {
  return {
    nav: po.nav,
    iuv: po.iuv,
    organizationFiscalCode: po.organizationFiscalCode,
    amount: po.amount,
    description: po.description,
    isPartialPayment: po.isPartialPayment,
    dueDate: date(po.dueDate),
    retentionDate: date(po.retentionDate),
    paymentDate: date(po.paymentDate),
    reportingDate: date(po.reportingDate),
    insertedDate: date(po.insertedDate),
    paymentMethod: po.paymentMethod,
    fee: po.fee,
    notificationFee: po.notificationFee,
    pspCompany: po.pspCompany,
    idReceipt: po.idReceipt,
    idFlowReporting: po.idFlowReporting,
    status: po.status,
    lastUpdatedDate: date(po.lastUpdatedDate),
    paymentOptionMetadata: po.paymentOptionMetadata,
    transfer: po.transfer.map(transferModelResponse),
  };
}

/** PaymentOptionModelResponse of the payments API (notification-fee update): with the fee's own update time. */
export function paymentsOptionModelResponse(po: PaymentOption) {
  const { paymentOptionMetadata, transfer, ...fields } = paymentOptionModelResponse(po);
  return { ...fields, lastUpdatedDateNotificationFee: date(po.lastUpdatedDateNotificationFee), paymentOptionMetadata, transfer };
}

/** PaidPaymentOptionModel: answer of the internal `pay`. */
export function paidPaymentOptionModel(po: PaymentOption) {
  return { ...paymentOptionModelResponse(po), serviceType: SERVICE_TYPE };
}

/** PaymentPositionModelBaseResponse: GET one and list items (no debtor, no switchToExpired/payStandIn). */
export function paymentPositionBaseResponse(pp: PaymentPosition) {
  return {
    iupd: pp.iupd,
    organizationFiscalCode: pp.organizationFiscalCode,
    type: pp.type,
    companyName: pp.companyName,
    officeName: pp.officeName,
    insertedDate: date(pp.insertedDate),
    publishDate: date(pp.publishDate),
    validityDate: date(minValidity(pp)),
    paymentDate: date(pp.paymentDate),
    status: pp.status,
    lastUpdatedDate: date(pp.lastUpdatedDate),
    paymentOption: pp.paymentOption.map(paymentOptionModelResponse),
  };
}

/** PaymentPositionsInfo; `shown`: the page's positions v1 can show (default all). */
export function paymentPositionsInfo(page: Page, shown: PaymentPosition[] = page.positions) {
  return {
    payment_position_list: shown.map(paymentPositionBaseResponse),
    page_info: { page: page.page, limit: page.limit, items_found: page.itemsFound, total_pages: page.totalPages },
  };
}

/** PaymentsWithDebtorInfoModelResponse: the Node's view of a notice (internal get-by-NAV). */
export function paymentsWithDebtorInfo(pp: PaymentPosition, po: PaymentOption, debtPositionStatus: PositionStatus) {
  const { transfer, lastUpdatedDate: _lastUpdated, ...option } = paymentOptionModelResponse(po);
  return {
    ...option,
    payStandIn: pp.payStandIn,
    serviceType: SERVICE_TYPE,
    // The notification fee is exposed to the Node as a reserved metadata entry.
    paymentOptionMetadata: [...po.paymentOptionMetadata, { key: 'NOTIFICATION_FEE', value: String(po.notificationFee) }],
    iupd: pp.iupd,
    ...debtorOfOption(pp, po),
    companyName: pp.companyName,
    officeName: pp.officeName,
    debtPositionStatus,
    transfer,
  };
}
