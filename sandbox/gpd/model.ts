// GPD data model as the sandbox stores it (close to the platform's entities) and the validated
// request models. Instants are epoch milliseconds, UTC; amounts are euro cents.

export const POSITION_STATUSES = ['DRAFT', 'PUBLISHED', 'VALID', 'INVALID', 'EXPIRED', 'PARTIALLY_PAID', 'PAID', 'REPORTED'] as const;
export type PositionStatus = (typeof POSITION_STATUSES)[number];
export type OptionStatus = 'PO_UNPAID' | 'PO_PAID' | 'PO_PARTIALLY_REPORTED' | 'PO_REPORTED';
export type TransferStatus = 'T_UNREPORTED' | 'T_REPORTED';
export const DEBTOR_TYPES = ['F', 'G'] as const;
export type DebtorType = (typeof DEBTOR_TYPES)[number];

export interface Metadata {
  key: string;
  value: string;
}

export interface Stamp {
  hashDocument: string;
  stampType: string;
  provincialResidence: string;
}

export interface Debtor {
  type: DebtorType;
  fiscalCode: string;
  fullName: string;
  streetName?: string;
  civicNumber?: string;
  postalCode?: string;
  city?: string;
  province?: string;
  region?: string;
  country?: string;
  email?: string;
  phone?: string;
}
export const DEBTOR_OPTIONAL_FIELDS = ['streetName', 'civicNumber', 'postalCode', 'city', 'province', 'region', 'country', 'email', 'phone'] as const;

// ---- validated request models (PaymentPositionModel & co.) ----

export interface TransferInput {
  idTransfer: string;
  amount: number;
  organizationFiscalCode?: string;
  remittanceInformation: string;
  category: string;
  iban?: string;
  postalIban?: string;
  stamp?: Stamp;
  companyName?: string;
  transferMetadata: Metadata[];
}

export interface OptionInput {
  nav?: string;
  iuv: string;
  amount: number;
  description: string;
  isPartialPayment: boolean;
  dueDate: number;
  retentionDate?: number;
  transfer: TransferInput[];
  paymentOptionMetadata: Metadata[];
}

export interface PositionInput extends Debtor {
  iupd: string;
  payStandIn: boolean;
  switchToExpired: boolean;
  companyName: string;
  officeName?: string;
  validityDate?: number;
  paymentOption: OptionInput[];
}

/** PayPaymentOptionModel (internal pay) and, with placeholders, AlreadyPaidPaymentOptionModel. */
export interface PaymentInput {
  paymentDate?: number;
  paymentMethod?: string;
  pspCode?: string;
  pspTaxCode?: string;
  pspCompany: string;
  idReceipt: string;
  fee: number;
}

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
  insertedDate: number;
  lastUpdatedDate: number;
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
