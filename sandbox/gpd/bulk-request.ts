// Request bodies of the GPD v2 bulk API: `{paymentPositions: [...]}` (1..100) and
// `{paymentPositionIUPDs: [...]}` (1..20). Each position is bound and checked exactly as v1 does.
import { JsonMappingError, parseJson } from '../jackson.ts';
import { badRequest } from '../problem.ts';
import type { PositionInput } from './model.ts';
import { readPositionBody } from './request.ts';

export const MAX_BULK_POSITIONS = 100;
export const MAX_BULK_IUPDS = 20;

function parse(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text.trim() === '') throw badRequest('Required request body is missing');
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    if (error instanceof JsonMappingError) throw badRequest(`JSON parse error: ${error.message}`);
    throw error;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('JSON parse error: the body must be a JSON object');
  return value as Record<string, unknown>;
}

function list(body: Record<string, unknown>, field: string, max: number): unknown[] {
  const items = body[field];
  if (items === undefined || items === null) throw badRequest(`${field}: must not be null`);
  if (!Array.isArray(items)) throw badRequest(`JSON parse error: ${field} must be an array`);
  if (items.length < 1 || items.length > max) throw badRequest(`${field}: size must be between 1 and ${max}`);
  return items;
}

/** MultiplePaymentPositionModel: every position bound and bean-validated as in v1. */
export function readPositionsBody(text: string | undefined, max = MAX_BULK_POSITIONS): PositionInput[] {
  return list(parse(text), 'paymentPositions', max).map((item) => readPositionBody(JSON.stringify(item)));
}

/** MultipleIUPDModel. */
export function readIupdsBody(text: string | undefined, max = MAX_BULK_IUPDS): string[] {
  const items = list(parse(text), 'paymentPositionIUPDs', max);
  if (!items.every((item): item is string => typeof item === 'string' && item.trim() !== ''))
    throw badRequest('paymentPositionIUPDs: must not contain blank values');
  return items;
}
