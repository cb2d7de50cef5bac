// Business validations of create/update (DebtPositionValidation), in the platform's order and with
// its exact messages. Dates in the messages use `yyyy-MM-dd hh:mm:ss` (12-hour clock: a server quirk).
import { format12h } from '../dates.ts';
import { requestDataError } from '../problem.ts';
import type { PaymentOption, PaymentPosition, Transfer } from './model.ts';

export type Action = 'CREATE' | 'UPDATE';

/** Java's `[\w*\h-]+`, the @Pattern GET/DELETE one put on the organization code and the IUPD. */
export const ADDRESSABLE = /^[\w*\t \u00A0\u1680\u180E\u2000-\u200A\u202F\u205F\u3000-]+$/;
export const ADDRESSABLE_MESSAGE = 'must match "[\\w*\\h-]+"';

const TRANSFER_IDS = ['1', '2', '3', '4', '5'];

const isNotEmpty = (s: string | undefined): s is string => s !== undefined && s.length > 0;

/** Throws the first violation found, option by option (400 "Error in the debt position request data"). */
export function checkPositionData(pp: PaymentPosition, action: Action, now: number): void {
  for (const po of pp.paymentOption) {
    checkDates(po, action, now);
    checkTransfers(po);
    checkAmounts(po);
  }
}

function checkDates(po: PaymentOption, action: Action, now: number): void {
  const validity = po.validityDate;
  // 1. On create a validity date must be strictly in the future.
  if (action === 'CREATE' && validity !== undefined && !(validity > now)) {
    throw requestDataError(
      `Dates congruence error: validity_date must be >= current_date [validity_date=${format12h(validity)}; current_date=${format12h(now)}] `,
    );
  }
  // 2. dueDate ≥ validity (or now); on create, and on update of an expiring position, also ≥ now.
  const mustBeFuture = action === 'CREATE' || po.switchToExpired;
  if (po.dueDate < (validity ?? now) || (mustBeFuture && po.dueDate < now)) {
    throw requestDataError(
      `Dates congruence error: due_date must be >= validity_date (if provided) or due_date must be >= current_date [due_date=${format12h(po.dueDate)}; validity_date=${validity === undefined ? 'null' : format12h(validity)}; current_date=${format12h(now)}]`,
    );
  }
  // 3. retentionDate ≥ dueDate.
  if (po.retentionDate !== undefined && po.retentionDate < po.dueDate) {
    throw requestDataError(
      `Dates congruence error: retention_date must be >= due_date [retention_date=${format12h(po.retentionDate)}; due_date=${format12h(po.dueDate)}] `,
    );
  }
}

function checkTransfers(po: PaymentOption): void {
  // 4. At most 5 transfers; 5. idTransfer in 1..5.
  if (po.transfer.length > TRANSFER_IDS.length) {
    throw requestDataError(
      `Number of transfers congruence error: Each payment option must have a maximum of ${TRANSFER_IDS.length} transactions [transactions found=${po.transfer.length}]`,
    );
  }
  for (const t of po.transfer) {
    if (!TRANSFER_IDS.includes(t.idTransfer)) {
      throw requestDataError(
        `Transfer ID congruence error: The transaction id not have a value between those expected [transaction id=${t.idTransfer}; expected values=[${TRANSFER_IDS.join(', ')}]]`,
      );
    }
  }
}

function checkAmounts(po: PaymentOption): void {
  // 6. iban XOR stamp, transfer by transfer; 7. amounts add up.
  let total = 0;
  for (const t of po.transfer) {
    checkIbanOrStamp(po.iuv, t);
    total += t.amount;
  }
  if (po.amount !== total) {
    throw requestDataError(
      `Amounts congruence error: payment option amount must coincide with the total of the transfers amount [payment_option_amount(in cent)=${po.amount}; total_tranfers_amount(in cent)=${total}]`,
    );
  }
}

function checkIbanOrStamp(iuv: string, t: Transfer): void {
  const error = () =>
    requestDataError(
      `The Iban may be present (optionally combined with the Postal Iban) or the Stamp. Not all at the same time [iuv=${iuv}, transaction id=${t.idTransfer}].`,
    );
  let count = isNotEmpty(t.iban) ? 1 : 0;
  const s = t.stamp;
  if (s && isNotEmpty(s.stampType) && isNotEmpty(s.hashDocument) && isNotEmpty(s.provincialResidence)) {
    if (isNotEmpty(t.postalIban)) throw error();
    count++;
  }
  if (count !== 1) throw error();
}
