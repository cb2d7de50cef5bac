// The ledger line of a notice a run paid: what the EC's flows must report for it (its own transfers only: a
// second beneficiary's share is reported in that EC's flows) and when it was paid.
import type { DebtPosition, Installment } from '../gpd/model.ts';
import type { PaidNotice } from './ledger.ts';

/** GPD writes date-times without a zone, meaning UTC; the ledger keeps them with one. */
export function gpdDateTimeToIso(value: string): string {
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) throw new RangeError(`not a GPD date-time: ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}

/** The cents of `ec`'s transfers of the position's first option (a transfer without an EC is the position's EC's). */
export function ecShareCents(position: DebtPosition, ec: string): number {
  const option = position.paymentOption[0];
  if (!option) throw new RangeError(`position ${position.iupd} has no payment option`);
  return option.transfer.filter((t) => (t.organizationFiscalCode ?? ec) === ec).reduce((sum, t) => sum + t.amount, 0);
}

export function paidNotice(o: { position: DebtPosition; nav: string; ec: string; paymentDate: string; runId: string; pspId: string | undefined }): PaidNotice {
  const option = o.position.paymentOption[0]!;
  return {
    iuv: option.iuv,
    nav: o.nav,
    ec: o.ec,
    amountCents: ecShareCents(o.position, o.ec),
    ...(o.pspId ? { pspId: o.pspId } : {}),
    paymentDate: gpdDateTimeToIso(o.paymentDate),
    runId: o.runId,
  };
}

/** The ledger line of a paid GPD v3 instalment (issue 13): the EC's transfers of that instalment. */
export function paidInstallment(o: { installment: Installment; ec: string; paymentDate: string; runId: string; pspId: string | undefined }): PaidNotice {
  const { installment } = o;
  return {
    iuv: installment.iuv,
    nav: installment.nav ?? `3${installment.iuv}`,
    ec: o.ec,
    amountCents: installment.transfer.filter((t) => (t.organizationFiscalCode ?? o.ec) === o.ec).reduce((sum, t) => sum + t.amount, 0),
    ...(o.pspId ? { pspId: o.pspId } : {}),
    paymentDate: gpdDateTimeToIso(o.paymentDate),
    runId: o.runId,
  };
}
