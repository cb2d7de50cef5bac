// Run by lib/evidence/exchange-steps.test.ts (not a suite case): the evidence transport around a
// client that answers what each test needs, so the steps, attachments and failure messages one call
// leaves can be read back from the JSON report and the Allure results.
import { test } from '../../../fixtures/evidence.ts';
import { evidenceTransport } from '../../../fixtures/evidence.ts';
import { EnvironmentError, type ApiClient, type ApiExchange, type ApiRequest } from '../../http/api-client.ts';
import type { Operation } from '../../http/gpd-client.ts';

const SENT_ID = 'rid-sent-0001';

/** A client whose every call answers `status`, `body` and `echoedId` (or throws `environment`). */
function client(answer: { status?: number; body?: unknown; echoedId?: string; environment?: boolean }): ApiClient {
  const send = async (request: ApiRequest): Promise<ApiExchange> => {
    const exchange: ApiExchange = {
      request: { method: request.method, url: `http://127.0.0.1:1${request.path}`, headers: { 'x-request-id': SENT_ID }, body: request.body },
      response: { status: answer.status ?? 200, headers: { 'x-request-id': answer.echoedId ?? SENT_ID }, body: answer.body, text: JSON.stringify(answer.body) },
      ms: 3,
      requestId: SENT_ID,
      throttled: 0,
    };
    if (answer.environment) throw new EnvironmentError('gateway', `${exchange.response.status} from the gateway`, exchange);
    return exchange;
  };
  return { send, echoesRequestId: true } as unknown as ApiClient;
}

const info: Operation = { action: 'Service info', request: { method: 'GET', path: '/gpd/info' }, successSchema: 'gpd/AppInfo' };

test('passing calls', async () => {
  const send = evidenceTransport(client({ body: { name: 'gpd', version: '1' } }));
  await send(info);
  await send(info);
});

test('X-Request-Id not echoed', async () => {
  await evidenceTransport(client({ body: { name: 'gpd' }, echoedId: 'rid-other-0002' }))(info);
});

test('response body against its schema', async () => {
  await evidenceTransport(client({ body: { name: 5 } }))(info);
});

test('request body against its schema', async () => {
  await evidenceTransport(client({ body: {} }))({
    action: 'Delete positions',
    request: { method: 'POST', path: '/gpd/bulk', body: { paymentPositionIUPDs: [] } },
    requestSchema: 'gpd/MultipleIUPDModel',
  });
});

test('environment problem', async () => {
  await evidenceTransport(client({ status: 502, body: 'Bad Gateway', environment: true }))(info);
});
