// The verdicts of the evidence pack, end to end: a real Playwright run of four cases through a
// "defective platform" (a proxy in front of the sandbox), then `npm run evidence`. One case passes,
// one is skipped for a missing key, one meets a wrong status (a non-conformance) and one a dropped
// connection (an environment problem): the plan, the Allure report and the gate must tell them apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { buildSandbox } from '../../sandbox/app.ts';
import { CATALOGUE } from '../catalogue.ts';
import type { Execution } from './execution.ts';

const CLI = 'node_modules/@playwright/test/cli.js';
const ORG = '77777777777';
const KEYS = { gpd: 'verdicts-gpd-key-0123456789abcdef', internal: 'verdicts-internal-key-0123456789ab' };

let sandbox: FastifyInstance;
let proxy: Server;
let proxyUrl = '';

/** Forwards to the sandbox, except: a draft create answers 200 instead of 201; a create-and-publish loses its connection. */
function defectivePlatform(target: string): Server {
  return createServer((req, res) => {
    const creating = req.method === 'POST' && /\/debtpositions\?toPublish=(true|false)$/.test(req.url ?? '');
    if (creating && req.url!.endsWith('toPublish=true')) {
      req.socket.destroy();
      return;
    }
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      const status = creating && answer.statusCode === 201 ? 200 : answer.statusCode!;
      res.writeHead(status, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
}

const reportsDir = mkdtempSync(join(tmpdir(), 'evidence-verdicts-'));
const env = {
  ...process.env,
  DOTENV_CONFIG_PATH: '/nonexistent/.env',
  CI: '',
  TEST_WORKER_INDEX: '',
  REPORTS_DIR: reportsDir,
  TARGET: 'sandbox',
  GPD_SUBSCRIPTION_KEY: KEYS.gpd,
  SANDBOX_INTERNAL_KEY: KEYS.internal,
  GPD_RECEIPTS_SUBSCRIPTION_KEY: '',
  BIZ_SUBSCRIPTION_KEY: '',
  EVIDENCE_OWNER: 'Mario Rossi',
  EVIDENCE_HISTORY: '',
  WORKERS: '2',
};

interface Exit {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a child without blocking this process: the sandbox and the proxy it talks to live here. */
function run(args: string[], childEnv: NodeJS.ProcessEnv, timeoutMs = 150_000): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

let execution: Execution;
let evidence: Exit;
let packDir = '';

before(async () => {
  sandbox = await buildSandbox({
    subscriptions: [
      { key: KEYS.gpd, product: 'gpd', organizations: [ORG] },
      { key: KEYS.internal, product: 'internal', organizations: ['*'] },
    ],
  });
  await sandbox.listen({ host: '127.0.0.1', port: 0 });
  proxy = defectivePlatform(`http://127.0.0.1:${(sandbox.server.address() as AddressInfo).port}`);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  // The configured reporters (JSON, Allure) are the evidence tool's input: no --reporter here.
  const suite = await run([CLI, 'test', '--project=api', '--no-deps', '--grep', String.raw`\[(ACC-03|ACC-05|GPD-CRE-01|GPD-CRE-02)\]`], {
    ...env,
    API_BASE_URL: proxyUrl,
    CHECKOUT_URL: proxyUrl,
  });
  assert.equal(suite.status, 1, `two cases must fail:\n${suite.stdout}${suite.stderr}`);
  evidence = await run(['--import', 'tsx', 'scripts/evidence.ts'], env);
  const packs = readdirSync(reportsDir).filter((name) => name.startsWith('evidence-'));
  assert.equal(packs.length, 1, `one pack:\n${evidence.stdout}${evidence.stderr}`);
  packDir = join(reportsDir, packs[0]!);
  execution = JSON.parse(readFileSync(join(packDir, 'esecuzione.json'), 'utf8')) as Execution;
});

after(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await sandbox.close();
});

const caseOf = (id: string) => execution.cases.find((c) => c.id === id)!;

test('each case gets the verdict of what happened to it', () => {
  assert.equal(caseOf('ACC-03').outcome, 'Superato');
  assert.equal(caseOf('ACC-05').outcome, 'Non eseguito');
  assert.match(caseOf('ACC-05').note ?? '', /GPD_RECEIPTS_SUBSCRIPTION_KEY non configurata/);
  assert.equal(caseOf('GPD-CRE-01').outcome, 'Non superato', caseOf('GPD-CRE-01').note);
  assert.equal(caseOf('GPD-CRE-01').verdict, 'nonconformance');
  assert.match(caseOf('GPD-CRE-01').note ?? '', /201/);
  assert.equal(caseOf('GPD-CRE-02').outcome, 'Problema di ambiente', caseOf('GPD-CRE-02').note);
  assert.match(caseOf('GPD-CRE-02').note ?? '', /^Problema di ambiente/);
  assert.ok(caseOf('GPD-CRE-01').requestIds.length > 0, 'the request ids of the calls are kept');
  const notSelected = execution.cases.filter((c) => !['ACC-03', 'ACC-05', 'GPD-CRE-01', 'GPD-CRE-02'].includes(c.id));
  assert.ok(notSelected.every((c) => c.outcome === 'Non eseguito' && /escluso dai filtri/.test(c.note ?? '')));
});

test('the gate: npm run evidence exits 1 and lists the mandatory cases not passed', () => {
  assert.equal(evidence.status, 1, evidence.stdout + evidence.stderr);
  assert.equal(execution.verdict.outcome, 'Non superato');
  for (const id of ['GPD-CRE-01', 'GPD-CRE-02']) {
    assert.ok(execution.verdict.mandatoryNotPassed.includes(id));
    assert.match(evidence.stderr, new RegExp(`${id} (Non superato|Problema di ambiente)`));
  }
  assert.ok(!execution.verdict.mandatoryNotPassed.includes('ACC-03'));
});

test('the spreadsheet holds every catalogue case once, with the same outcomes and the owner on the cover', async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(packDir, 'piano-di-test.xlsx'));
  const sheet = book.getWorksheet('Piano di test')!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const column = (name: string) => header.indexOf(name);
  const rows = new Map<string, string>();
  sheet.eachRow((row, n) => {
    if (n > 1) rows.set(String(row.getCell(column('ID')).value), String(row.getCell(column('Esito ottenuto')).value));
  });
  assert.equal(rows.size, CATALOGUE.length);
  assert.equal(sheet.rowCount - 1, CATALOGUE.length, 'no case twice');
  for (const c of execution.cases) assert.equal(rows.get(c.id), c.outcome, c.id);
  const cover = JSON.stringify(book.getWorksheet('Copertina')!.getSheetValues());
  assert.match(cover, /Mario Rossi/);
});

/** The test results embedded in the single-file report, by Allure id. */
function reportResults(html: string): Map<string, { status: string; name: string }> {
  const results = new Map<string, { status: string; name: string }>();
  for (const [, id, data] of html.matchAll(/d\("data\/test-results\/([0-9a-f]+)\.json","([^"]+)"\)/g))
    results.set(id!, JSON.parse(Buffer.from(data!, 'base64').toString('utf8')) as { status: string; name: string });
  return results;
}

test('the Allure report: an environment problem is broken, a non-conformance failed, names in Italian', () => {
  const results = reportResults(readFileSync(join(packDir, 'report.html'), 'utf8'));
  const statusOf = (id: string) => results.get(caseOf(id).reportLink!.split('#')[1]!);
  assert.equal(statusOf('GPD-CRE-02')?.status, 'broken');
  assert.equal(statusOf('GPD-CRE-01')?.status, 'failed');
  assert.equal(statusOf('ACC-03')?.status, 'passed');
  assert.equal(statusOf('ACC-03')?.name, `ACC-03 ${CATALOGUE.find((c) => c.id === 'ACC-03')!.title.it}`);
});
