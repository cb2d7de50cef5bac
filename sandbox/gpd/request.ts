// Request bodies of the GPD API: JSON → Jackson-like binding → bean validation (the platform's
// @NotBlank/@NotNull/@Size/@Pattern... messages, reported as "<fieldPath>: <message>, ...").
import { parseLocalDateTime } from '../dates.ts';
import {
  JsonMappingError,
  dateTimeReader,
  enumReader,
  listReader,
  objectReader,
  parseJson,
  readBoolean,
  readLong,
  readString,
  type Reader,
} from '../jackson.ts';
import { ProblemError, badRequest } from '../problem.ts';
import {
  DEBTOR_TYPES,
  type DebtorType,
  type Metadata,
  type OptionInput,
  type PaymentInput,
  type PositionInput,
  type Stamp,
  type TransferInput,
} from './model.ts';

type Nullable<T> = T | null | undefined;
interface BoundMetadata {
  key?: Nullable<string>;
  value?: Nullable<string>;
}
interface BoundStamp {
  hashDocument?: Nullable<string>;
  stampType?: Nullable<string>;
  provincialResidence?: Nullable<string>;
}
interface BoundTransfer {
  idTransfer?: Nullable<string>;
  amount?: Nullable<number>;
  organizationFiscalCode?: Nullable<string>;
  remittanceInformation?: Nullable<string>;
  category?: Nullable<string>;
  iban?: Nullable<string>;
  postalIban?: Nullable<string>;
  stamp?: Nullable<BoundStamp>;
  companyName?: Nullable<string>;
  transferMetadata?: Nullable<(BoundMetadata | null)[]>;
}
interface BoundOption {
  nav?: Nullable<string>;
  iuv?: Nullable<string>;
  amount?: Nullable<number>;
  description?: Nullable<string>;
  isPartialPayment?: Nullable<boolean>;
  dueDate?: Nullable<number>;
  retentionDate?: Nullable<number>;
  transfer?: Nullable<(BoundTransfer | null)[]>;
  paymentOptionMetadata?: Nullable<(BoundMetadata | null)[]>;
}
interface BoundPosition {
  iupd?: Nullable<string>;
  type?: Nullable<DebtorType>;
  payStandIn?: Nullable<boolean>;
  fiscalCode?: Nullable<string>;
  fullName?: Nullable<string>;
  streetName?: Nullable<string>;
  civicNumber?: Nullable<string>;
  postalCode?: Nullable<string>;
  city?: Nullable<string>;
  province?: Nullable<string>;
  region?: Nullable<string>;
  country?: Nullable<string>;
  email?: Nullable<string>;
  phone?: Nullable<string>;
  switchToExpired?: Nullable<boolean>;
  companyName?: Nullable<string>;
  officeName?: Nullable<string>;
  validityDate?: Nullable<number>;
  paymentOption?: Nullable<(BoundOption | null)[]>;
}
interface BoundPayment {
  paymentDate?: Nullable<number>;
  paymentMethod?: Nullable<string>;
  pspCode?: Nullable<string>;
  pspTaxCode?: Nullable<string>;
  pspCompany?: Nullable<string>;
  idReceipt?: Nullable<string>;
  fee?: Nullable<string>;
}

const PKG = 'it.gov.pagopa.debtposition.model';
const readDateTime = dateTimeReader(parseLocalDateTime);
const metadataReader = (javaType: string) => objectReader<BoundMetadata>(javaType, { key: readString, value: readString });
const stampReader = objectReader<BoundStamp>(`${PKG}.pd.Stamp`, { hashDocument: readString, stampType: readString, provincialResidence: readString });

const transferReader = objectReader<BoundTransfer>(`${PKG}.pd.TransferModel`, {
  idTransfer: readString,
  amount: readLong,
  organizationFiscalCode: readString,
  remittanceInformation: readString,
  category: readString,
  iban: readString,
  postalIban: readString,
  stamp: stampReader,
  companyName: readString,
  transferMetadata: listReader(`${PKG}.pd.TransferMetadataModel`, metadataReader(`${PKG}.pd.TransferMetadataModel`)),
});

const optionReader = objectReader<BoundOption>(`${PKG}.pd.PaymentOptionModel`, {
  nav: readString,
  iuv: readString,
  amount: readLong,
  description: readString,
  isPartialPayment: readBoolean,
  dueDate: readDateTime,
  retentionDate: readDateTime,
  transfer: listReader(`${PKG}.pd.TransferModel`, transferReader),
  paymentOptionMetadata: listReader(`${PKG}.pd.PaymentOptionMetadataModel`, metadataReader(`${PKG}.pd.PaymentOptionMetadataModel`)),
});

const positionReader = objectReader<BoundPosition>(`${PKG}.pd.PaymentPositionModel`, {
  iupd: readString,
  type: enumReader(`${PKG}.enumeration.Type`, DEBTOR_TYPES),
  payStandIn: readBoolean,
  fiscalCode: readString,
  fullName: readString,
  streetName: readString,
  civicNumber: readString,
  postalCode: readString,
  city: readString,
  province: readString,
  region: readString,
  country: readString,
  email: readString,
  phone: readString,
  switchToExpired: readBoolean,
  companyName: readString,
  officeName: readString,
  validityDate: readDateTime,
  paymentOption: listReader(`${PKG}.pd.PaymentOptionModel`, optionReader),
});

const paymentReader = objectReader<BoundPayment>(`${PKG}.payments.PaymentOptionModel`, {
  paymentDate: readDateTime,
  paymentMethod: readString,
  pspCode: readString,
  pspTaxCode: readString,
  pspCompany: readString,
  idReceipt: readString,
  fee: readString,
});

const alreadyPaidReader = objectReader<{ paymentDate?: Nullable<number> }>(`${PKG}.payments.AlreadyPaidPaymentOptionModel`, { paymentDate: readDateTime });
const ibanReader = objectReader<{ newIban?: Nullable<string> }>(`${PKG}.pd.UpdateTransferIbanMassiveModel`, { newIban: readString });

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

export interface Violation {
  path: string;
  message: string;
}

/** The 400 of a bean-validation failure; `violations` keeps each field path and bare message. */
export class BeanValidationError extends ProblemError {
  constructor(readonly violations: readonly Violation[]) {
    super(400, 'BAD REQUEST', violations.map((v) => `${v.path}: ${v.message}`).join(', '));
  }
}

class Violations {
  readonly list: Violation[] = [];
  /** `prefix`: the path of the validated object inside the request body (e.g. `paymentPositions[3].`). */
  constructor(private readonly prefix = '') {}
  add(path: string, message: string): void {
    this.list.push({ path: `${this.prefix}${path}`, message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new BeanValidationError(this.list);
  }
}

const isBlank = (v: Nullable<string>): boolean => v === null || v === undefined || v.trim() === '';
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;
const ALNUM_35 = /^[A-Za-z0-9]{1,35}$/;
const some = <T>(v: Nullable<T>): T | undefined => v ?? undefined;

function checkMetadata(v: Violations, path: string, name: string, list: Nullable<(BoundMetadata | null)[]>): Metadata[] {
  const items = list ?? [];
  if (items.length > 10) v.add(path, 'size must be between 0 and 10');
  const keys = items.map((m) => m?.key);
  if (new Set(keys).size !== keys.length) v.add(path, `${name} keys must be unique`);
  return items.map((m, i) => {
    const at = `${path}[${i}]`;
    if (m === null) {
      v.add(at, 'must not be null');
      return { key: '', value: '' };
    }
    if (isBlank(m.key)) v.add(`${at}.key`, 'key is required');
    else if (m.key!.length > 140) v.add(`${at}.key`, 'key must not exceed 140 characters');
    if (isBlank(m.value)) v.add(`${at}.value`, 'value is required');
    else if (m.value!.length > 140) v.add(`${at}.value`, 'value must not exceed 140 characters');
    return { key: m.key ?? '', value: m.value ?? '' };
  });
}

function checkStamp(v: Violations, path: string, s: BoundStamp): Stamp {
  if (isBlank(s.hashDocument)) v.add(`${path}.hashDocument`, 'must not be blank');
  else if (s.hashDocument!.length > 72) v.add(`${path}.hashDocument`, 'size must be between 0 and 72');
  if (isBlank(s.stampType)) v.add(`${path}.stampType`, 'must not be blank');
  else if (s.stampType!.length !== 2) v.add(`${path}.stampType`, 'size must be between 2 and 2');
  if (isBlank(s.provincialResidence)) v.add(`${path}.provincialResidence`, 'must not be blank');
  else if (!/^[A-Z]{2}$/.test(s.provincialResidence!)) v.add(`${path}.provincialResidence`, 'must match "[A-Z]{2}"');
  return { hashDocument: s.hashDocument ?? '', stampType: s.stampType ?? '', provincialResidence: s.provincialResidence ?? '' };
}

function checkTransfer(v: Violations, path: string, t: BoundTransfer): TransferInput {
  if (isBlank(t.idTransfer)) v.add(`${path}.idTransfer`, 'id transfer is required');
  if (t.amount === null || t.amount === undefined) v.add(`${path}.amount`, 'amount is required');
  else if (t.amount < 1) v.add(`${path}.amount`, 'minimum amount is 1 eurocent');
  if (isBlank(t.remittanceInformation)) v.add(`${path}.remittanceInformation`, 'remittance information is required');
  else if (t.remittanceInformation!.length > 140) {
    v.add(`${path}.remittanceInformation`, 'remittance information must be compliant to EACT FORMATTING RULES, up to 140 chars');
  }
  if (isBlank(t.category)) v.add(`${path}.category`, 'category is required');
  if (t.iban != null) {
    if (t.iban.length < 1 || t.iban.length > 35) v.add(`${path}.iban`, 'The IBAN must not be blank and must not exceed 35 characters.');
    if (!ALNUM_35.test(t.iban)) v.add(`${path}.iban`, 'IBAN must not contain spaces or special characters.');
  }
  if (t.postalIban != null) {
    if (t.postalIban.length < 1 || t.postalIban.length > 35) {
      v.add(`${path}.postalIban`, 'Postal IBAN is optional, but if provided, it must not be blank and must not exceed 35 characters.');
    }
    if (t.postalIban !== '' && !ALNUM_35.test(t.postalIban)) v.add(`${path}.postalIban`, 'Postal IBAN must not contain spaces or special characters.');
  }
  if (t.companyName != null && t.companyName.length > 140) v.add(`${path}.companyName`, 'size must be between 0 and 140');
  return {
    idTransfer: t.idTransfer ?? '',
    amount: t.amount ?? 0,
    organizationFiscalCode: some(t.organizationFiscalCode),
    remittanceInformation: t.remittanceInformation ?? '',
    category: t.category ?? '',
    iban: some(t.iban),
    postalIban: some(t.postalIban),
    stamp: t.stamp ? checkStamp(v, `${path}.stamp`, t.stamp) : undefined,
    companyName: some(t.companyName),
    transferMetadata: checkMetadata(v, `${path}.transferMetadata`, 'transferMetadata', t.transferMetadata),
  };
}

function checkOption(v: Violations, path: string, o: BoundOption): OptionInput {
  if (isBlank(o.iuv)) v.add(`${path}.iuv`, 'iuv is required');
  if (o.amount === null || o.amount === undefined) v.add(`${path}.amount`, 'amount is required');
  else if (o.amount < 1) v.add(`${path}.amount`, 'minimum amount is 1 eurocent');
  if (isBlank(o.description)) v.add(`${path}.description`, 'payment option description is required');
  else if (o.description!.length > 140) v.add(`${path}.description`, 'size must be between 0 and 140');
  if (o.isPartialPayment === null || o.isPartialPayment === undefined) v.add(`${path}.isPartialPayment`, 'is partial payment is required');
  if (o.dueDate === null || o.dueDate === undefined) v.add(`${path}.dueDate`, 'due date is required');
  const transfers = (o.transfer ?? []).map((t, i) => {
    if (t === null) {
      v.add(`${path}.transfer[${i}]`, 'must not be null');
      return checkTransfer(new Violations(), '', {});
    }
    return checkTransfer(v, `${path}.transfer[${i}]`, t);
  });
  return {
    nav: some(o.nav),
    iuv: o.iuv ?? '',
    amount: o.amount ?? 0,
    description: o.description ?? '',
    isPartialPayment: o.isPartialPayment ?? false,
    dueDate: o.dueDate ?? 0,
    retentionDate: some(o.retentionDate),
    transfer: transfers,
    paymentOptionMetadata: checkMetadata(v, `${path}.paymentOptionMetadata`, 'paymentOptionMetadata', o.paymentOptionMetadata),
  };
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

function checkPosition(p: BoundPosition, pathPrefix: string): PositionInput {
  const v = new Violations(pathPrefix);
  if (isBlank(p.iupd)) v.add('iupd', 'iupd is required');
  if (p.type === null || p.type === undefined) v.add('type', 'type is required');
  if (p.fiscalCode === null || p.fiscalCode === undefined) v.add('fiscalCode', 'fiscal code is required');
  if (p.fullName === null || p.fullName === undefined) v.add('fullName', 'full name is required');
  if (p.country != null && !/^[A-Z]{2}$/.test(p.country)) v.add('country', 'The country must be reported with two capital letters (example: IT)');
  if (p.email != null && p.email !== '' && !EMAIL.test(p.email)) v.add('email', 'Please provide a valid email address');
  if (p.switchToExpired === null || p.switchToExpired === undefined) v.add('switchToExpired', 'switch to expired value is required');
  if (isBlank(p.companyName)) v.add('companyName', 'company name is required');
  else if (p.companyName!.length > 140) v.add('companyName', 'size must be between 0 and 140');
  if (p.officeName != null && p.officeName.length > 140) v.add('officeName', 'size must be between 0 and 140');
  const options = (p.paymentOption ?? []).map((o, i) => {
    if (o === null) {
      v.add(`paymentOption[${i}]`, 'must not be null');
      return checkOption(new Violations(), '', {});
    }
    return checkOption(v, `paymentOption[${i}]`, o);
  });
  v.throwIfAny();
  return {
    iupd: p.iupd!,
    type: p.type!,
    // A primitive boolean: absent → true (field default), null → false (Jackson's primitive default).
    payStandIn: p.payStandIn === undefined ? true : p.payStandIn === true,
    fiscalCode: p.fiscalCode!,
    fullName: p.fullName!,
    streetName: some(p.streetName),
    civicNumber: some(p.civicNumber),
    postalCode: some(p.postalCode),
    city: some(p.city),
    province: some(p.province),
    region: some(p.region),
    country: some(p.country),
    email: some(p.email),
    phone: some(p.phone),
    switchToExpired: p.switchToExpired!,
    companyName: p.companyName!,
    officeName: some(p.officeName),
    validityDate: some(p.validityDate),
    paymentOption: options,
  };
}

/** PayPaymentOptionModel of the internal `pay`. */
export function readPaymentBody(text: string | undefined): PaymentInput {
  const b = bind(paymentReader, text);
  const v = new Violations();
  if (b.pspCode != null && b.pspCode.length > 35) v.add('pspCode', 'size must be between 0 and 35');
  if (b.pspTaxCode != null && b.pspTaxCode.length > 70) v.add('pspTaxCode', 'size must be between 0 and 70');
  if (isBlank(b.pspCompany)) v.add('pspCompany', 'pspCompany is required');
  if (isBlank(b.idReceipt)) v.add('idReceipt', 'idReceipt is required');
  v.throwIfAny();
  // `fee` is a string parsed with Long.parseLong: the platform answers 500 to a non-number, the
  // sandbox a 400 (bad input never gets a 500 here).
  const feeText = b.fee ?? '0';
  if (!/^[+-]?\d+$/.test(feeText)) throw badRequest(`For input string: "${feeText}"`);
  return {
    paymentDate: some(b.paymentDate),
    paymentMethod: some(b.paymentMethod),
    pspCode: some(b.pspCode),
    pspTaxCode: some(b.pspTaxCode),
    pspCompany: b.pspCompany!,
    idReceipt: b.idReceipt!,
    fee: Number(feeText),
  };
}

/** AlreadyPaidPaymentOptionModel of `paids`. */
export function readAlreadyPaidBody(text: string | undefined): { paymentDate?: number } {
  return { paymentDate: some(bind(alreadyPaidReader, text).paymentDate) };
}

/** UpdateTransferIbanMassiveModel of the IBAN PATCH. */
export function readIbanBody(text: string | undefined): { newIban: string } {
  const b = bind(ibanReader, text);
  if (b.newIban === null || b.newIban === undefined) throw badRequest('newIban: must not be null');
  return { newIban: b.newIban };
}
