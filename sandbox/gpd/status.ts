// The debt-position state machine: which operation is allowed in which state, the publish
// process, the on-the-fly and scheduled transitions, and the status recomputed after a payment
// or a reporting.
import type { PaymentOption, PaymentPosition, PositionStatus, PositionStatusV3 } from './model.ts';

const statuses = (...s: PositionStatus[]) => new Set<PositionStatus>(s);

export const NOT_UPDATABLE = statuses('INVALID', 'PARTIALLY_PAID', 'PAID', 'REPORTED');
export const NOT_PUBLISHABLE = statuses('PUBLISHED', 'VALID', 'INVALID', 'EXPIRED', 'PARTIALLY_PAID', 'PAID', 'REPORTED');
export const NOT_INVALIDABLE = statuses('DRAFT', 'INVALID', 'EXPIRED', 'PARTIALLY_PAID', 'PAID', 'REPORTED');
/** DELETE is refused once anything is paid. */
export const ALREADY_PAID = statuses('PARTIALLY_PAID', 'PAID', 'REPORTED');
export const FULLY_PAID = statuses('PAID', 'REPORTED');
export const NOT_ACCOUNTABLE = statuses('DRAFT', 'PUBLISHED', 'VALID', 'INVALID', 'EXPIRED', 'REPORTED');
export const PAYABLE = statuses('VALID', 'PARTIALLY_PAID');

export function minValidity(pp: PaymentPosition): number | undefined {
  const dates = pp.paymentOption.flatMap((po) => (po.validityDate === undefined ? [] : [po.validityDate]));
  return dates.length ? dates.reduce((a, b) => Math.min(a, b)) : undefined;
}

/** The `switchToExpired` shown in responses: true only if every option has it (and there is one). */
export function allMarkedExpired(pp: PaymentPosition): boolean {
  return pp.paymentOption.length > 0 && pp.paymentOption.every((po) => po.switchToExpired);
}

/** PublishPaymentUtil: missing validity dates become `now` (→ VALID), future ones → PUBLISHED. */
export function publishProcess(pp: PaymentPosition, now: number): void {
  let defaulted = false;
  for (const po of pp.paymentOption) {
    if (po.validityDate === undefined) {
      po.validityDate = now;
      defaulted = true;
    }
  }
  pp.publishDate = now;
  pp.lastUpdatedDate = now;
  const anyStarted = pp.paymentOption.some((po) => po.validityDate !== undefined && po.validityDate <= now);
  pp.status = defaulted || anyStarted ? 'VALID' : 'PUBLISHED';
  pp.validityDate = minValidity(pp);
}

/** PUBLISHED → VALID once the validity started (done on the fly when the Node touches an option). */
export function validTransition(pp: PaymentPosition, now: number): boolean {
  const validity = minValidity(pp);
  if (pp.status === 'PUBLISHED' && validity !== undefined && validity <= now) {
    pp.status = 'VALID';
    return true;
  }
  return false;
}

/** VALID → EXPIRED when every option expires and the last due date has passed (on the fly). */
export function expireOnTheFly(pp: PaymentPosition, now: number): boolean {
  if (allMarkedExpired(pp) && pp.status === 'VALID' && now > pp.maxDueDate) {
    pp.status = 'EXPIRED';
    return true;
  }
  return false;
}

/** The Node sees an unpaid, expiring option past its due date as expired. */
export function isInstallmentExpired(pp: PaymentPosition, po: PaymentOption, now: number): boolean {
  return PAYABLE.has(pp.status) && po.status === 'PO_UNPAID' && po.switchToExpired && po.dueDate < now;
}

/** Scheduled job (11:00/21:00 UTC on the platform). */
export function dueForValidation(pp: PaymentPosition, now: number): boolean {
  return pp.status === 'PUBLISHED' && pp.paymentDate === undefined && pp.validityDate !== undefined && pp.validityDate <= now;
}

/** Scheduled job (11:30/21:30 UTC on the platform). */
export function dueForExpiry(pp: PaymentPosition, now: number): boolean {
  return (
    pp.status === 'VALID' &&
    pp.paymentDate === undefined &&
    pp.switchToExpired &&
    pp.maxDueDate < now &&
    pp.paymentOption.every((po) => po.status === 'PO_UNPAID')
  );
}

/**
 * After a payment or a reporting. A "plan" is a single option, or all the installments sharing a
 * `paymentPlanId` (in v1 all `isPartialPayment` options form one plan): REPORTED if a plan is fully reported, PAID if a plan is
 * fully paid/reported, PARTIALLY_PAID if something was paid; otherwise unchanged.
 */
export function recomputeStatus(pp: PaymentPosition): void {
  const plans = new Map<string, PaymentOption[]>();
  for (const po of pp.paymentOption) {
    const key = po.isPartialPayment ? `PLAN:${po.paymentPlanId}` : `SINGLE:${po.iuv}`;
    plans.set(key, [...(plans.get(key) ?? []), po]);
  }
  const plansList = [...plans.values()];
  const paid = (po: PaymentOption) => po.status !== 'PO_UNPAID';
  if (plansList.some((plan) => plan.every((po) => po.status === 'PO_REPORTED'))) pp.status = 'REPORTED';
  else if (plansList.some((plan) => plan.every(paid))) pp.status = 'PAID';
  else if (pp.paymentOption.some(paid)) pp.status = 'PARTIALLY_PAID';
}

/** CommonUtil.isMultiInstallments: installments of more than one plan (a position only v3 can show). */
export function isMultiInstallments(pp: PaymentPosition): boolean {
  return new Set(pp.paymentOption.filter((po) => po.isPartialPayment).map((po) => po.paymentPlanId)).size > 1;
}

/** DebtPositionStatusV3.convert: INVALID and EXPIRED are UNPAYABLE, REPORTED is PAID. */
export function toV3Status(status: PositionStatus): PositionStatusV3 {
  if (status === 'INVALID' || status === 'EXPIRED') return 'UNPAYABLE';
  if (status === 'REPORTED') return 'PAID';
  return status;
}
