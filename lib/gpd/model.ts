// TypeScript shapes of the GPD v1 bodies we build (field rules: notes §3; checked by schemas/).

export const DEBT_POSITION_STATUSES = ['DRAFT', 'PUBLISHED', 'VALID', 'INVALID', 'EXPIRED', 'PARTIALLY_PAID', 'PAID', 'REPORTED'] as const;
export type DebtPositionStatus = (typeof DEBT_POSITION_STATUSES)[number];

export interface Stamp {
  hashDocument: string;
  stampType: string;
  provincialResidence: string;
}

export interface Metadata {
  key: string;
  value: string;
}

export interface Transfer {
  idTransfer: '1' | '2' | '3' | '4' | '5' | string;
  amount: number;
  organizationFiscalCode?: string;
  remittanceInformation: string;
  category: string;
  iban?: string;
  postalIban?: string;
  stamp?: Stamp;
  companyName?: string;
  transferMetadata?: Metadata[];
}

export interface PaymentOption {
  nav?: string;
  iuv: string;
  amount: number;
  description: string;
  isPartialPayment: boolean;
  dueDate: string;
  retentionDate?: string;
  transfer: Transfer[];
  paymentOptionMetadata?: Metadata[];
}

export interface DebtPosition {
  iupd: string;
  type: 'F' | 'G';
  payStandIn?: boolean;
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
  switchToExpired: boolean;
  companyName: string;
  officeName?: string;
  validityDate?: string;
  paymentOption: PaymentOption[];
}

/** GPD date-time: ISO without zone, interpreted as UTC by the platform. */
export function gpdDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** GPD date (list filters): yyyy-MM-dd in UTC. */
export function gpdDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
