// The shared test plan as a spreadsheet (exceljs): a cover ("Copertina") with the environment, the
// verdict, the counts and a signature line; the plan ("Piano di test") with one row per case.
import ExcelJS from 'exceljs';
import { OUTCOMES, OUTCOME_EN, type Execution, type Outcome } from '../execution.ts';
import { PLAN_COLUMNS, PLAN_TITLE, PLAN_TITLE_EN, coverFacts, outcomeCounts, stepTitle } from './plan-columns.ts';

export const COVER_SHEET = 'Copertina';
export const PLAN_SHEET = 'Piano di test';

/** ARGB fill of the outcome cell: green, red, amber, grey. */
export const OUTCOME_FILL: Record<Outcome, string> = {
  Superato: 'FFC6EFCE',
  'Non superato': 'FFFFC7CE',
  'Problema di ambiente': 'FFFFE699',
  'Non eseguito': 'FFD9D9D9',
};

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function writeCover(workbook: ExcelJS.Workbook, execution: Execution): void {
  const sheet = workbook.addWorksheet(COVER_SHEET);
  sheet.columns = [{ width: 46 }, { width: 90 }];
  const title = sheet.addRow([PLAN_TITLE]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([PLAN_TITLE_EN]).font = { italic: true, color: { argb: 'FF595959' } };
  sheet.addRow([]);
  for (const fact of coverFacts(execution)) {
    const row = sheet.addRow([`${fact.label}\n${fact.en}`, fact.value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const { outcome, mandatoryNotPassed } = execution.verdict;
  const verdict = sheet.addRow(['Esito complessivo\nOverall verdict', outcome]);
  verdict.getCell(1).font = { bold: true };
  verdict.getCell(2).font = { bold: true };
  verdict.getCell(2).fill = solid(OUTCOME_FILL[outcome]);
  const notPassed = sheet.addRow([
    'Casi obbligatori non superati\nMandatory cases not passed',
    mandatoryNotPassed.length ? mandatoryNotPassed.join('\n') : 'Nessuno',
  ]);
  notPassed.getCell(1).font = { bold: true };
  sheet.addRow([]);
  const { steps, total } = outcomeCounts(execution);
  sheet.addRow(['Casi per esito\nCases by outcome']).font = { bold: true };
  for (const o of OUTCOMES) {
    const row = sheet.addRow([`${o} (${OUTCOME_EN[o]})`, total.counts[o]]);
    row.getCell(2).fill = solid(OUTCOME_FILL[o]);
  }
  sheet.addRow(['Totale (Total)', total.total]);
  sheet.addRow([]);
  sheet.addRow(['Casi per passo di onboarding\nCases by onboarding step']).font = { bold: true };
  for (const s of steps) sheet.addRow([stepTitle(s.step), OUTCOMES.map((o) => `${o}: ${s.counts[o]}`).join(' · ')]);
  sheet.addRow([]);
  sheet.addRow(['Firma: ____________']);
  sheet.addRow(['Data: ____________']);
  sheet.eachRow((row) => row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' })));
}

function writePlan(workbook: ExcelJS.Workbook, execution: Execution): void {
  const sheet = workbook.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = solid('FFDDEBF7');
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PLAN_COLUMNS.length } };
  const outcomeColumn = PLAN_COLUMNS.findIndex((c) => c.key === 'outcome') + 1;
  const evidenceColumn = PLAN_COLUMNS.findIndex((c) => c.key === 'evidence') + 1;
  for (const c of execution.cases) {
    const row = sheet.addRow(PLAN_COLUMNS.map((column) => column.value(c)));
    row.eachCell({ includeEmpty: true }, (cell) => (cell.alignment = { wrapText: true, vertical: 'top' }));
    row.getCell(outcomeColumn).fill = solid(OUTCOME_FILL[c.outcome]);
    if (c.reportLink) {
      const evidence = row.getCell(evidenceColumn);
      evidence.value = { text: String(evidence.value ?? ''), hyperlink: c.reportLink, tooltip: 'Apri il caso nel report' };
      evidence.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }
}

/** Writes the plan spreadsheet (`piano-di-test.xlsx`) of `execution` to `file`. */
export async function writePlanXlsx(execution: Execution, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pagopa-async-conformance';
  workbook.title = PLAN_TITLE;
  workbook.created = new Date(execution.generatedAt);
  workbook.modified = new Date(execution.generatedAt);
  writeCover(workbook, execution);
  writePlan(workbook, execution);
  await workbook.xlsx.writeFile(file);
}
