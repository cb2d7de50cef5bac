// TypeScript shapes of the GPD v1 bodies we build (field rules: notes §3; checked by schemas/).
import type {
  InstallmentModel,
  PaymentOptionMetadataModel,
  PaymentOptionModel,
  PaymentOptionModelV3,
  PaymentPositionModel,
  PaymentPositionModelResponseV3,
  PaymentPositionModelV3,
  Stamp as GeneratedStamp,
  TransferModel,
} from '../schema-types.ts';

export type DebtPositionStatus = NonNullable<PaymentPositionModel['status']>;

// The body types are generated from schemas/gpd (lib/schema-types.ts): a field added to a schema
// reaches these names without an edit here. The schema leaves a position's options and an option's
// transfers optional (one schema serves requests and responses); the bodies the suite builds always
// carry them, and GPD always fills the status and the NAVs of a position it created.

/** `T` with the members `K` present and not null. */
export type WithRequired<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

/** A digital stamp (the schema allows `null`, which GPD writes on IBAN transfers). */
export type Stamp = NonNullable<GeneratedStamp>;
export type Metadata = PaymentOptionMetadataModel;
export type Transfer = TransferModel;
export type PaymentOption = WithRequired<PaymentOptionModel, 'transfer'>;
/** A debt position v1 as the suite sends it (create/update): `PaymentPositionModel` with its options. */
export type DebtPosition = Omit<PaymentPositionModel, 'paymentOption'> & { paymentOption: PaymentOption[] };
/** A debt position as a successful create/update/publish/invalidate returns it (`PaymentPositionModel`). */
export type CreatedPosition = Omit<WithRequired<PaymentPositionModel, 'status'>, 'paymentOption'> & {
  paymentOption: Array<WithRequired<PaymentOptionModel, 'nav' | 'transfer'>>;
};

/** GPD date-time: ISO without zone, interpreted as UTC by the platform. */
export function gpdDateTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** GPD date (list filters): yyyy-MM-dd in UTC. */
export function gpdDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// ---- GPD v3 (payment plans): bodies generated from schemas/gpd-v3 ----

export type DebtPositionStatusV3 = NonNullable<PaymentPositionModelResponseV3['status']>;
/** An installment as the suite sends it (with its transfers). */
export type Installment = WithRequired<InstallmentModel, 'transfer'>;
/** A payment option v3: one installment (single payment) or several (a plan). */
export type PaymentOptionV3 = Omit<PaymentOptionModelV3, 'installments'> & { installments: Installment[] };
/** A debt position v3 as the suite sends it (create/update). */
export type DebtPositionV3 = Omit<PaymentPositionModelV3, 'paymentOption'> & { paymentOption: PaymentOptionV3[] };
