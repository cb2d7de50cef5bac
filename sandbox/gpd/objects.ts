// The GPD platform objects, one descriptor each (descriptor.ts): fields in the declaration order of
// the platform's model classes (it.gov.pagopa.debtposition.model / it.gov.pagopa.gpd.upload.model),
// with their Java types and bean-validation constraints. The reader, the validation, the upload's
// known properties, the PaymentPositionModel response and the types of model.ts all come from here.
import type { ObjectDescriptor } from '../descriptor.ts';

/** Package of GPD core's model classes; the upload service's are under UPLOAD_PACKAGE. */
export const GPD_PACKAGE = 'it.gov.pagopa.debtposition.model';
export const UPLOAD_PACKAGE = 'it.gov.pagopa.gpd.upload.model';

export const POSITION_STATUSES = ['DRAFT', 'PUBLISHED', 'VALID', 'INVALID', 'EXPIRED', 'PARTIALLY_PAID', 'PAID', 'REPORTED'] as const;
export const DEBTOR_TYPES = ['F', 'G'] as const;

const EMAIL = /^(?:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)?$/; // empty allowed
const SIZE_140 = { max: 140 } as const;

const metadata = <N extends string>(name: N) =>
  ({
    name,
    fields: {
      key: { type: 'string', notBlank: 'key is required', size: { max: 140, message: 'key must not exceed 140 characters' } },
      value: { type: 'string', notBlank: 'value is required', size: { max: 140, message: 'value must not exceed 140 characters' } },
    },
  }) as const satisfies ObjectDescriptor;

export const TRANSFER_METADATA = metadata('pd.TransferMetadataModel');
export const PAYMENT_OPTION_METADATA = metadata('pd.PaymentOptionMetadataModel');

export const STAMP = {
  name: 'pd.Stamp',
  fields: {
    hashDocument: { type: 'string', notBlank: 'must not be blank', size: { max: 72 } },
    stampType: { type: 'string', notBlank: 'must not be blank', size: { min: 2, max: 2 } },
    provincialResidence: { type: 'string', notBlank: 'must not be blank', pattern: { regex: /^[A-Z]{2}$/, message: 'must match "[A-Z]{2}"' } },
  },
} as const satisfies ObjectDescriptor;

export const TRANSFER = {
  name: 'pd.TransferModel',
  fields: {
    idTransfer: { type: 'string', notBlank: 'id transfer is required' },
    amount: { type: 'long', notNull: 'amount is required', min: { value: 1, message: 'minimum amount is 1 eurocent' } },
    organizationFiscalCode: { type: 'string' },
    remittanceInformation: {
      type: 'string',
      notBlank: 'remittance information is required',
      size: { max: 140, message: 'remittance information must be compliant to EACT FORMATTING RULES, up to 140 chars' },
    },
    category: { type: 'string', notBlank: 'category is required' },
    iban: {
      type: 'string',
      size: { min: 1, max: 35, message: 'The IBAN must not be blank and must not exceed 35 characters.' },
      pattern: { regex: /^[A-Za-z0-9]{1,35}$/, message: 'IBAN must not contain spaces or special characters.' },
    },
    postalIban: {
      type: 'string',
      size: { min: 1, max: 35, message: 'Postal IBAN is optional, but if provided, it must not be blank and must not exceed 35 characters.' },
      pattern: { regex: /^[A-Za-z0-9]{0,35}$/, message: 'Postal IBAN must not contain spaces or special characters.' },
    },
    stamp: { type: { object: STAMP } },
    companyName: { type: 'string', size: SIZE_140 },
    transferMetadata: {
      type: { list: { object: TRANSFER_METADATA } },
      size: { max: 10 },
      uniqueKeys: 'transferMetadata keys must be unique',
    },
  },
} as const satisfies ObjectDescriptor;

export const PAYMENT_OPTION = {
  name: 'pd.PaymentOptionModel',
  fields: {
    nav: { type: 'string' },
    iuv: { type: 'string', notBlank: 'iuv is required' },
    amount: { type: 'long', notNull: 'amount is required', min: { value: 1, message: 'minimum amount is 1 eurocent' } },
    description: { type: 'string', notBlank: 'payment option description is required', size: SIZE_140 },
    isPartialPayment: { type: 'boolean', notNull: 'is partial payment is required' },
    dueDate: { type: 'LocalDateTime', notNull: 'due date is required' },
    retentionDate: { type: 'LocalDateTime' },
    // Read-only in GPD's model (written by GPD); the upload's model declares it as a property.
    fee: { type: 'long', readOnly: 'gpd' },
    notificationFee: { type: 'long', readOnly: true },
    transfer: { type: { list: { object: TRANSFER } } },
    paymentOptionMetadata: {
      type: { list: { object: PAYMENT_OPTION_METADATA } },
      size: { max: 10 },
      uniqueKeys: 'paymentOptionMetadata keys must be unique',
    },
  },
} as const satisfies ObjectDescriptor;

export const PAYMENT_POSITION = {
  name: 'pd.PaymentPositionModel',
  fields: {
    iupd: { type: 'string', notBlank: 'iupd is required' },
    type: { type: { enum: 'enumeration.Type', values: DEBTOR_TYPES }, notNull: 'type is required' },
    payStandIn: { type: 'boolean', absent: true },
    fiscalCode: { type: 'string', notNull: 'fiscal code is required' },
    fullName: { type: 'string', notNull: 'full name is required' },
    streetName: { type: 'string' },
    civicNumber: { type: 'string' },
    postalCode: { type: 'string' },
    city: { type: 'string' },
    province: { type: 'string' },
    region: { type: 'string' },
    country: { type: 'string', pattern: { regex: /^[A-Z]{2}$/, message: 'The country must be reported with two capital letters (example: IT)' } },
    email: { type: 'string', pattern: { regex: EMAIL, message: 'Please provide a valid email address' } },
    phone: { type: 'string' },
    switchToExpired: { type: 'boolean', notNull: 'switch to expired value is required' },
    companyName: { type: 'string', notBlank: 'company name is required', size: SIZE_140 },
    officeName: { type: 'string', size: SIZE_140 },
    validityDate: { type: 'LocalDateTime' },
    paymentDate: { type: 'LocalDateTime', readOnly: true },
    status: { type: { enum: 'enumeration.DebtPositionStatus', values: POSITION_STATUSES }, readOnly: true },
    paymentOption: { type: { list: { object: PAYMENT_OPTION } } },
  },
} as const satisfies ObjectDescriptor;

// ---- GPD v3 (payment plans): it.gov.pagopa.debtposition.model.v3 ----

export const POSITION_STATUSES_V3 = ['DRAFT', 'PUBLISHED', 'VALID', 'UNPAYABLE', 'PARTIALLY_PAID', 'PAID'] as const;
export const INSTALLMENT_STATUSES = ['UNPAID', 'PAID', 'PARTIALLY_REPORTED', 'REPORTED', 'UNPAYABLE', 'EXPIRED'] as const;
/** Hibernate's bound of an @Size without max. */
const INT_MAX = 2 ** 31 - 1;

/** DebtorModel: the debtor of one v3 payment option. */
export const DEBTOR = {
  name: 'pd.DebtorModel',
  fields: {
    type: { type: { enum: 'enumeration.Type', values: DEBTOR_TYPES }, notNull: 'type is required' },
    fiscalCode: { type: 'string', notNull: 'fiscal code is required' },
    fullName: { type: 'string', notNull: 'full name is required' },
    streetName: { type: 'string' },
    civicNumber: { type: 'string' },
    postalCode: { type: 'string' },
    city: { type: 'string' },
    province: { type: 'string' },
    region: { type: 'string' },
    country: { type: 'string', pattern: { regex: /^[A-Z]{2}$/, message: 'The country must be reported with two capital letters (example: IT)' } },
    email: { type: 'string', pattern: { regex: EMAIL, message: 'Please provide a valid email address' } },
    phone: { type: 'string' },
  },
} as const satisfies ObjectDescriptor;

export const INSTALLMENT_METADATA = {
  name: 'v3.InstallmentMetadataModel',
  fields: { key: { type: 'string', notBlank: 'key is required' }, value: { type: 'string' } },
} as const satisfies ObjectDescriptor;

export const INSTALLMENT = {
  name: 'v3.InstallmentModel',
  fields: {
    nav: { type: 'string' },
    iuv: { type: 'string', notBlank: 'iuv is required' },
    amount: { type: 'long', notNull: 'amount is required', min: { value: 1, message: 'minimum amount is 1 eurocent' } },
    description: { type: 'string', notBlank: 'payment option description is required', size: SIZE_140 },
    dueDate: { type: 'LocalDateTime', notNull: 'due date is required' },
    fee: { type: 'long', readOnly: true },
    notificationFee: { type: 'long', readOnly: true },
    status: { type: { enum: 'enumeration.InstallmentStatus', values: INSTALLMENT_STATUSES }, readOnly: true },
    transfer: { type: { list: { object: TRANSFER } }, size: { min: 1, max: INT_MAX }, emptyWhenAbsent: true },
    installmentMetadata: {
      type: { list: { object: INSTALLMENT_METADATA } },
      size: { max: 10 },
      uniqueKeys: 'installmentMetadata keys must be unique',
    },
  },
} as const satisfies ObjectDescriptor;

export const PAYMENT_OPTION_V3 = {
  name: 'v3.PaymentOptionModelV3',
  fields: {
    // WRITE_ONLY: read from requests, never written in answers.
    description: { type: 'string', size: SIZE_140 },
    validityDate: { type: 'LocalDateTime' },
    retentionDate: { type: 'LocalDateTime' },
    switchToExpired: { type: 'boolean', notNull: 'switch to expired value is required' },
    debtor: { type: { object: DEBTOR }, notNull: 'must not be null' },
    installments: { type: { list: { object: INSTALLMENT } }, notNull: 'must not be null', size: { min: 1, max: 100 }, emptyWhenAbsent: true },
  },
} as const satisfies ObjectDescriptor;

export const PAYMENT_POSITION_V3 = {
  name: 'v3.PaymentPositionModelV3',
  fields: {
    iupd: { type: 'string', notBlank: 'IUPD (debt-position identifier) is required' },
    payStandIn: { type: 'boolean', absent: true },
    companyName: { type: 'string', notBlank: 'company name is required', size: SIZE_140 },
    officeName: { type: 'string', size: SIZE_140 },
    paymentDate: { type: 'LocalDateTime', readOnly: true },
    status: { type: { enum: 'enumeration.DebtPositionStatusV3', values: POSITION_STATUSES_V3 }, readOnly: true },
    paymentOption: { type: { list: { object: PAYMENT_OPTION_V3 } }, notNull: 'must not be null', size: { min: 1, max: 100 }, emptyWhenAbsent: true },
  },
} as const satisfies ObjectDescriptor;

/** PayPaymentOptionModel of the internal `pay` (`fee` is a Java String, parsed later). */
export const PAY_PAYMENT_OPTION = {
  name: 'payments.PaymentOptionModel',
  fields: {
    paymentDate: { type: 'LocalDateTime' },
    paymentMethod: { type: 'string' },
    pspCode: { type: 'string', size: { max: 35 } },
    pspTaxCode: { type: 'string', size: { max: 70 } },
    pspCompany: { type: 'string', notBlank: 'pspCompany is required' },
    idReceipt: { type: 'string', notBlank: 'idReceipt is required' },
    fee: { type: 'string' },
  },
} as const satisfies ObjectDescriptor;

/** AlreadyPaidPaymentOptionModel of `paids`. */
export const ALREADY_PAID_PAYMENT_OPTION = {
  name: 'payments.AlreadyPaidPaymentOptionModel',
  fields: { paymentDate: { type: 'LocalDateTime' } },
} as const satisfies ObjectDescriptor;

/** NotificationFeeUpdateModel of the internal notification-fee update (@NotNull, @PositiveOrZero). */
export const NOTIFICATION_FEE_UPDATE = {
  name: 'pd.NotificationFeeUpdateModel',
  fields: {
    notificationFee: {
      type: 'long',
      notNull: 'Notification fee is required',
      min: { value: 0, message: 'Notification fee must be greater or equals to zero' },
    },
  },
} as const satisfies ObjectDescriptor;

/** UpdateTransferIbanMassiveModel of the IBAN PATCH. */
export const UPDATE_TRANSFER_IBAN = {
  name: 'pd.UpdateTransferIbanMassiveModel',
  fields: { newIban: { type: 'string', notNull: 'must not be null' } },
} as const satisfies ObjectDescriptor;

// ---- the upload service's file objects ----

/** PaymentPositionsModel: a create or update file. */
export const PAYMENT_POSITIONS_FILE = {
  name: 'pd.PaymentPositionsModel',
  fields: { paymentPositions: { type: { list: { object: PAYMENT_POSITION } } } },
} as const satisfies ObjectDescriptor;

/** MultipleIUPDModel: a delete file. */
export const MULTIPLE_IUPD_FILE = {
  name: 'pd.MultipleIUPDModel',
  fields: { paymentPositionIUPDs: { type: { list: 'string' } } },
} as const satisfies ObjectDescriptor;

/** Every platform object described here, by descriptor name. */
export const PLATFORM_OBJECTS: readonly ObjectDescriptor[] = [
  TRANSFER_METADATA,
  PAYMENT_OPTION_METADATA,
  STAMP,
  TRANSFER,
  PAYMENT_OPTION,
  PAYMENT_POSITION,
  PAY_PAYMENT_OPTION,
  ALREADY_PAID_PAYMENT_OPTION,
  UPDATE_TRANSFER_IBAN,
  NOTIFICATION_FEE_UPDATE,
  PAYMENT_POSITIONS_FILE,
  MULTIPLE_IUPD_FILE,
  DEBTOR,
  INSTALLMENT_METADATA,
  INSTALLMENT,
  PAYMENT_OPTION_V3,
  PAYMENT_POSITION_V3,
];
