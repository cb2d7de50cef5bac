import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { OUTCOMES } from '../execution.ts';
import { PLAN_COLUMNS, formatRome } from './plan-columns.ts';
import { COVER_SHEET, PLAN_SHEET, writePlanXlsx } from './plan-xlsx.ts';
import { FINGERPRINT_GPD, FINGERPRINT_RECEIPTS, sampleExecution } from './sample-execution.ts';

async function written(execution = sampleExecution()) {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-xlsx-')), 'piano-di-test.xlsx');
  await writePlanXlsx(execution, file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { workbook, execution, file };
}

function column(key: string): number {
  const index = PLAN_COLUMNS.findIndex((c) => c.key === key);
  assert.ok(index >= 0, key);
  return index + 1;
}

function text(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value && typeof value === 'object' && 'text' in value) return String(value.text);
  return value === null || value === undefined ? '' : String(value);
}

test('the workbook has the cover then the plan; the plan has the header and every case exactly once, in order', async () => {
  const { workbook, execution } = await written();
  assert.deepEqual(
    workbook.worksheets.map((s) => s.name),
    [COVER_SHEET, PLAN_SHEET],
  );
  const plan = workbook.getWorksheet(PLAN_SHEET)!;
  assert.deepEqual(
    (plan.getRow(1).values as unknown[]).slice(1),
    PLAN_COLUMNS.map((c) => c.header),
  );
  assert.equal(plan.rowCount, execution.cases.length + 1);
  const ids = execution.cases.map((_, i) => text(plan.getRow(i + 2).getCell(column('id'))));
  assert.deepEqual(
    ids,
    execution.cases.map((c) => c.id),
  );
  for (const [i, c] of execution.cases.entries()) {
    const row = plan.getRow(i + 2);
    assert.equal(text(row.getCell(column('outcome'))), c.outcome, c.id);
    assert.equal(text(row.getCell(column('mandatory'))), c.mandatory ? 'Sì' : 'No', c.id);
    assert.equal(text(row.getCell(column('step'))), String(c.onboardingStep), c.id);
    assert.equal(text(row.getCell(column('title'))), `${c.title.it}\n${c.title.en}`, c.id);
  }
  assert.ok(ids.includes('BLK-01') && text(plan.getRow(ids.indexOf('BLK-01') + 2).getCell(column('mandatory'))) === 'No');
});

test('times are in Europe/Rome whatever the machine zone: 10:00Z in July is 12:00:00, in January 11:00:00', async () => {
  assert.equal(formatRome('2026-07-01T10:00:00Z'), '01/07/2026 12:00:00');
  assert.equal(formatRome('2026-01-15T10:00:00Z'), '15/01/2026 11:00:00');
  assert.equal(formatRome('2026-12-31T23:30:00Z'), '01/01/2027 00:30:00');
  assert.equal(formatRome(undefined), '');
  const { workbook, execution } = await written();
  const plan = workbook.getWorksheet(PLAN_SHEET)!;
  const row = (id: string) => plan.getRow(execution.cases.findIndex((c) => c.id === id) + 2);
  assert.equal(text(row('ACC-01').getCell(column('start'))), '01/07/2026 12:00:00');
  assert.equal(text(row('ACC-02').getCell(column('start'))), '15/01/2026 11:00:00');
  assert.equal(text(row('ACC-02').getCell(column('end'))), '15/01/2026 11:00:01');
  assert.equal(text(row('ACC-02').getCell(column('duration'))), '1,5 s');
  assert.equal(text(row('GPD-CRE-02').getCell(column('duration'))), '1 min 6 s');
  assert.equal(text(row('BLK-01').getCell(column('start'))), '');
  assert.match(text(row('BLK-01').getCell(column('note'))), /chiave di caricamento massivo non configurata/);
  assert.match(text(row('GPD-CRE-01').getCell(column('note'))), /^Differenza nota: La risposta non riporta il campo iupd \(openapi gpd v1\)$/);
  assert.match(text(row('PAY-02').getCell(column('note'))), /Errore della suite/);
});

test('frozen header, autoFilter over the header, widths, wrap text; the outcome fill differs by outcome; the evidence cell links to the report', async () => {
  const { workbook, execution } = await written();
  const plan = workbook.getWorksheet(PLAN_SHEET)!;
  const view = plan.views[0] as { state?: string; ySplit?: number } | undefined;
  assert.equal(view?.state, 'frozen');
  assert.equal(view?.ySplit, 1);
  const filter = plan.autoFilter as unknown;
  const range = typeof filter === 'string' ? filter : `${(filter as { from: string }).from}:${(filter as { to: string }).to}`;
  assert.equal(range, `A1:${plan.getColumn(PLAN_COLUMNS.length).letter}1`);
  PLAN_COLUMNS.forEach((c, i) => assert.equal(plan.getColumn(i + 1).width, c.width, c.header));
  const fills = new Map<string, string>();
  for (const [i, c] of execution.cases.entries()) {
    const cell = plan.getRow(i + 2).getCell(column('outcome'));
    const fill = cell.fill as ExcelJS.FillPattern;
    const argb = fill.fgColor?.argb ?? '';
    assert.ok(argb, c.id);
    if (fills.has(c.outcome)) assert.equal(fills.get(c.outcome), argb, `same colour for ${c.outcome}`);
    fills.set(c.outcome, argb);
    assert.equal(plan.getRow(i + 2).getCell(column('steps')).alignment?.wrapText, true);
  }
  assert.deepEqual([...fills.keys()].sort(), [...OUTCOMES].sort());
  assert.equal(new Set(fills.values()).size, 4, 'four distinct colours');
  const evidence = plan.getRow(2).getCell(column('evidence'));
  assert.deepEqual((evidence.value as ExcelJS.CellHyperlinkValue).hyperlink, 'report.html#ACC-01');
  assert.equal(text(evidence), 'report.html#ACC-01\nreq-ACC-01-1\nreq-ACC-01-2');
});

test('the cover holds the environment, the fingerprints, the owner, the verdict, the counts and a signature line, and no key-like field', async () => {
  const { workbook, execution } = await written();
  const cover = workbook.getWorksheet(COVER_SHEET)!;
  const rows: [string, string][] = [];
  cover.eachRow((row) => rows.push([text(row.getCell(1)), text(row.getCell(2))]));
  const all = rows.flat().join('\n');
  assert.match(rows[0]![0], /^Piano di test condiviso — modalità asincrona \(GPD\)$/);
  const value = (label: RegExp) => rows.find(([l]) => label.test(l))?.[1];
  assert.equal(value(/^Ente creditore/), '77777777777');
  assert.equal(value(/^Intermediario/), '15376371009');
  assert.equal(value(/^Stazione/), '77777777777_01');
  assert.equal(value(/^Codice di segregazione/), '47');
  assert.equal(value(/^URL delle API/), execution.environment.apiBaseUrl);
  assert.equal(value(/^URL di Checkout/), execution.environment.checkoutUrl);
  assert.equal(value(/^Data e ora/), '01/07/2026 12:00:00');
  assert.equal(value(/^Identificativo dell’esecuzione/), 'run-2026-07-01-abc123');
  assert.equal(value(/^Versione di Playwright/), '1.65.1');
  assert.equal(value(/^Impronta della chiave — gpd/), FINGERPRINT_GPD);
  assert.equal(value(/^Impronta della chiave — receipts/), FINGERPRINT_RECEIPTS);
  assert.equal(value(/^Responsabile del piano/), 'Mario Rossi <mario.rossi@example.it>');
  assert.equal(value(/^Esito complessivo/), 'Non superato');
  assert.equal(value(/^Casi obbligatori non superati/), 'GPD-CRE-02\nPAY-01\nRIC-01');
  assert.equal(value(/^Superato \(Passed\)/), '3');
  assert.equal(value(/^Non superato \(Not passed\)/), '2');
  assert.equal(value(/^Problema di ambiente/), '1');
  assert.equal(value(/^Non eseguito/), '2');
  assert.ok(rows.some(([l]) => l === 'Firma: ____________'));
  assert.ok(rows.some(([l]) => l === 'Data: ____________'));
  // Only fingerprints: every label naming a key is a fingerprint, every such value is sha256:…
  for (const [label, v] of rows.filter(([l]) => /chiave|key/i.test(l))) {
    assert.match(label, /^Impronta della chiave/);
    assert.match(v, /^sha256:[0-9a-f]{64}$/);
  }
  assert.doesNotMatch(all.replace(/sha256:[0-9a-f]{64}/g, ''), /[0-9a-f]{32}/i);
});
