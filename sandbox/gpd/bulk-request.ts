// Request bodies of the GPD v2 bulk API: MultiplePaymentPositionModel `{paymentPositions: [...]}`
// (@NotEmpty, at most MAX_DEBT_POSITIONS = 100, each position @Valid as in v1) and MultipleIUPDModel
// `{paymentPositionIUPDs: [...]}` (@NotNull @NotEmpty @Size(max = 20)). Violations are reported as the
// v1 binding does: `<fieldPath>: <message>`, nested paths prefixed by `paymentPositions[i].`.
import { JsonMappingError, parseJson } from '../jackson.ts';
import { badRequest } from '../problem.ts';
import type { PositionInput } from './model.ts';
import { BeanValidationError, readPositionValue, type Violation } from './request.ts';

export const MAX_BULK_POSITIONS = 100;
export const MAX_BULK_IUPDS = 20;

/** Parsing and Jackson binding errors are Spring's 400 `JSON parse error: ...`. */
function parse<T>(text: string | undefined, bind: (body: Record<string, unknown>) => T): T {
  if (text === undefined || text.trim() === '') throw badRequest('Required request body is missing');
  try {
    const value = parseJson(text);
    if (value === null) throw badRequest('Required request body is missing');
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new JsonMappingError(
        `Cannot deserialize value of type \`it.gov.pagopa.debtposition.model.pd.Multiple\` from ${Array.isArray(value) ? 'Array' : 'scalar'} value`,
      );
    }
    return bind(value as Record<string, unknown>);
  } catch (error) {
    if (error instanceof JsonMappingError) throw badRequest(`JSON parse error: ${error.message}`);
    throw error;
  }
}

function list(body: Record<string, unknown>, field: string, javaElement: string): unknown[] | null {
  const items = body[field];
  if (items === undefined || items === null) return null;
  if (!Array.isArray(items)) throw new JsonMappingError(`Cannot deserialize value of type \`java.util.ArrayList<${javaElement}>\` from non-array value`);
  return items;
}

/** MultiplePaymentPositionModel: every position bound and bean-validated as in v1. */
export function readPositionsBody(text: string | undefined, max = MAX_BULK_POSITIONS): PositionInput[] {
  return parse(text, (body) => {
    const items = list(body, 'paymentPositions', 'it.gov.pagopa.debtposition.model.pd.PaymentPositionModel');
    const violations: Violation[] = [];
    if (items === null || items.length === 0) violations.push({ path: 'paymentPositions', message: 'must not be empty' });
    // The size validator announces min 1 and the configured max.
    else if (items.length > max) violations.push({ path: 'paymentPositions', message: `size must be between 1 and ${max}` });
    const positions: PositionInput[] = [];
    for (const [i, item] of (items ?? []).entries()) {
      // Sandbox policy: null items are a 400 (the platform fails later with a 500).
      if (item === null) {
        violations.push({ path: `paymentPositions[${i}]`, message: 'must not be null' });
        continue;
      }
      try {
        positions.push(readPositionValue(item, `paymentPositions[${i}].`));
      } catch (error) {
        if (!(error instanceof BeanValidationError)) throw error;
        violations.push(...error.violations);
      }
    }
    if (violations.length > 0) throw new BeanValidationError(violations);
    return positions;
  });
}

/** MultipleIUPDModel. */
export function readIupdsBody(text: string | undefined, max = MAX_BULK_IUPDS): string[] {
  return parse(text, (body) => {
    const items = list(body, 'paymentPositionIUPDs', 'java.lang.String');
    if (items === null) {
      throw new BeanValidationError([
        { path: 'paymentPositionIUPDs', message: 'must not be null' },
        { path: 'paymentPositionIUPDs', message: 'must not be empty' },
      ]);
    }
    if (items.length === 0) throw new BeanValidationError([{ path: 'paymentPositionIUPDs', message: 'must not be empty' }]);
    if (items.length > max) throw new BeanValidationError([{ path: 'paymentPositionIUPDs', message: `size must be between 0 and ${max}` }]);
    const nulls = items.flatMap((item, i) => (item === null ? [{ path: `paymentPositionIUPDs[${i}]`, message: 'must not be null' }] : []));
    if (nulls.length > 0) throw new BeanValidationError(nulls);
    return items.map((item) => {
      if (typeof item === 'object') throw new JsonMappingError('Cannot deserialize value of type `java.lang.String` from Object value');
      return String(item);
    });
  });
}
