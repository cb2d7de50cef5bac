// A body refused before it is read (413 on the declared length) over a real keep-alive socket. The upload service
// (Micronaut 4.2, max-request-size) answers at once, then reads and drops the rest of the body
// (PipeliningServerHandler's DroppingInboundHandler) and keeps the connection: the client always gets its 413 (closing
// instead made a client still writing the body fail with EPIPE about 1 time in 16: pagoPA's upload suite), and the
// rest of the body is never taken for a new request. GPD core (Tomcat) closes the connection instead: a body above
// its swallow limit is not read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { KEYS, ORG, multipart, startSandbox, type TestSandbox } from '../test-helpers.ts';

const MAX_REQUEST_BYTES = 64 * 1024;
const BASE = `/upload/gpd/debt-positions-service/v2/brokers/12345678901/organizations/${ORG}/debtpositions`;

let sb: TestSandbox;
let port: number;
before(async () => {
  sb = await startSandbox({ upload: { retryAfterMs: 0, chunkIntervalMs: 0, maxRequestBytes: MAX_REQUEST_BYTES } });
  await sb.app.listen({ host: '127.0.0.1', port: 0 });
  port = (sb.app.server.address() as { port: number }).port;
});
after(() => sb.close());

interface Exchange {
  /** Everything the server wrote on the socket. */
  text: string;
  /** Whether the server ended the connection before the deadline. */
  closedByServer: boolean;
}

/** Writes `requests` back to back on one keep-alive connection and reads until the server closes it or 3 s pass. */
function exchange(requests: Buffer[]): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const deadline = setTimeout(() => {
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer: false });
    }, 3_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      clearTimeout(deadline);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer: true });
    });
    // The server may reset the connection while the rest of the body is still being written.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer: true });
      else reject(error);
    });
    socket.on('connect', () => {
      for (const request of requests) socket.write(request);
    });
  });
}

const request = (method: string, path: string, headers: Record<string, string | number>, body: Uint8Array = new Uint8Array(0)) =>
  Buffer.concat([
    Buffer.from(
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('')}\r\n`,
    ),
    body,
  ]);

/** An oversize upload whose body looks like requests: if it were read as a new request it would be answered. */
function oversizeUpload(): Buffer {
  const filler = Buffer.from(`GET ${BASE.replace('/debtpositions', '')}/../../info HTTP/1.1\r\nHost: x\r\n\r\n`.repeat(2000));
  const { payload, contentType } = multipart([{ field: 'file', fileName: 'p.zip', bytes: filler }]);
  assert.ok(payload.length > MAX_REQUEST_BYTES);
  return request('POST', `${BASE}/file`, { 'Content-Type': contentType, 'Content-Length': payload.length, 'Ocp-Apim-Subscription-Key': KEYS.gpd }, payload);
}

/** The status lines the server wrote (a response follows the previous body directly, without a line break). */
const statusLines = (text: string) => text.match(/HTTP\/1\.1 \d{3} [^\r\n]*/g) ?? [];

test('an oversize upload on a keep-alive connection: 413 at once, the rest of the body dropped, the next request on it answered', async () => {
  const next = request('GET', '/upload/gpd/debt-positions-service/v2/info', { 'Ocp-Apim-Subscription-Key': KEYS.gpd, Connection: 'close' });
  const { text, closedByServer } = await exchange([oversizeUpload(), next]);
  // The body's filler looks like requests: read as requests it would add answers here.
  assert.deepEqual(statusLines(text), ['HTTP/1.1 413 Payload Too Large', 'HTTP/1.1 200 OK'], text.slice(0, 2000));
  assert.doesNotMatch(text.split('HTTP/1.1 200 OK')[0]!, /^connection: close\r$/im, 'the 413 keeps the connection');
  assert.match(text, /"title":"Request Entity Too Large"/);
  assert.ok(closedByServer, 'closed after the next request, which asked for it');
});

test('the 413 reaches a client still writing the body: it is answered before the body is read, and nothing resets the socket', async () => {
  const upload = oversizeUpload();
  const headEnd = upload.indexOf('\r\n\r\n') + 4;
  // The head and a first slice only; the rest is written once the answer is in.
  const socket = connect({ host: '127.0.0.1', port });
  const chunks: Buffer[] = [];
  const answered = new Promise<void>((resolve) =>
    socket.on('data', (chunk) => (chunks.push(chunk), /\r\n\r\n[\s\S]*\}/.test(Buffer.concat(chunks).toString('latin1')) && resolve())),
  );
  const errors: string[] = [];
  socket.on('error', (error: NodeJS.ErrnoException) => errors.push(error.code ?? error.message));
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  socket.write(upload.subarray(0, headEnd + 1024));
  await answered;
  assert.match(Buffer.concat(chunks).toString('latin1'), /^HTTP\/1\.1 413 /);
  await new Promise<void>((resolve, reject) => socket.write(upload.subarray(headEnd + 1024), (error) => (error ? reject(error) : resolve())));
  socket.end(request('GET', '/upload/gpd/debt-positions-service/v2/info', { 'Ocp-Apim-Subscription-Key': KEYS.gpd, Connection: 'close' }));
  await new Promise<void>((resolve) => socket.on('close', () => resolve()));
  assert.deepEqual(errors, [], 'no EPIPE / ECONNRESET while the body was still being written');
  assert.deepEqual(statusLines(Buffer.concat(chunks).toString('latin1')), ['HTTP/1.1 413 Payload Too Large', 'HTTP/1.1 200 OK']);
});

test('after the 413 a new connection works as usual', async () => {
  await exchange([oversizeUpload()]);
  const { text } = await exchange([
    request('GET', '/upload/gpd/debt-positions-service/v2/info', { 'Ocp-Apim-Subscription-Key': KEYS.gpd, Connection: 'close' }),
  ]);
  assert.deepEqual(statusLines(text), ['HTTP/1.1 200 OK'], text);
});

test('a GPD body declared above the 10 MiB limit: 413 with Connection: close, and the server does not wait for the body', async () => {
  const declared = 11 * 1024 * 1024;
  const head = request('POST', `/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions`, {
    'Content-Type': 'application/json',
    'Content-Length': declared,
    'Ocp-Apim-Subscription-Key': KEYS.gpd,
  });
  // Only the start of the body is sent: a server that kept the connection would wait for the other 11 MiB.
  const { text, closedByServer } = await exchange([head, Buffer.from('{"iupd":"X"')]);
  assert.deepEqual(statusLines(text), ['HTTP/1.1 413 Payload Too Large'], text);
  assert.match(text, /^connection: close\r$/im);
  assert.ok(closedByServer, 'the server closed the connection after the refusal');
});
