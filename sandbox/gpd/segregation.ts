// `segregationCodes`, the query parameter the published GPD specs declare on the EC operations. The
// gateway fills it for intermediaries that have segregation codes (notes gpd-api.md §2.5, §6); GPD applies
// it whenever it arrives (pagopa-debt-position v1 DebtPositionController, PaymentPositionCRUDService):
// comma-separated codes; a position is the caller's when the IUV of its first option starts with one of
// them (403 DEBT_POSITION_FORBIDDEN otherwise); the list keeps only the options whose IUV starts with one.
import type { FastifyRequest } from 'fastify';
import { queryParams } from '../http.ts';
import { appError } from '../problem.ts';

const NAME = 'segregationCodes';
const PATTERN = /^\d{2}(?:,\d{2})*$/;

/** The codes as Java's `String.split(",")` gives them (trailing empty strings dropped), or undefined when absent. */
export function segregationCodesOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',');
  while (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return parts;
}

export const segregationCodes = (request: FastifyRequest) => segregationCodesOf(queryParams(request).get(NAME));

/** The @Pattern("\d{2}(,\d{2})*") of the operations that declare it (GET/DELETE one): the violation, if any. */
export function segregationCodesViolation(request: FastifyRequest, method: string): string | undefined {
  const value = queryParams(request).get(NAME);
  return value !== undefined && !PATTERN.test(value) ? `${method}.${NAME}: must match "\\d{2}(,\\d{2})*"` : undefined;
}

/** Whether the IUV starts with one of the codes (the service compares `iuv.substring(0, 2)`). */
export const startsWithCode = (iuv: string, codes: readonly string[]) => iuv.length >= 2 && codes.includes(iuv.slice(0, 2));

/** 403 when codes were given and the position's first IUV starts with none of them. */
export function checkSegregation(
  org: string,
  position: { iupd: string; paymentOption: ReadonlyArray<{ iuv: string }> },
  codes: readonly string[] | undefined,
): void {
  if (codes === undefined) return;
  const first = position.paymentOption[0]?.iuv ?? '';
  if (!startsWithCode(first, codes)) throw appError('DEBT_POSITION_FORBIDDEN', org, position.iupd);
}
