// toBeAcceptedUpload: the checks an upload's 202 must pass (the fixture's submit asserts nothing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expect } from '../fixtures/matchers.ts';
import type { ApiExchange } from './http/api-client.ts';

const EC = { brokerCode: '77777777777', ecFiscalCode: '77777777777' };
const FILE_ID = `77777777777_77777777777_${'a'.repeat(32)}`;

function accepted(status: number, headers: Record<string, string>): ApiExchange {
  return {
    request: { method: 'POST', url: 'http://h/upload', headers: {}, body: undefined },
    response: { status, headers, body: undefined, text: '' },
    ms: 1,
    requestId: 'rid',
    throttled: 0,
  };
}

const good = { location: `brokers/77777777777/organizations/77777777777/debtpositions/file/${FILE_ID}/status`, 'retry-after': '10' };

test('202 with a relative Location, a file id and a Retry-After delay is accepted', () => {
  expect(accepted(202, good)).toBeAcceptedUpload(EC);
});

test('each broken part is named', () => {
  const cases: Array<[number, Record<string, string>, RegExp]> = [
    [200, good, /HTTP status 200 ≠ 202/],
    [202, { ...good, location: `/upload/gpd/x/brokers/77777777777/organizations/77777777777/debtpositions/file/${FILE_ID}/status` }, /is not relative/],
    [202, { ...good, location: 'brokers/77777777777/organizations/77777777777/debtpositions/file/xyz/status' }, /file id "xyz"/],
    [202, { location: good.location }, /Retry-After undefined is not a delay/],
  ];
  for (const [status, headers, message] of cases) assert.throws(() => expect(accepted(status, headers)).toBeAcceptedUpload(EC), message);
});
