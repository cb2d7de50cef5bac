import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, ENVIRONMENT_MARKER, EnvironmentError, closePools, retryAfterMs } from './api-client.ts';
import { Redactor, REDACTED } from '../redact.ts';
import { SUITE_CLIENT_HEADER } from '../ec-software/calls.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];
let throttleNext = 0;

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    const echo = JSON.stringify({ echo: req.headers['ocp-apim-subscription-key'] ?? null });
    const status = /^\/status\/(\d{3})/.exec(req.url ?? '');
    if (status) {
      res.writeHead(Number(status[1]), { 'content-type': 'application/json' }).end(echo);
      return;
    }
    if (req.url?.startsWith('/throttle-long')) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '120' }).end(echo);
      return;
    }
    if (req.url?.startsWith('/hang')) return; // never answers
    if (throttleNext > 0) {
      throttleNext -= 1;
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' })
        .end('{"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."}');
      return;
    }
    res
      .writeHead(201, { 'content-type': 'application/json', 'x-request-id': String(req.headers['x-request-id']) })
      .end(JSON.stringify({ echo: req.headers['ocp-apim-subscription-key'] ?? null }));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(async () => {
  await closePools();
  server.closeAllConnections();
  server.close();
});

const client = new ApiClient({ baseUrl, key: KEY, timeoutMs: 5_000, redactor: new Redactor([KEY]) });

test('sends the key, JSON body and query; the exchange is redacted', async () => {
  const exchange = await client.send({ method: 'POST', path: '/a/b', query: { toPublish: true, skip: undefined }, body: { x: 1 } });
  const request = seen.at(-1)!;
  assert.equal(request.url, '/a/b?toPublish=true');
  assert.equal(request.headers['ocp-apim-subscription-key'], KEY);
  assert.equal(request.headers['content-type'], 'application/json');
  assert.equal(request.body, '{"x":1}');
  assert.equal(exchange.response.status, 201);
  assert.equal(exchange.request.headers['ocp-apim-subscription-key'], REDACTED);
  assert.deepEqual(exchange.response.body, { echo: REDACTED }, 'a secret echoed by the server is redacted too');
  assert.ok(!JSON.stringify(exchange).includes(KEY));
  assert.equal(exchange.requestId, request.headers['x-request-id']);
});

test("every call carries the suite's header, so that the sandbox and the recorder do not take it for the EC's software", async () => {
  await client.send({ method: 'GET', path: '/a', key: null });
  assert.equal(seen.at(-1)!.headers[SUITE_CLIENT_HEADER], 'pagopa-async-conformance');
});

test('key: null sends no key', async () => {
  await client.send({ method: 'GET', path: '/x', key: null });
  assert.equal(seen.at(-1)!.headers['ocp-apim-subscription-key'], undefined);
});

test('a 429 is waited out for Retry-After and retried', async () => {
  throttleNext = 1;
  const before = seen.length;
  const started = Date.now();
  const exchange = await client.send({ method: 'POST', path: '/create', body: {} });
  assert.equal(exchange.response.status, 201);
  assert.equal(exchange.throttled, 1);
  assert.equal(seen.length - before, 2);
  assert.ok(Date.now() - started >= 950, 'waited about Retry-After seconds');
});

test('no answer becomes an EnvironmentError (network) that names the target', async () => {
  const dead = new ApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2_000, redactor: new Redactor([]) });
  await assert.rejects(dead.send({ method: 'GET', path: '/info' }), (error: unknown) => {
    assert.ok(error instanceof EnvironmentError);
    assert.equal(error.name, 'EnvironmentError');
    assert.equal(error.kind, 'network');
    assert.equal(error.exchange, undefined);
    assert.ok(error.message.startsWith(`${ENVIRONMENT_MARKER}: GET /info`), error.message);
    assert.match(error.message, /no response from http:\/\/127\.0\.0\.1:1 \(.*\)\. Is the target reachable\?/);
    return true;
  });
});

test('a 503 from the gateway is an EnvironmentError (gateway) carrying the redacted exchange', async () => {
  await assert.rejects(client.send({ method: 'POST', path: `/status/503/${KEY}`, body: { x: 1 } }), (error: unknown) => {
    assert.ok(error instanceof EnvironmentError);
    assert.equal(error.kind, 'gateway');
    assert.ok(error.message.startsWith(`${ENVIRONMENT_MARKER}: POST /status/503/${REDACTED}`), error.message);
    assert.match(error.message, new RegExp(`${baseUrl.replace(/[.:/]/g, '\\$&')}.*the gateway answered 503`));
    assert.equal(error.exchange?.response.status, 503);
    assert.deepEqual(error.exchange?.response.body, { echo: REDACTED });
    assert.equal(error.exchange?.request.headers['ocp-apim-subscription-key'], REDACTED);
    assert.ok(!error.message.includes(KEY), 'no key in the message');
    assert.ok(!JSON.stringify(error.exchange).includes(KEY), 'no key in the exchange');
    return true;
  });
});

test('502 and 504 are gateway problems too', async () => {
  for (const status of [502, 504]) {
    await assert.rejects(
      client.send({ method: 'GET', path: `/status/${status}` }),
      (error: unknown) => error instanceof EnvironmentError && error.kind === 'gateway' && error.exchange?.response.status === status,
    );
  }
});

test('a 500 is the platform answering: an ordinary exchange', async () => {
  const exchange = await client.send({ method: 'GET', path: '/status/500' });
  assert.equal(exchange.response.status, 500);
  assert.deepEqual(exchange.response.body, { echo: REDACTED });
});

test('a 429 whose Retry-After is beyond maxThrottleMs is an EnvironmentError (throttled)', async () => {
  const impatient = new ApiClient({ baseUrl, key: KEY, timeoutMs: 5_000, redactor: new Redactor([KEY]), maxThrottleMs: 1_000 });
  const started = Date.now();
  await assert.rejects(impatient.send({ method: 'GET', path: '/throttle-long', query: { k: KEY } }), (error: unknown) => {
    assert.ok(error instanceof EnvironmentError);
    assert.equal(error.kind, 'throttled');
    assert.match(error.message, /still 429 after 0 retries honouring Retry-After/);
    assert.equal(error.exchange?.response.status, 429);
    assert.equal(error.exchange?.throttled, 0);
    assert.ok(!error.message.includes(KEY), 'no key in the message');
    assert.ok(!JSON.stringify(error.exchange).includes(KEY), 'no key in the exchange');
    return true;
  });
  assert.ok(Date.now() - started < 1_000, 'did not wait for a Retry-After it could not honour');
});

test('a server that never answers is an EnvironmentError (timeout) naming REQUEST_TIMEOUT_MS', async () => {
  const hasty = new ApiClient({ baseUrl, key: KEY, timeoutMs: 200, redactor: new Redactor([KEY]) });
  await assert.rejects(hasty.send({ method: 'GET', path: `/hang/${KEY}` }), (error: unknown) => {
    assert.ok(error instanceof EnvironmentError);
    assert.equal(error.kind, 'timeout');
    assert.ok(error.message.startsWith(`${ENVIRONMENT_MARKER}: GET /hang/${REDACTED}`), error.message);
    assert.match(error.message, /REQUEST_TIMEOUT_MS/);
    assert.match(error.message, /200 ms/);
    assert.equal(error.exchange, undefined);
    assert.ok(!error.message.includes(KEY), 'no key in the message');
    return true;
  });
});

test('Retry-After in seconds, milliseconds or as a date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs('10000 ms'), 10_000);
  assert.equal(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), Date.now()) !== undefined, true);
  assert.equal(retryAfterMs(undefined), undefined);
  assert.equal(retryAfterMs('soon'), undefined);
});
