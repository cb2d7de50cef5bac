import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, NetworkError, closePools, retryAfterMs } from './api-client.ts';
import { Redactor, REDACTED } from '../redact.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const seen: Array<{ method?: string; url?: string; headers: IncomingMessage['headers']; body: string }> = [];
let throttleNext = 0;

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
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

test('no answer becomes a NetworkError that names the target', async () => {
  const dead = new ApiClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2_000, redactor: new Redactor([]) });
  await assert.rejects(
    dead.send({ method: 'GET', path: '/info' }),
    (error: unknown) => error instanceof NetworkError && /no response from http:\/\/127\.0\.0\.1:1/.test(error.message),
  );
});

test('Retry-After in seconds, milliseconds or as a date', () => {
  assert.equal(retryAfterMs('3'), 3000);
  assert.equal(retryAfterMs('10000 ms'), 10_000);
  assert.equal(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), Date.now()) !== undefined, true);
  assert.equal(retryAfterMs(undefined), undefined);
  assert.equal(retryAfterMs('soon'), undefined);
});
