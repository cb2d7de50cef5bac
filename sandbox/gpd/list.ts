// The list endpoint: query parameters converted and constrained as Spring does (type mismatch,
// @Positive/@Max/@Min, mutually exclusive date groups, 30-day windows), then filter, sort, page.
import { DAY_MS, javaLocalDateTimeString, parseLocalDate, parseLocalDateTime } from '../dates.ts';
import { ProblemError, appError, badRequest } from '../problem.ts';
import { POSITION_STATUSES, type PaymentPosition, type PositionStatus } from './model.ts';
import { segregationCodesOf, startsWithCode } from './segregation.ts';

const ORDER_BY = ['INSERTED_DATE', 'IUPD', 'STATUS', 'COMPANY_NAME'] as const;
const ORDERING = ['ASC', 'DESC'] as const;
const MAX_DAYS_INTERVAL = 30;
const DUE_DATE_GROUP = ['due_date_to', 'due_date_from'];
const PAYMENT_DATE_GROUP = ['payment_date_from', 'payment_date_to'];
const PAYMENT_DATE_TIME_GROUP = ['payment_date_time_from', 'payment_date_time_to'];

/** A filter bound; `endOfDay` marks LocalTime.MAX (23:59:59.999999999), which matters in messages. */
export interface Bound {
  ms: number;
  endOfDay: boolean;
}

export interface ListQuery {
  limit: number;
  page: number;
  dueFrom?: Bound;
  dueTo?: Bound;
  paymentFrom?: Bound;
  paymentTo?: Bound;
  status?: PositionStatus;
  orderBy: (typeof ORDER_BY)[number];
  ordering: (typeof ORDERING)[number];
  /** `segregationCodes`: only the options whose IUV starts with one of them (and positions with any). */
  segregationCodes?: string[];
}

export interface Page {
  positions: PaymentPosition[];
  page: number;
  limit: number;
  itemsFound: number;
  totalPages: number;
}

/** Query string access: the first value of a parameter, and whether it was sent at all. */
export interface QueryParams {
  get(name: string): string | undefined;
  has(name: string): boolean;
}

const mismatch = (value: string, name: string) => badRequest(`Invalid value ${value} for property ${name}`);

function convert<T>(params: QueryParams, name: string, parse: (text: string) => T | undefined): T | undefined {
  const text = params.get(name);
  if (text === undefined || text.trim() === '') return undefined; // empty → the parameter's default
  const value = parse(text.trim());
  if (value === undefined) throw mismatch(text, name);
  return value;
}

export function parseInt32(text: string): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (text: string): T | undefined =>
    (values as readonly string[]).includes(text) ? (text as T) : undefined;

const startOfDay = (text: string): Bound | undefined => {
  const ms = parseLocalDate(text);
  return ms === undefined ? undefined : { ms, endOfDay: false };
};
const endOfDay = (text: string): Bound | undefined => {
  const ms = parseLocalDate(text);
  return ms === undefined ? undefined : { ms: ms + DAY_MS - 1, endOfDay: true };
};
const dateTime = (text: string): Bound | undefined => {
  try {
    return { ms: parseLocalDateTime(text), endOfDay: false };
  } catch {
    return undefined;
  }
};

/**
 * `statuses`: the values the `status` parameter binds to (v1's enum by default; v3 binds its own enum
 * and converts it by name, see routes-v3.ts).
 */
export function parseListQuery(params: QueryParams, statuses: readonly string[] = POSITION_STATUSES): ListQuery {
  // 1. Conversion, in the controller's parameter order.
  const limit = convert(params, 'limit', parseInt32) ?? 10;
  const page = convert(params, 'page', parseInt32) ?? 0;
  const dueFrom = convert(params, 'due_date_from', startOfDay);
  const dueTo = convert(params, 'due_date_to', endOfDay);
  const paymentDateFrom = convert(params, 'payment_date_from', startOfDay);
  const paymentDateTo = convert(params, 'payment_date_to', endOfDay);
  const paymentDateTimeFrom = convert(params, 'payment_date_time_from', dateTime);
  const paymentDateTimeTo = convert(params, 'payment_date_time_to', dateTime);
  const status = convert(params, 'status', oneOf(statuses)) as PositionStatus | undefined;
  const orderBy = convert(params, 'orderby', oneOf(ORDER_BY)) ?? 'INSERTED_DATE';
  const ordering = convert(params, 'ordering', oneOf(ORDERING)) ?? 'DESC';

  // 2. Method constraints (ConstraintViolationException).
  const violations: string[] = [];
  if (limit <= 0) violations.push('getOrganizationDebtPositions.limit: must be greater than 0');
  if (limit > 50) violations.push('getOrganizationDebtPositions.limit: must be less than or equal to 50');
  if (page < 0) violations.push('getOrganizationDebtPositions.page: must be greater than or equal to 0');
  if (violations.length) throw badRequest(violations.join(', '));

  // 3. At most one date group (by presence of the parameter names, even empty).
  const present = (group: string[]) => group.some((name) => params.has(name));
  const payment = present(PAYMENT_DATE_GROUP);
  if (payment ? present(DUE_DATE_GROUP) || present(PAYMENT_DATE_TIME_GROUP) : present(DUE_DATE_GROUP) && present(PAYMENT_DATE_TIME_GROUP)) {
    throw new ProblemError(
      400,
      'Exclusive Parameters',
      `Parameters ${DUE_DATE_GROUP.join(', ')} and ${PAYMENT_DATE_GROUP.join(', ')}and${PAYMENT_DATE_TIME_GROUP.join(', ')} are mutual exclusive`,
    );
  }

  // 4. The 30-day windows (a missing bound is the other ± 30 days).
  const [dueFromChecked, dueToChecked] = checkInterval(dueFrom, dueTo);
  const [paymentFrom, paymentTo] = checkInterval(paymentDateFrom ?? paymentDateTimeFrom, paymentDateTo ?? paymentDateTimeTo);
  const segregationCodes = segregationCodesOf(params.get('segregationCodes'));
  return { limit, page, dueFrom: dueFromChecked, dueTo: dueToChecked, paymentFrom, paymentTo, status, orderBy, ordering, segregationCodes };
}

const nanos = (b: Bound) => BigInt(b.ms) * 1_000_000n + (b.endOfDay ? 999_999n : 0n);
const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** DebtPositionValidation.checkDatesInterval, including Java's Duration.toDays() truncation. */
function checkInterval(from: Bound | undefined, to: Bound | undefined): [Bound | undefined, Bound | undefined] {
  const dayStart = (ms: number) => ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
  if (from && !to) to = { ms: dayStart(from.ms) + (MAX_DAYS_INTERVAL + 1) * DAY_MS - 1, endOfDay: true };
  else if (!from && to) from = { ms: dayStart(to.ms) - MAX_DAYS_INTERVAL * DAY_MS, endOfDay: false };
  if (from && to) {
    const days = floorDiv(nanos(to) - nanos(from), 1_000_000_000n) / 86_400n;
    if (nanos(from) > nanos(to) || days > BigInt(MAX_DAYS_INTERVAL)) {
      const show = (b: Bound) => javaLocalDateTimeString(b.ms, b.endOfDay);
      throw appError('DEBT_POSITION_NOT_RECOVERABLE', show(from), show(to), days, MAX_DAYS_INTERVAL);
    }
  }
  return [from, to];
}

const within = (ms: number | undefined, from?: Bound, to?: Bound) =>
  ms !== undefined && (from === undefined || ms >= from.ms) && (to === undefined || ms <= to.ms);

const sortKey: Record<ListQuery['orderBy'], (pp: PaymentPosition) => string | number> = {
  INSERTED_DATE: (pp) => pp.insertedDate,
  IUPD: (pp) => pp.iupd,
  STATUS: (pp) => pp.status,
  COMPANY_NAME: (pp) => pp.companyName,
};

export function selectPage(all: PaymentPosition[], q: ListQuery): Page {
  const dueFilter = q.dueFrom !== undefined || q.dueTo !== undefined;
  const payFilter = q.paymentFrom !== undefined || q.paymentTo !== undefined;
  const selected = all
    .filter((pp) => q.status === undefined || pp.status === q.status)
    .filter((pp) => !payFilter || within(pp.paymentDate, q.paymentFrom, q.paymentTo))
    // With a due-date filter the items carry only the options inside the window.
    .map((pp) => (dueFilter ? { ...pp, paymentOption: pp.paymentOption.filter((po) => within(po.dueDate, q.dueFrom, q.dueTo)) } : pp))
    .filter((pp) => !dueFilter || pp.paymentOption.length > 0)
    // With segregation codes, likewise only the options whose IUV starts with one of them.
    .map((pp) => (q.segregationCodes ? { ...pp, paymentOption: pp.paymentOption.filter((po) => startsWithCode(po.iuv, q.segregationCodes!)) } : pp))
    .filter((pp) => !q.segregationCodes || pp.paymentOption.length > 0);

  const key = sortKey[q.orderBy];
  const direction = q.ordering === 'ASC' ? 1 : -1;
  selected.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : a.id - b.id) * direction;
  });

  const positions = selected.slice(q.page * q.limit, (q.page + 1) * q.limit);
  return { positions, page: q.page, limit: q.limit, itemsFound: positions.length, totalPages: Math.ceil(selected.length / q.limit) };
}
