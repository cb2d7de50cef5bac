// Request bodies of the GPD API: JSON → Jackson-like binding → bean validation (the platform's
// @NotBlank/@NotNull/@Size/@Pattern... messages, reported as "<fieldPath>: <message>, ...").
import { readerOf, validated, Violations as DescriptorViolations, type Bound, type Violation } from '../descriptor.ts';
import { JsonMappingError, parseJson, type Reader } from '../jackson.ts';
import { ProblemError, badRequest } from '../problem.ts';
import type { PaymentInput, PositionInput, PositionV3Input } from './model.ts';
import {
  ALREADY_PAID_PAYMENT_OPTION,
  GPD_PACKAGE,
  NOTIFICATION_FEE_UPDATE,
  PAYMENT_POSITION,
  PAYMENT_POSITION_V3,
  PAY_PAYMENT_OPTION,
  UPDATE_TRANSFER_IBAN,
} from './objects.ts';

export type { Violation };

// The readers and the bean validation come from the descriptors of objects.ts.
const positionReader = readerOf(PAYMENT_POSITION, GPD_PACKAGE);
const positionV3Reader = readerOf(PAYMENT_POSITION_V3, GPD_PACKAGE);
const paymentReader = readerOf(PAY_PAYMENT_OPTION, GPD_PACKAGE);
const alreadyPaidReader = readerOf(ALREADY_PAID_PAYMENT_OPTION, GPD_PACKAGE);
const ibanReader = readerOf(UPDATE_TRANSFER_IBAN, GPD_PACKAGE);
const notificationFeeReader = readerOf(NOTIFICATION_FEE_UPDATE, GPD_PACKAGE);

/** Spring's HttpMessageNotReadableException → 400 BAD REQUEST. */
function bind<B>(reader: Reader<B>, text: string | undefined): B {
  if (text === undefined || text.trim() === '') throw badRequest('Required request body is missing');
  try {
    return bindValue(reader, parseJson(text));
  } catch (error) {
    if (error instanceof JsonMappingError) throw badRequest(`JSON parse error: ${error.message}`);
    throw error;
  }
}

function bindValue<B>(reader: Reader<B>, value: unknown): B {
  const bound = reader(value);
  if (bound === null) throw badRequest('Required request body is missing');
  return bound;
}

// ---- bean validation ----

/** The 400 of a bean-validation failure; `violations` keeps each field path and bare message. */
export class BeanValidationError extends ProblemError {
  constructor(readonly violations: readonly Violation[]) {
    super(400, 'BAD REQUEST', violations.map((v) => `${v.path}: ${v.message}`).join(', '));
  }
}

class Violations extends DescriptorViolations {
  throwIfAny(): void {
    if (this.list.length > 0) throw new BeanValidationError(this.list);
  }
}

/** PaymentPositionModel of create/update. */
export function readPositionBody(text: string | undefined): PositionInput {
  return checkPosition(bind(positionReader, text), '');
}

/**
 * A PaymentPositionModel already parsed from JSON (an item of a bulk body or of an upload file),
 * bound and validated as `readPositionBody` does; violation paths start with `pathPrefix`.
 * Throws JsonMappingError on a type mismatch, BeanValidationError on a constraint violation.
 */
export function readPositionValue(value: unknown, pathPrefix: string): PositionInput {
  return checkPosition(bindValue(positionReader, value), pathPrefix);
}

function checkPosition(p: Bound, pathPrefix: string): PositionInput {
  const v = new Violations(pathPrefix);
  const position = validated(PAYMENT_POSITION, p, v);
  v.throwIfAny();
  return position;
}

/**
 * PaymentPositionModelV3 of the v3 create/update. Besides the field constraints, the class-level
 * @ValidInstallmentsSize refuses an IUV used twice across the position's installments ("duplicate IUV
 * at paymentOption[i].installments[j]"). That violation has no field, and GPD's handler of
 * MethodArgumentNotValidException lists only field errors: alone, it is a 400 BAD REQUEST with an
 * empty detail; with field errors, only those are listed.
 */
export function readPositionV3Body(text: string | undefined): PositionV3Input {
  const v = new Violations();
  const position = validated(PAYMENT_POSITION_V3, bind(positionV3Reader, text), v);
  v.throwIfAny();
  if (duplicateIuvs(position).length > 0) throw new ProblemError(400, 'BAD REQUEST', '');
  return position;
}

/** The messages of InstallmentsSizeValidator: one per repeated IUV, where it repeats. */
export function duplicateIuvs(position: PositionV3Input): string[] {
  const seen = new Set<string>();
  const messages: string[] = [];
  position.paymentOption.forEach((po, i) =>
    po.installments.forEach((inst, j) => {
      if (seen.has(inst.iuv)) messages.push(`duplicate IUV at paymentOption[${i}].installments[${j}]`);
      seen.add(inst.iuv);
    }),
  );
  return messages;
}

/** PayPaymentOptionModel of the internal `pay`. */
export function readPaymentBody(text: string | undefined): PaymentInput {
  const v = new Violations();
  const { fee, ...payment } = validated(PAY_PAYMENT_OPTION, bind(paymentReader, text), v);
  v.throwIfAny();
  // `fee` is a string parsed with Long.parseLong: the platform answers 500 to a non-number, the
  // sandbox a 400 (bad input never gets a 500 here).
  const feeText = fee ?? '0';
  if (!/^[+-]?\d+$/.test(feeText)) throw badRequest(`For input string: "${feeText}"`);
  return { ...payment, fee: Number(feeText) };
}

/** AlreadyPaidPaymentOptionModel of `paids`. */
export function readAlreadyPaidBody(text: string | undefined): { paymentDate?: number } {
  return validated(ALREADY_PAID_PAYMENT_OPTION, bind(alreadyPaidReader, text), new Violations());
}

/** NotificationFeeUpdateModel of the internal notification-fee update. */
export function readNotificationFeeBody(text: string | undefined): { notificationFee: number } {
  const v = new Violations();
  const { notificationFee } = validated(NOTIFICATION_FEE_UPDATE, bind(notificationFeeReader, text), v);
  v.throwIfAny();
  return { notificationFee: notificationFee! };
}

/** UpdateTransferIbanMassiveModel of the IBAN PATCH. */
export function readIbanBody(text: string | undefined): { newIban: string } {
  const v = new Violations();
  const { newIban } = validated(UPDATE_TRANSFER_IBAN, bind(ibanReader, text), v);
  v.throwIfAny();
  return { newIban };
}
