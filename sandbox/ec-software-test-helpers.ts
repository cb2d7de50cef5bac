// Shared by the EC-software tests (sandbox and recorder): a sandbox with fast upload pace, the scripted EC
// client bound to it, and the checklist read over HTTP.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { EcSoftware } from '../examples/ec-software/scripted-client.ts';
import type { Checklist, ChecklistItem } from '../lib/ec-software/checklist.ts';
import { buildSandbox } from './app.ts';

export const EC = '77777777777';
export const GPD_KEY = 'ec-software-test-gpd-key-5f1c2';
export const RECEIPTS_KEY = 'ec-software-test-receipts-key-9a7';
export const INTERNAL_KEY = 'ec-software-test-internal-key';

export async function ecSandbox(): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildSandbox({
    subscriptions: [
      { key: GPD_KEY, product: 'gpd', organizations: [EC] },
      { key: RECEIPTS_KEY, product: 'gpd-receipts', organizations: [EC] },
      { key: INTERNAL_KEY, product: 'internal', organizations: ['*'] },
    ],
    upload: { retryAfterMs: 150, chunkIntervalMs: 5 },
    ecSoftware: { ecFiscalCode: EC, segregationCodes: ['01'] },
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

export function ecClient(baseUrl: string, runTag: string): EcSoftware {
  return new EcSoftware({ baseUrl, key: GPD_KEY, receiptsKey: RECEIPTS_KEY, ec: EC, broker: EC, segregationCode: '01', runTag });
}

export async function checklistOf(base: string): Promise<Checklist> {
  const res = await fetch(`${base}/__sandbox/checklist`);
  assert.equal(res.status, 200);
  return (await res.json()) as Checklist;
}

export const itemsOf = (checklist: Checklist): Map<string, ChecklistItem> => new Map(checklist.steps.flatMap((s) => s.items).map((i) => [i.id, i]));

/** The cases the scripted onboarding evidences. */
export const ONBOARDING_CASES = [
  'ACC-03',
  'ACC-05',
  'GPD-CRE-01',
  'GPD-CRE-02',
  'GPD-PUB-01',
  'GPD-UPD-01',
  'GPD-UPD-02',
  'GPD-INV-01',
  'GPD-DEL-01',
  'GPD-DEL-02',
  'GPD-GET-01',
  'GPD-GET-03',
  'GPD-GET-07',
  'BLK-01',
  'BLK-03',
  'BLK-06',
  'RIC-02',
];
