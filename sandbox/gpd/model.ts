// GPD data model as the sandbox stores it (close to the platform's entities) and the validated
// request models, whose types are derived from the descriptors of objects.ts (no field listed here
// twice). Instants are epoch milliseconds, UTC; amounts are euro cents.

import type { Input } from '../descriptor.ts';
import {
  DEBTOR_TYPES,
  INSTALLMENT,
  PAYMENT_OPTION,
  PAYMENT_OPTION_V3,
  PAYMENT_POSITION,
  PAYMENT_POSITION_V3,
  PAY_PAYMENT_OPTION,
  POSITION_STATUSES,
  POSITION_STATUSES_V3,
  STAMP,
  TRANSFER,
  TRANSFER_METADATA,
} from './objects.ts';

export { DEBTOR_TYPES, POSITION_STATUSES, POSITION_STATUSES_V3 };
export type PositionStatus = (typeof POSITION_STATUSES)[number];
export type PositionStatusV3 = (typeof POSITION_STATUSES_V3)[number];
export type OptionStatus = 'PO_UNPAID' | 'PO_PAID' | 'PO_PARTIALLY_REPORTED' | 'PO_REPORTED';
export type TransferStatus = 'T_UNREPORTED' | 'T_REPORTED';
export type DebtorType = (typeof DEBTOR_TYPES)[number];

// ---- validated request models: derived from the descriptors of objects.ts ----

export type Metadata = Input<typeof TRANSFER_METADATA>;
export type Stamp = Input<typeof STAMP>;
export type TransferInput = Input<typeof TRANSFER>;
export type OptionInput = Input<typeof PAYMENT_OPTION>;
export type PositionInput = Input<typeof PAYMENT_POSITION>;
export type InstallmentInput = Input<typeof INSTALLMENT>;
export type OptionV3Input = Input<typeof PAYMENT_OPTION_V3>;
export type PositionV3Input = Input<typeof PAYMENT_POSITION_V3>;

/** The debtor's optional fields of a position, in declaration order. */
export const DEBTOR_OPTIONAL_FIELDS = [
  'streetName',
  'civicNumber',
  'postalCode',
  'city',
  'province',
  'region',
  'country',
  'email',
  'phone',
] as const satisfies readonly (keyof PositionInput)[];
export type Debtor = Pick<PositionInput, 'type' | 'fiscalCode' | 'fullName' | (typeof DEBTOR_OPTIONAL_FIELDS)[number]>;

/** The debtor fields GPD writes on a position created through v3 (its debtors are per option). */
export const UNDEFINED_DEBTOR = 'NA';
/** `paymentPlanId` of an option that is not an installment. */
export const SINGLE_OPTION = 'SINGLE_OPTION';

/** PayPaymentOptionModel (internal pay) and, with placeholders, AlreadyPaidPaymentOptionModel; `fee` parsed. */
export type PaymentInput = Omit<Input<typeof PAY_PAYMENT_OPTION>, 'fee'> & { fee: number };

// ---- stored entities ----

export interface Transfer extends Omit<TransferInput, 'organizationFiscalCode'> {
  organizationFiscalCode: string;
  status: TransferStatus;
  insertedDate: number;
  lastUpdatedDate: number;
}

export interface PaymentOption extends Omit<OptionInput, 'nav' | 'transfer'> {
  nav: string;
  organizationFiscalCode: string;
  validityDate?: number;
  switchToExpired: boolean;
  status: OptionStatus;
  fee: number;
  notificationFee: number;
  paymentDate?: number;
  reportingDate?: number;
  paymentMethod?: string;
  pspCode?: string;
  pspTaxCode?: string;
  pspCompany?: string;
  idReceipt?: string;
  idFlowReporting?: string;
  /** SINGLE_OPTION, or the plan (a UUID) the installment belongs to: every installment of a plan shares it. */
  paymentPlanId: string;
  /** The option's debtor: v1 copies the position's into every option, v3 sends one per option. */
  debtor: Debtor;
  /** v3's option description (write-only on the API). */
  paymentOptionDescription?: string;
  insertedDate: number;
  lastUpdatedDate: number;
  /** When the notification fee was last set (internal notification-fee update). */
  lastUpdatedDateNotificationFee?: number;
  transfer: Transfer[];
}

export interface PaymentPosition extends Debtor {
  /** Insertion sequence: stable tie-breaker when sorting. */
  id: number;
  iupd: string;
  organizationFiscalCode: string;
  payStandIn: boolean;
  switchToExpired: boolean;
  companyName: string;
  officeName?: string;
  status: PositionStatus;
  validityDate?: number;
  publishDate?: number;
  paymentDate?: number;
  minDueDate: number;
  maxDueDate: number;
  insertedDate: number;
  lastUpdatedDate: number;
  paymentOption: PaymentOption[];
}
