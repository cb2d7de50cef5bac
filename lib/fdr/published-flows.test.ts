import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entriesInWindow, lookupWindowStart, readPublishedFlows, UnexpectedFdrAnswer } from './published-flows.ts';
import { FdrClient } from '../http/fdr-client.ts';
import type { ApiExchange } from '../http/api-client.ts';
import type { Operation } from '../http/gpd-client.ts';
import type { LedgerEntry } from './ledger.ts';

const EC = '77777777777';

/** A fake FdR service of `flows` (name → number of payments) paging as the real one, answering `failWith` to payments when set. */
function service(flows: Record<string, number>, failWith?: number) {
  const calls: string[] = [];
  const page = <T>(items: T[], query: Record<string, unknown>) => {
    const size = Number(query.size ?? 1000);
    const n = Number(query.page ?? 1);
    return {
      metadata: { pageSize: size, pageNumber: n, totPage: Math.ceil(items.length / size) },
      count: items.length,
      data: items.slice((n - 1) * size, n * size),
    };
  };
  const transport = async (operation: Operation) => {
    const { path, query = {} } = operation.request;
    calls.push(`${path}?page=${String(query.page)}`);
    const payments = /\/fdrs\/([^/]+)\/revisions\/1\/psps\/BNLIITRR\/payments$/.exec(path);
    let status = 200;
    let body: unknown;
    if (payments) {
      if (failWith) status = failWith;
      const count = flows[decodeURIComponent(payments[1]!)]!;
      body = page(
        Array.from({ length: count }, (_, i) => ({
          index: i + 1,
          iuv: `IUV${i}`,
          iur: 'R',
          idTransfer: 1,
          pay: 1.5,
          payStatus: 'EXECUTED',
          payDate: '2026-12-01T10:00:00Z',
        })),
        query,
      );
    } else {
      body = page(
        Object.keys(flows).map((fdr) => ({ fdr, pspId: 'BNLIITRR', revision: 1, published: '2026-12-01T10:00:00Z', flowDate: '2026-12-01T10:00:00Z' })),
        query,
      );
    }
    return { request: operation.request, response: { status, body, text: JSON.stringify(body), headers: {} }, ms: 1 } as unknown as ApiExchange;
  };
  return { calls, client: new FdrClient(transport, EC) };
}

test('every page of the list and of each flow’s payments is read', async () => {
  const names = Array.from({ length: 1001 }, (_, i) => `2026-12-01BNLIITRR-${String(i).padStart(7, '0')}`);
  const { client, calls } = service({ ...Object.fromEntries(names.map((n) => [n, 0])), [names[0]!]: 1500 });
  const flows = await readPublishedFlows(client);
  assert.equal(flows.length, 1001);
  assert.equal(flows[0]!.payments.length, 1500);
  assert.deepEqual(flows[0]!.payments.at(-1), {
    index: 1500,
    iuv: 'IUV1499',
    iur: 'R',
    idTransfer: 1,
    pay: 1.5,
    payStatus: 'EXECUTED',
    payDate: '2026-12-01T10:00:00Z',
  });
  assert.equal(flows[0]!.ec, EC);
  assert.equal(calls.filter((c) => c.endsWith('/fdrs?page=1') || c.endsWith('/fdrs?page=2')).length, 2);
  assert.equal(calls.filter((c) => c.includes(`${names[0]}/revisions`)).length, 2);
});

test('a flow whose payments cannot be read is an error naming it, not an empty flow', async () => {
  const { client } = service({ '2026-12-01BNLIITRR-0000001': 3 }, 404);
  await assert.rejects(
    readPublishedFlows(client),
    (e: unknown) => e instanceof UnexpectedFdrAnswer && e.status === 404 && /2026-12-01BNLIITRR-0000001/.test(e.message),
  );
});

test('the window starts one month back in UTC, the day clamped to the month', () => {
  assert.equal(lookupWindowStart(new Date('2026-12-03T10:00:00.000Z')).toISOString(), '2026-11-03T10:00:00.000Z');
  assert.equal(lookupWindowStart(new Date('2026-03-31T23:30:00.000Z')).toISOString(), '2026-02-28T23:30:00.000Z');
  assert.equal(lookupWindowStart(new Date('2026-01-15T00:00:00.000Z')).toISOString(), '2025-12-15T00:00:00.000Z');
});

test("only the EC's notices paid within the window are judged", () => {
  const entry = (iuv: string, ec: string, paymentDate: string) => ({ iuv, ec, paymentDate }) as LedgerEntry;
  const now = new Date('2026-12-03T10:00:00.000Z');
  const { inWindow, tooOld } = entriesInWindow(
    [entry('A', EC, '2026-12-01T10:00:00Z'), entry('B', EC, '2026-11-03T09:59:59Z'), entry('C', '15376371009', '2026-12-01T10:00:00Z')],
    EC,
    now,
  );
  assert.deepEqual(
    inWindow.map((e) => e.iuv),
    ['A'],
  );
  assert.deepEqual(
    tooOld.map((e) => e.iuv),
    ['B'],
  );
});
