// The suite's platform texts (lib/texts): every one a non-empty string, each written once per module,
// and a few compared with pagoPA's contracts (OpenAPI) or, where no contract names them, the reference notes.
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY } from './gateway.ts';
import { GPD } from './gpd.ts';
import { RECEIPTS } from './receipts.ts';
import { UPLOAD } from './upload.ts';
import { CARTS } from './checkout-carts.ts';
import { RT } from './rt.ts';

const REFERENCE = new URL('../../../shared/reference/', import.meta.url);
const contract = (name: string) => readFileSync(new URL(`openapi/${name}`, REFERENCE), 'utf8');
const notes = () => readFileSync(new URL('notes/gpd-api.md', REFERENCE), 'utf8');

const MODULES: Record<string, Record<string, unknown>> = { GATEWAY, GPD, RECEIPTS, UPLOAD, CARTS, RT };

/** The text of an entry: the string, or what the function returns given placeholder arguments. */
function textOf(value: unknown): unknown {
  if (typeof value !== 'function') return value;
  return (value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => `ARG${i}`));
}

describe('every text', () => {
  for (const [module, texts] of Object.entries(MODULES)) {
    test(`${module}: a non-empty string or a function returning one`, () => {
      for (const [name, value] of Object.entries(texts)) {
        const text = textOf(value);
        assert.equal(typeof text, 'string', `${module}.${name}`);
        assert.ok((text as string).trim().length > 0, `${module}.${name} is empty`);
      }
    });

    test(`${module}: no text written twice`, () => {
      const seen = new Map<unknown, string>();
      for (const [name, value] of Object.entries(texts)) {
        const text = textOf(value);
        assert.equal(seen.get(text), undefined, `${module}.${name} repeats ${module}.${seen.get(text)}`);
        seen.set(text, name);
      }
    });
  }
});

describe('the texts agree with the references', () => {
  test('GATEWAY: the 403 message of the contracts, the 401 and 429 messages of the notes', () => {
    for (const name of ['gpd-debt-positions-v1.json', 'gpd-receipts.json']) assert.ok(contract(name).includes(JSON.stringify(GATEWAY.notAllowed)), name);
    const text = notes();
    for (const message of [GATEWAY.missingKey, GATEWAY.invalidKey, GATEWAY.rateLimited(1).replace('1', 'N')]) assert.ok(text.includes(message), message);
  });

  test('GPD: the 409 states named by the v1 contract; titles and templates of the notes', () => {
    const v1 = contract('gpd-debt-positions-v1.json');
    // The contract describes the conflicts ("debt position is not in invalidable state"), not the problem text.
    for (const detail of [GPD.notInvalidable('A', 'B'), GPD.notPublishable('A', 'B')]) {
      const state = /is (not in \w+ state)$/.exec(detail)?.[1];
      assert.ok(state && v1.includes(`debt position is ${state}.`), detail);
    }
    const text = notes();
    for (const t of [GPD.dataErrorTitle, GPD.notFoundTitle, GPD.exclusiveParametersTitle, GPD.exclusiveParameters, GPD.notFound('%s', '%s')]) {
      assert.ok(text.includes(t), t);
    }
  });

  test('UPLOAD: the 425 detail of the v2 contract; titles of the notes', () => {
    assert.ok(contract('gpd-upload-v2.json').includes(JSON.stringify(UPLOAD.tooEarly)));
    const text = notes();
    for (const t of [UPLOAD.tooEarlyTitle, UPLOAD.statusNotFoundTitle, UPLOAD.notAZipTitle, UPLOAD.notAZip, UPLOAD.reportCreated])
      assert.ok(text.includes(t), t);
  });

  test('RECEIPTS: the contract names no text (only "No receipt found."); the notes name them', () => {
    assert.ok(contract('gpd-receipts.json').includes('"No receipt found."'));
    const text = notes();
    for (const t of [
      RECEIPTS.notFoundTitle,
      RECEIPTS.notFound('X', 'Y'),
      RECEIPTS.recoveryFailedTitle,
      RECEIPTS.notEnoughElementsTitle,
      RECEIPTS.pageTooBig,
      RECEIPTS.invalidDateRangeTitle,
    ]) {
      assert.ok(text.includes(t), t);
    }
  });
});
