// Entity → response bodies of the GPD API v3 (payment plans), as GPD's v3 converters build them:
// the stored options are regrouped into v3 options — the installments of one plan (same
// paymentPlanId) form one option, every single option is an option with one installment — ordered
// by their earliest due date. Absent values are omitted, as in the v1 answers.
import { formatLocalDateTime } from '../dates.ts';
import { write } from '../descriptor.ts';
import type { Page } from './list.ts';
import type { PaymentOption, PaymentPosition } from './model.ts';
import { TRANSFER } from './objects.ts';
import { debtorOfOption, transferModelResponse } from './responses.ts';
import { toV3Status } from './status.ts';

const date = (ms: number | undefined) => (ms === undefined ? undefined : formatLocalDateTime(ms));
/** PO_PAID → PAID... (the option status without its prefix). */
const installmentStatus = (po: PaymentOption) => po.status.replace(/^PO_/, '');
const metadata = (po: PaymentOption) => po.paymentOptionMetadata.map(({ key, value }) => ({ key, value }));

/**
 * The options of a position grouped as v3 shows them: plans first (in the order their first
 * installment was stored), then the single options, stably sorted by earliest due date; the
 * installments of a plan sorted by due date.
 */
function groups(pp: PaymentPosition): PaymentOption[][] {
  const plans = new Map<string, PaymentOption[]>();
  for (const po of pp.paymentOption.filter((o) => o.isPartialPayment)) plans.set(po.paymentPlanId, [...(plans.get(po.paymentPlanId) ?? []), po]);
  const all = [
    ...[...plans.values()].map((plan) => [...plan].sort((a, b) => a.dueDate - b.dueDate)),
    ...pp.paymentOption.filter((o) => !o.isPartialPayment).map((po) => [po]),
  ];
  const earliest = (group: PaymentOption[]) => group.reduce((min, po) => Math.min(min, po.dueDate), Number.POSITIVE_INFINITY);
  return all.sort((a, b) => earliest(a) - earliest(b));
}

/** PaymentPositionModelV3: the answer of create, update and publish (ConverterV3PPEntityToModel). */
export function paymentPositionModelV3(pp: PaymentPosition) {
  return {
    iupd: pp.iupd,
    // The converter never sets it: the model's default.
    payStandIn: true,
    companyName: pp.companyName,
    officeName: pp.officeName,
    paymentDate: date(pp.paymentDate),
    status: toV3Status(pp.status),
    paymentOption: groups(pp).map((group) => {
      // The option's data come from its first installment (by due date).
      const first = group[0]!;
      return {
        validityDate: date(first.validityDate),
        retentionDate: date(first.retentionDate),
        switchToExpired: first.switchToExpired,
        debtor: debtorOfOption(pp, first),
        installments: group.map((po) => ({
          nav: po.nav,
          iuv: po.iuv,
          amount: po.amount,
          description: po.description,
          dueDate: date(po.dueDate),
          fee: po.fee,
          notificationFee: po.notificationFee,
          status: installmentStatus(po),
          transfer: po.transfer.map((t) => write(TRANSFER, t)),
          installmentMetadata: metadata(po),
        })),
      };
    }),
  };
}

/** PaymentPositionModelResponseV3: GET one and list items (ConverterV3PPEntityToModelResponse). */
export function paymentPositionModelResponseV3(pp: PaymentPosition) {
  return {
    iupd: pp.iupd,
    organizationFiscalCode: pp.organizationFiscalCode,
    companyName: pp.companyName,
    officeName: pp.officeName,
    insertedDate: date(pp.insertedDate),
    publishDate: date(pp.publishDate),
    paymentDate: date(pp.paymentDate),
    status: toV3Status(pp.status),
    lastUpdatedDate: date(pp.lastUpdatedDate),
    paymentOption: groups(pp).map((group) => {
      const first = group[0]!;
      const validities = group.flatMap((po) => (po.validityDate === undefined ? [] : [po.validityDate]));
      return {
        // A plan expires if any of its installments does; its validity is the earliest.
        switchToExpired: group.some((po) => po.switchToExpired),
        retentionDate: date(first.retentionDate),
        insertedDate: date(first.insertedDate),
        validityDate: date(validities.length ? validities.reduce((a, b) => Math.min(a, b)) : undefined),
        debtor: debtorOfOption(pp, first),
        installments: group.map((po) => ({
          nav: po.nav,
          iuv: po.iuv,
          organizationFiscalCode: po.organizationFiscalCode,
          amount: po.amount,
          description: po.description,
          dueDate: date(po.dueDate),
          paymentDate: date(po.paymentDate),
          reportingDate: date(po.reportingDate),
          paymentMethod: po.paymentMethod,
          pspCompany: po.pspCompany,
          fee: po.fee,
          notificationFee: po.notificationFee,
          idReceipt: po.idReceipt,
          idFlowReporting: po.idFlowReporting,
          status: installmentStatus(po),
          lastUpdatedDate: date(po.lastUpdatedDate),
          installmentMetadata: metadata(po),
          transfer: po.transfer.map(transferModelResponse),
        })),
      };
    }),
  };
}

/** PaymentPositionsInfoV3. */
export function paymentPositionsInfoV3(page: Page) {
  return {
    payment_position_list: page.positions.map(paymentPositionModelResponseV3),
    page_info: { page: page.page, limit: page.limit, items_found: page.itemsFound, total_pages: page.totalPages },
  };
}
