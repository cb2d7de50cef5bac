import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rtResponseBody, soapEnvelope } from '../rt/soap.ts';
import { RtNodeClient } from './rt-client.ts';

let server: Server;
let base: string;
const seen: Array<{ soapAction: string | undefined; contentType: string | undefined; body: string }> = [];

before(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      seen.push({ soapAction: request.headers.soapaction?.toString(), contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString() });
      if (request.url === '/ok') response.writeHead(200, { 'content-type': 'text/xml' }).end(soapEnvelope(rtResponseBody(2, { outcome: 'OK' })));
      if (request.url === '/garbage') response.writeHead(200).end('not xml <<<');
      // '/hang': never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('posts the envelope with the quoted SOAPAction and text/xml; parses the answer', async () => {
  const call = await new RtNodeClient(`${base}/ok`, 2_000).post('paSendRTV2', '<x/>');
  assert.deepEqual(seen.at(-1), { soapAction: '"paSendRTV2"', contentType: 'text/xml; charset=utf-8', body: '<x/>' });
  assert.equal(call.status, 200);
  assert.equal(call.failure, undefined);
  assert.deepEqual(call.body?.content, { outcome: 'OK' });
  assert.equal(call.body?.element, 'paSendRTV2Response');
});

test('an answer that is not SOAP: status kept, parseError says why', async () => {
  const call = await new RtNodeClient(`${base}/garbage`, 2_000).post('paSendRT', '<x/>');
  assert.equal(call.status, 200);
  assert.equal(call.body, undefined);
  assert.match(call.parseError ?? '', /not well-formed/);
});

test("no answer within the Node's timeout, and a refused connection, are failures with their kind", async () => {
  const hang = await new RtNodeClient(`${base}/hang`, 1_000).post('paSendRTV2', '<x/>');
  assert.equal(hang.failure?.kind, 'timeout');
  assert.ok(hang.ms >= 900 && hang.ms < 5_000, `${hang.ms} ms`);
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const refused = await new RtNodeClient(`http://127.0.0.1:${port}/`, 1_000).post('paSendRTV2', '<x/>');
  assert.deepEqual(refused.failure, { kind: 'network', detail: 'ECONNREFUSED' });
});
