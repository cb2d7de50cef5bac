// GPD operations, as the platform's services perform them: lookups, state checks in the platform's
// order, validations, transitions, then one write. Each operation works on a copy and writes it
// only at the end, like the platform's transactions.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { appError, badRequest, requestDataError } from '../problem.ts';
import { selectPage, type ListQuery, type Page } from './list.ts';
import {
  DEBTOR_OPTIONAL_FIELDS,
  SINGLE_OPTION,
  UNDEFINED_DEBTOR,
  type Debtor,
  type OptionInput,
  type OptionV3Input,
  type PaymentInput,
  type PaymentOption,
  type PaymentPosition,
  type PositionInput,
  type PositionStatus,
  type PositionV3Input,
  type Transfer,
  type TransferInput,
} from './model.ts';
import {
  ALREADY_PAID,
  FULLY_PAID,
  NOT_ACCOUNTABLE,
  NOT_INVALIDABLE,
  NOT_PUBLISHABLE,
  NOT_UPDATABLE,
  dueForExpiry,
  dueForValidation,
  expireOnTheFly,
  isInstallmentExpired,
  minValidity,
  publishProcess,
  recomputeStatus,
  validTransition,
} from './status.ts';
import { GpdStore, UniquenessViolation } from './store.ts';
import { ADDRESSABLE, ADDRESSABLE_MESSAGE, checkPositionData } from './validation.ts';

const AUX_DIGIT = '3';
const RESERVED_METADATA_KEY = 'NOTIFICATION_FEE';
/** idReceipt and pspCompany of an option marked as paid by the EC ("paids"). */
export const MARKED_AS_PAID = 'CLOSED_AS_ALREADY_PAID_BY_EC';
const IBAN_CHANGE_STATUSES = new Set<PositionStatus>(['DRAFT', 'PUBLISHED', 'VALID', 'PARTIALLY_PAID']);

/** The platform looks options up by NAV or by IUV. */
const matches = (code: string) => (po: PaymentOption) => po.nav === code || po.iuv === code;

export class GpdService {
  constructor(
    private readonly store: GpdStore,
    private readonly clock: Clock,
  ) {}

  create(org: string, input: PositionInput, toPublish: boolean): PaymentPosition {
    return this.#insert(this.#prepareCreate(org, input, toPublish));
  }

  /** v3 create: the same checks and publish logic, on the entity mapped from PaymentPositionModelV3. */
  createV3(org: string, input: PositionV3Input, toPublish: boolean): PaymentPosition {
    return this.#insert(this.#prepare(org, toPublish, 'CREATE', (now) => toEntityV3(org, input, now)));
  }

  /** v3 update (PUT): as v1's, installments matched to the stored options by IUV (plans keep their id). */
  updateV3(org: string, iupd: string, input: PositionV3Input, toPublish: boolean): PaymentPosition {
    if (input.iupd !== iupd) {
      throw requestDataError(`IUPD mistmatch error: path variable IUPD [${iupd}] and request body IUPD [${input.iupd}] must be the same`);
    }
    return this.#save(this.#prepareUpdateOf(org, iupd, toPublish, (now, old) => toEntityV3(org, input, now, old)));
  }

  get(org: string, iupd: string): PaymentPosition {
    const pp = this.store.get(org, iupd);
    if (!pp) throw appError('DEBT_POSITION_NOT_FOUND', org, iupd);
    return pp;
  }

  exists(org: string, iupd: string): boolean {
    return this.store.exists(org, iupd);
  }

  /** Internal: the position owning the option with this IUV. */
  getByIuv(org: string, iuv: string): PaymentPosition {
    const pp = this.store.findByIuv(org, iuv);
    if (!pp) throw appError('PAYMENT_OPTION_IUV_NOT_FOUND', org, iuv);
    return pp;
  }

  /**
   * The position of a notice (by NAV or IUV) as a read-only transaction sees it now: PUBLISHED→VALID and
   * VALID→EXPIRED applied to the answer (the store decodes a copy), nothing saved (OptionsService.verifyPaymentOptions).
   */
  positionAsSeenNow(org: string, navOrIuv: string): PaymentPosition {
    const pp = this.store.findByNavOrIuv(org, navOrIuv);
    if (!pp) throw appError('PAYMENT_OPTION_NOT_FOUND', org, navOrIuv);
    const now = this.clock.millis();
    validTransition(pp, now);
    expireOnTheFly(pp, now);
    return pp;
  }

  /** The option with this IUV, if GPD knows it. */
  findOption(org: string, iuv: string): PaymentOption | undefined {
    return this.store.findByIuv(org, iuv)?.paymentOption.find((po) => po.iuv === iuv);
  }

  list(org: string, query: ListQuery): Page {
    return selectPage(this.store.list(org), query);
  }

  update(org: string, iupd: string, input: PositionInput, toPublish: boolean): PaymentPosition {
    if (input.iupd !== iupd) {
      throw requestDataError(`IUPD mistmatch error: path variable IUPD [${iupd}] and request body IUPD [${input.iupd}] must be the same`);
    }
    return this.#save(this.#prepareUpdate(org, input, toPublish));
  }

  /** Create without writing: entity, business checks, publish logic (the 400s of a create). */
  #prepareCreate(org: string, input: PositionInput, toPublish: boolean): PaymentPosition {
    return this.#prepare(org, toPublish, 'CREATE', (now) => toEntity(org, input, now));
  }

  #prepare(org: string, toPublish: boolean, action: 'CREATE', entity: (now: number) => PaymentPosition): PaymentPosition {
    // The routes check the path first with their method's message; this also holds for the upload
    // worker, which calls the service directly: nothing is stored that GET/DELETE one would refuse.
    if (!ADDRESSABLE.test(org)) throw badRequest(`organizationFiscalCode: ${ADDRESSABLE_MESSAGE}`);
    const now = this.clock.millis();
    const pp = entity(now);
    checkPositionData(pp, action, now);
    prepareForSave(pp, toPublish, now);
    return pp;
  }

  /** An insert: the IUPD must be new (the DB constraint), then the IUV/NAV indexes. */
  #insert(pp: PaymentPosition): PaymentPosition {
    if (this.store.exists(pp.organizationFiscalCode, pp.iupd)) throw appError('DEBT_POSITION_UNIQUE_VIOLATION', pp.organizationFiscalCode);
    return this.#save(pp);
  }

  /** Update without writing: lookup (404), state (409), entity, business checks, publish logic. */
  #prepareUpdate(org: string, input: PositionInput, toPublish: boolean): PaymentPosition {
    return this.#prepareUpdateOf(org, input.iupd, toPublish, (now, old) => toEntity(org, input, now, old));
  }

  #prepareUpdateOf(org: string, iupd: string, toPublish: boolean, entity: (now: number, old: PaymentPosition) => PaymentPosition): PaymentPosition {
    const old = this.get(org, iupd);
    if (NOT_UPDATABLE.has(old.status)) throw appError('DEBT_POSITION_NOT_UPDATABLE', org, iupd);
    const now = this.clock.millis();
    const pp = entity(now, old);
    // A VALID position republished without a validity date keeps the one already in force.
    if (old.status === 'VALID' && toPublish) {
      for (const po of pp.paymentOption) {
        const previous = old.paymentOption.find((o) => o.iuv === po.iuv)?.validityDate;
        if (po.validityDate === undefined && previous !== undefined && previous < now) po.validityDate = previous;
      }
    }
    checkPositionData(pp, 'UPDATE', now);
    prepareForSave(pp, toPublish, now);
    return pp;
  }

  delete(org: string, iupd: string): void {
    const pp = this.get(org, iupd);
    if (ALREADY_PAID.has(pp.status)) throw appError('DEBT_POSITION_PAYMENT_FOUND', org, iupd);
    this.store.delete(org, iupd);
  }

  publish(org: string, iupd: string): PaymentPosition {
    const pp = this.get(org, iupd);
    if (NOT_PUBLISHABLE.has(pp.status)) throw appError('DEBT_POSITION_NOT_PUBLISHABLE', org, iupd);
    const now = this.clock.millis();
    if (pp.paymentOption.some((po) => po.validityDate !== undefined && po.dueDate < po.validityDate)) {
      throw appError('DEBT_POSITION_PUBLISH_DUE_DATE_BEFORE_VALIDITY_DATE', org, iupd);
    }
    if (pp.minDueDate < now) throw appError('DEBT_POSITION_PUBLISH_DUE_DATE_MISMATCH', org, iupd);
    const validity = minValidity(pp);
    if (validity !== undefined && validity < now) throw appError('DEBT_POSITION_PUBLISH_VALIDITY_DATE_MISMATCH', org, iupd);
    publishProcess(pp, now);
    return this.#save(pp);
  }

  invalidate(org: string, iupd: string): PaymentPosition {
    const pp = this.get(org, iupd);
    const now = this.clock.millis();
    // The on-the-fly expiry decides the answer but is not persisted (the 409 rolls it back).
    expireOnTheFly(pp, now);
    if (NOT_INVALIDABLE.has(pp.status)) throw appError('DEBT_POSITION_NOT_INVALIDABLE', org, iupd);
    pp.status = 'INVALID';
    pp.lastUpdatedDate = now;
    return this.#save(pp);
  }

  /** Internal `pay` and EC `paids`: checks of DebtPositionValidation + PaymentConflictValidator. */
  pay(org: string, nav: string, payment: PaymentInput): { position: PaymentPosition; option: PaymentOption } {
    const pp = this.store.findByNavOrIuv(org, nav);
    if (!pp) throw appError('PAYMENT_OPTION_NOT_FOUND', org, nav);
    const now = this.clock.millis();
    validTransition(pp, now);
    if (FULLY_PAID.has(pp.status)) throw appError('PAYMENT_OPTION_ALREADY_PAID', pp.organizationFiscalCode, nav);
    const paidSingle = pp.paymentOption.find((po) => po.status !== 'PO_UNPAID' && !po.isPartialPayment);
    if (paidSingle) throw appError('PAYMENT_OPTION_ALREADY_PAID', paidSingle.organizationFiscalCode, nav);
    const po = pp.paymentOption.find(matches(nav))!;
    if (po.status !== 'PO_UNPAID') throw appError('PAYMENT_OPTION_ALREADY_PAID', po.organizationFiscalCode, nav);
    checkNoConflictingPayment(pp, po, nav);

    Object.assign(po, {
      lastUpdatedDate: now,
      paymentDate: payment.paymentDate,
      paymentMethod: payment.paymentMethod,
      pspCode: payment.pspCode,
      pspTaxCode: payment.pspTaxCode,
      pspCompany: payment.pspCompany,
      idReceipt: payment.idReceipt,
      fee: payment.fee,
      status: 'PO_PAID',
    } satisfies Partial<PaymentOption>);
    recomputeStatus(pp);
    if (FULLY_PAID.has(pp.status)) pp.paymentDate = payment.paymentDate;
    pp.lastUpdatedDate = now;
    const saved = this.#save(pp);
    return { position: saved, option: saved.paymentOption.find(matches(nav))! };
  }

  /**
   * The internal notification-fee update (PaymentsService.updateAmountsWithNotificationFee): only an unpaid option;
   * the new fee replaces the old one in the option's amount and in its primary transfer's.
   */
  updateNotificationFee(org: string, navOrIuv: string, notificationFee: number): { position: PaymentPosition; option: PaymentOption } {
    const pp = this.store.findByNavOrIuv(org, navOrIuv);
    if (!pp) throw appError('PAYMENT_OPTION_NOT_FOUND', org, navOrIuv);
    const po = pp.paymentOption.find(matches(navOrIuv))!;
    if (po.status !== 'PO_UNPAID') throw appError('PAYMENT_OPTION_NOTIFICATION_FEE_UPDATE_NOT_UPDATABLE', org, navOrIuv);
    // The first transfer by idTransfer (Java String order) that is the EC's or names no EC.
    const primary = [...po.transfer]
      .sort((a, b) => (a.idTransfer < b.idTransfer ? -1 : a.idTransfer > b.idTransfer ? 1 : 0))
      .find((t) => !t.organizationFiscalCode || t.organizationFiscalCode === org);
    if (!primary) throw appError('PAYMENT_OPTION_NOTIFICATION_FEE_UPDATE_TRANSFER_NOT_FOUND', po.iuv, org);
    const change = notificationFee - (po.notificationFee ?? 0);
    const now = this.clock.millis();
    po.notificationFee = notificationFee;
    po.amount += change;
    primary.amount += change;
    po.lastUpdatedDate = now;
    po.lastUpdatedDateNotificationFee = now;
    const saved = this.#save(pp);
    return { position: saved, option: saved.paymentOption.find(matches(navOrIuv))! };
  }

  markAsPaid(org: string, nav: string, paymentDate: number | undefined): { position: PaymentPosition; option: PaymentOption } {
    return this.pay(org, nav, { paymentDate, idReceipt: MARKED_AS_PAID, pspCompany: MARKED_AS_PAID, fee: 0 });
  }

  /**
   * The Node's lookup of a notice (internal get-by-NAV). PUBLISHED→VALID happens on the fly and is
   * kept; the expiry is only reflected in the answer. An option whose validity has not started is 404.
   */
  getOptionForNode(org: string, nav: string): { position: PaymentPosition; option: PaymentOption; debtPositionStatus: PositionStatus } {
    const pp = this.store.findByNavOrIuv(org, nav);
    if (!pp) throw appError('PAYMENT_OPTION_NOT_FOUND', org, nav);
    const now = this.clock.millis();
    if (validTransition(pp, now)) {
      pp.lastUpdatedDate = now;
      this.store.save(pp);
    }
    expireOnTheFly(pp, now);
    const po = pp.paymentOption.find(matches(nav))!;
    if (po.status === 'PO_UNPAID') {
      if (FULLY_PAID.has(pp.status)) throw appError('PAYMENT_OPTION_NOT_FOUND', po.organizationFiscalCode, nav);
      checkNoConflictingPayment(pp, po, nav);
    }
    const debtPositionStatus = isInstallmentExpired(pp, po, now) ? 'EXPIRED' : pp.status;
    if (po.validityDate !== undefined && po.validityDate > now) throw appError('PAYMENT_OPTION_NOT_FOUND', org, nav);
    return { position: pp, option: po, debtPositionStatus };
  }

  /** Reporting (FdR) of one transfer. */
  report(org: string, iuv: string, transferId: string): { position: PaymentPosition; transfer: Transfer } {
    const owner = this.store.findByIuv(org, iuv);
    const pp = owner?.paymentOption.some((po) => po.iuv === iuv && po.transfer.some((t) => t.idTransfer === transferId)) ? owner : undefined;
    if (!pp) throw appError('TRANSFER_NOT_FOUND', org, iuv, transferId);
    if (NOT_ACCOUNTABLE.has(pp.status)) throw appError('TRANSFER_NOT_ACCOUNTABLE', pp.organizationFiscalCode, iuv, transferId);
    const po = pp.paymentOption.find((o) => o.iuv === iuv)!;
    if (po.status !== 'PO_PAID' && po.status !== 'PO_PARTIALLY_REPORTED') {
      throw appError('TRANSFER_NOT_ACCOUNTABLE', po.organizationFiscalCode, iuv, transferId);
    }
    const transfer = po.transfer.find((t) => t.idTransfer === transferId)!;
    if (transfer.status !== 'T_UNREPORTED') throw appError('TRANSFER_NOT_ACCOUNTABLE', transfer.organizationFiscalCode, iuv, transferId);

    const now = this.clock.millis();
    transfer.status = 'T_REPORTED';
    transfer.lastUpdatedDate = now;
    po.status = po.transfer.every((t) => t.status === 'T_REPORTED') ? 'PO_REPORTED' : 'PO_PARTIALLY_REPORTED';
    po.lastUpdatedDate = now;
    recomputeStatus(pp);
    pp.lastUpdatedDate = now;
    const saved = this.#save(pp);
    const savedTransfer = saved.paymentOption.find((o) => o.iuv === iuv)!.transfer.find((t) => t.idTransfer === transferId)!;
    return { position: saved, transfer: savedTransfer };
  }

  /** IBAN PATCH: transfers of unpaid options of still-payable positions, at most `limit`. */
  changeIban(org: string, oldIban: string, newIban: string, limit: number): number {
    const now = this.clock.millis();
    let updated = 0;
    for (const pp of this.store.list(org).sort((a, b) => a.id - b.id)) {
      if (!IBAN_CHANGE_STATUSES.has(pp.status)) continue;
      let changed = false;
      for (const t of pp.paymentOption.filter((po) => po.status === 'PO_UNPAID').flatMap((po) => po.transfer)) {
        if (updated >= limit || t.iban !== oldIban) continue;
        t.iban = newIban;
        t.lastUpdatedDate = now;
        updated++;
        changed = true;
      }
      if (changed) this.store.save(pp);
    }
    return updated;
  }

  /** The scheduled PUBLISHED → VALID job; returns how many positions moved. */
  runValidationBatch(): number {
    return this.#batch(dueForValidation, 'VALID');
  }

  /** The scheduled VALID → EXPIRED job; returns how many positions moved. */
  runExpiryBatch(): number {
    return this.#batch(dueForExpiry, 'EXPIRED');
  }

  // ---- v2 bulk: all-or-nothing, through the same single-position logic ----
  // As the platform's bulk service: every position is mapped and checked first (400/404/409 of the
  // first failing one), then all are written in one transaction, where a uniqueness clash (also
  // between two positions of the same batch) undoes every write and answers 409.

  createMany(org: string, inputs: PositionInput[], toPublish: boolean): PaymentPosition[] {
    const prepared = inputs.map((input) => this.#prepareCreate(org, input, toPublish));
    return this.store.transaction(() => prepared.map((pp) => this.#insert(pp)));
  }

  updateMany(org: string, inputs: PositionInput[], toPublish: boolean): PaymentPosition[] {
    this.#requireAll(
      org,
      inputs.map((i) => i.iupd),
    );
    const prepared = inputs.map((input) => this.#prepareUpdate(org, input, toPublish));
    return this.store.transaction(() => prepared.map((pp) => this.#save(pp)));
  }

  deleteMany(org: string, iupds: string[]): void {
    this.#requireAll(org, iupds);
    for (const iupd of iupds) {
      if (ALREADY_PAID.has(this.get(org, iupd).status)) throw appError('DEBT_POSITION_PAYMENT_FOUND', org, iupd);
    }
    this.store.transaction(() => iupds.forEach((iupd) => this.store.delete(org, iupd)));
  }

  /** 404 naming every missing IUPD. */
  #requireAll(org: string, iupds: string[]): void {
    const missing = iupds.filter((iupd) => !this.store.exists(org, iupd));
    if (missing.length > 0) throw appError('DEBT_POSITION_NOT_FOUND', org, `[${missing.join(', ')}]`);
  }

  #batch(due: (pp: PaymentPosition, now: number) => boolean, status: PositionStatus): number {
    const now = this.clock.millis();
    let moved = 0;
    for (const org of this.store.organizations()) {
      for (const pp of this.store.list(org).filter((p) => due(p, now))) {
        pp.status = status;
        pp.lastUpdatedDate = now;
        this.store.save(pp);
        moved++;
      }
    }
    return moved;
  }

  #save(pp: PaymentPosition): PaymentPosition {
    try {
      return this.store.save(pp);
    } catch (error) {
      if (error instanceof UniquenessViolation) throw appError('DEBT_POSITION_UNIQUE_VIOLATION', pp.organizationFiscalCode);
      throw error;
    }
  }
}

/**
 * PaymentConflictValidator: a single option is gone (404) once anything else is paid; an
 * installment once a single option or an installment of another plan is paid.
 */
function checkNoConflictingPayment(pp: PaymentPosition, po: PaymentOption, nav: string): void {
  const others = pp.paymentOption.filter((o) => o !== po && o.status !== 'PO_UNPAID');
  const conflict = po.isPartialPayment ? others.some((o) => !o.isPartialPayment || o.paymentPlanId !== po.paymentPlanId) : others.length > 0;
  if (FULLY_PAID.has(pp.status) || conflict) throw appError('PAYMENT_OPTION_NOT_FOUND', po.organizationFiscalCode, nav);
}

/** The model mapped onto an entity; an update keeps the identity and insertion date. */
function toEntity(org: string, input: PositionInput, now: number, previous?: PaymentPosition): PaymentPosition {
  const { paymentOption, validityDate, ...position } = input;
  // v1 has one plan per position: its installments share an id, kept from the stored ones on update.
  const planId = existingPlanId(
    previous,
    paymentOption.filter((o) => o.isPartialPayment).map((o) => o.iuv),
  );
  const debtor = debtorOf(input);
  return {
    ...position,
    id: previous?.id ?? 0,
    organizationFiscalCode: org,
    status: previous?.status ?? 'DRAFT',
    insertedDate: previous?.insertedDate ?? now,
    lastUpdatedDate: now,
    minDueDate: now,
    maxDueDate: now,
    validityDate,
    paymentOption: paymentOption.map((o) => toOptionEntity(org, o, input, now, o.isPartialPayment ? planId : SINGLE_OPTION, debtor)),
  };
}

function debtorOf(source: Debtor): Debtor {
  return {
    type: source.type,
    fiscalCode: source.fiscalCode,
    fullName: source.fullName,
    ...Object.fromEntries(DEBTOR_OPTIONAL_FIELDS.map((field) => [field, source[field]])),
  };
}

/** The plan id of a stored installment among `iuvs`, else a new one (ConvertPP*ToEntity's findExisting…PlanUuid). */
function existingPlanId(previous: PaymentPosition | undefined, iuvs: string[]): string {
  const stored = previous?.paymentOption.find((po) => po.isPartialPayment && iuvs.includes(po.iuv) && po.paymentPlanId !== SINGLE_OPTION);
  return stored?.paymentPlanId ?? randomUUID();
}

function toTransferEntities(org: string, transfers: TransferInput[], now: number): Transfer[] {
  return transfers.map((t) => ({
    ...t,
    organizationFiscalCode: t.organizationFiscalCode ?? org,
    status: 'T_UNREPORTED',
    insertedDate: now,
    lastUpdatedDate: now,
  }));
}

function toOptionEntity(org: string, o: OptionInput, input: PositionInput, now: number, paymentPlanId: string, debtor: Debtor): PaymentOption {
  return {
    ...o,
    nav: o.nav ?? AUX_DIGIT + o.iuv,
    organizationFiscalCode: org,
    // v1 carries validity and expiry at position level: every option gets them.
    validityDate: input.validityDate,
    switchToExpired: input.switchToExpired,
    status: 'PO_UNPAID',
    fee: 0,
    notificationFee: 0,
    paymentPlanId,
    debtor,
    insertedDate: now,
    lastUpdatedDate: now,
    transfer: toTransferEntities(org, o.transfer, now),
  };
}

/**
 * PaymentPositionModelV3 mapped onto an entity (ConverterV3PPModelToEntity): the position's debtor is
 * the placeholder `NA`, validity = the earliest option's, switchToExpired only if every option has it;
 * each installment becomes an option with its option's debtor, validity, retention and expiry; an option
 * with more than one installment is a plan (a UUID shared by its installments, kept on update when one of
 * its IUVs was already stored), one installment a single option.
 */
function toEntityV3(org: string, input: PositionV3Input, now: number, previous?: PaymentPosition): PaymentPosition {
  const validities = input.paymentOption.flatMap((o) => (o.validityDate === undefined ? [] : [o.validityDate]));
  return {
    type: 'F',
    fiscalCode: UNDEFINED_DEBTOR,
    fullName: UNDEFINED_DEBTOR,
    id: previous?.id ?? 0,
    iupd: input.iupd,
    organizationFiscalCode: org,
    payStandIn: input.payStandIn,
    switchToExpired: input.paymentOption.every((o) => o.switchToExpired),
    companyName: input.companyName,
    officeName: input.officeName,
    status: previous?.status ?? 'DRAFT',
    validityDate: validities.length ? validities.reduce((a, b) => Math.min(a, b)) : undefined,
    insertedDate: previous?.insertedDate ?? now,
    lastUpdatedDate: now,
    minDueDate: now,
    maxDueDate: now,
    paymentOption: input.paymentOption.flatMap((o) => toInstallmentEntities(org, o, now, previous)),
  };
}

function toInstallmentEntities(org: string, o: OptionV3Input, now: number, previous: PaymentPosition | undefined): PaymentOption[] {
  const isPartialPayment = o.installments.length > 1;
  const paymentPlanId = isPartialPayment
    ? existingPlanId(
        previous,
        o.installments.map((i) => i.iuv),
      )
    : SINGLE_OPTION;
  const debtor = debtorOf(o.debtor);
  return o.installments.map((i) => ({
    nav: i.nav ?? AUX_DIGIT + i.iuv,
    iuv: i.iuv,
    amount: i.amount,
    description: i.description,
    isPartialPayment,
    dueDate: i.dueDate,
    retentionDate: o.retentionDate,
    organizationFiscalCode: org,
    validityDate: o.validityDate,
    switchToExpired: o.switchToExpired,
    status: 'PO_UNPAID',
    fee: 0,
    notificationFee: 0,
    paymentPlanId,
    debtor,
    paymentOptionDescription: o.description,
    insertedDate: now,
    lastUpdatedDate: now,
    paymentOptionMetadata: i.installmentMetadata.map((m) => ({ key: m.key, value: m.value ?? '' })),
    transfer: toTransferEntities(org, i.transfer, now),
  }));
}

/** checkDebtPositionToUpdate: computed fields, reset to DRAFT, then publish if asked. */
function prepareForSave(pp: PaymentPosition, toPublish: boolean, now: number): void {
  // A loop, not Math.min(...spread): a position may hold more options than a call has arguments.
  const dueDates = pp.paymentOption.map((po) => po.dueDate);
  pp.minDueDate = dueDates.length ? dueDates.reduce((a, b) => Math.min(a, b)) : now;
  pp.maxDueDate = dueDates.length ? dueDates.reduce((a, b) => Math.max(a, b)) : now;
  pp.lastUpdatedDate = now;
  pp.publishDate = undefined;
  pp.status = 'DRAFT';
  for (const po of pp.paymentOption) {
    if (po.paymentOptionMetadata.some((m) => m.key === RESERVED_METADATA_KEY)) throw appError('PAYMENT_OPTION_RESERVED_METADATA');
    po.insertedDate = pp.insertedDate;
    po.lastUpdatedDate = now;
    for (const t of po.transfer) {
      t.insertedDate = pp.insertedDate;
      t.lastUpdatedDate = now;
    }
  }
  if (toPublish) publishProcess(pp, now);
  else pp.validityDate = minValidity(pp);
}
