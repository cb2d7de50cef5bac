// The one- or two-page PDF summary of a run (Italian first, short English subtitles): environment,
// overall verdict, counts by onboarding step × outcome, the mandatory cases not passed, the
// non-conformances and, separately, the environment problems. HTML printed by Chromium.
import { chromium } from '@playwright/test';
import { resolveChromium } from '../../browser.ts';
import { OUTCOMES, OUTCOME_EN, type CaseExecution, type Execution, type Outcome } from '../execution.ts';
import { PLAN_TITLE, PLAN_TITLE_EN, coverFacts, formatRome, outcomeCounts, stepTitle } from './plan-columns.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `value` safe as HTML text or a quoted attribute. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Rows listed in full per section; the ids of the rest are still listed, on one line (keeps the summary to two pages). */
const MAX_LISTED = 10;
const MAX_NOTE = 110;
const MAX_TITLE = 60;

const OUTCOME_COLOUR: Record<Outcome, string> = {
  Superato: '#c6efce',
  'Non superato': '#ffc7ce',
  'Problema di ambiente': '#ffe699',
  'Non eseguito': '#d9d9d9',
};

function shorten(value: string | undefined, max: number): string {
  const line = (value ?? '').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Ids separated by commas, none broken at its hyphens. */
function idList(ids: string[]): string {
  return ids.map((id) => `<span class="id">${escapeHtml(id)}</span>`).join(', ');
}

function caseSection(title: string, en: string, cases: CaseExecution[], empty: string): string {
  const head = `<h2>${escapeHtml(title)} <span class="en">${escapeHtml(en)}</span></h2>`;
  if (cases.length === 0) return `${head}<p class="none">${escapeHtml(empty)}</p>`;
  const listed = cases.slice(0, MAX_LISTED);
  const rest = cases.slice(MAX_LISTED);
  const rows = listed
    .map(
      (c) =>
        `<tr><td class="id">${escapeHtml(c.id)}</td><td>${escapeHtml(c.mandatory ? 'Sì' : 'No')}</td>` +
        `<td>${escapeHtml(shorten(c.title.it, MAX_TITLE))}</td><td>${escapeHtml(shorten(c.note, MAX_NOTE))}</td></tr>`,
    )
    .join('');
  const more = rest.length
    ? `<p class="more">Altri ${rest.length} casi (dettagli nel piano di test / details in the test plan): ${idList(rest.map((c) => c.id))}</p>`
    : '';
  return `${head}<table class="cases"><colgroup><col style="width:15%"><col style="width:6%"><col style="width:31%"><col style="width:48%"></colgroup><thead><tr><th>ID</th><th>Obbl.</th><th>Titolo</th><th>Nota</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

/** The summary as a self-contained HTML page (no external resource). */
export function summaryHtml(execution: Execution): string {
  const { outcome, mandatoryNotPassed } = execution.verdict;
  const { steps, total } = outcomeCounts(execution);
  const facts = coverFacts(execution)
    .map((f) => `<tr><th>${escapeHtml(f.label)}<span class="en">${escapeHtml(f.en)}</span></th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('');
  const verdict =
    `<div class="verdict ${outcome === 'Superato' ? 'ok' : 'ko'}">Esito complessivo: <strong>${escapeHtml(outcome)}</strong>` +
    ` <span class="en">Overall verdict: ${escapeHtml(outcome === 'Superato' ? 'Passed' : 'Not passed')}</span>` +
    (mandatoryNotPassed.length
      ? `<div class="list">Casi obbligatori non superati <span class="en">mandatory cases not passed</span>: ${idList(mandatoryNotPassed)}</div>`
      : '<div class="list">Tutti i casi obbligatori sono superati <span class="en">every mandatory case passed</span></div>') +
    '</div>';
  const countHead = `<tr><th>Passo onboarding <span class="en">Onboarding step</span></th>${OUTCOMES.map(
    (o) => `<th style="background:${OUTCOME_COLOUR[o]}">${escapeHtml(o)}<span class="en">${escapeHtml(OUTCOME_EN[o])}</span></th>`,
  ).join('')}<th>Totale <span class="en">Total</span></th></tr>`;
  const countRow = (label: string, counts: Record<Outcome, number>, n: number, cls = '') =>
    `<tr class="${cls}"><td>${escapeHtml(label)}</td>${OUTCOMES.map((o) => `<td class="n">${counts[o]}</td>`).join('')}<td class="n">${n}</td></tr>`;
  const counts = [...steps.map((s) => countRow(stepTitle(s.step), s.counts, s.total)), countRow('Totale', total.counts, total.total, 'total')].join('');
  const nonConformances = execution.cases.filter((c) => c.outcome === 'Non superato');
  const environment = execution.cases.filter((c) => c.outcome === 'Problema di ambiente');
  // Every mandatory case not passed is in exactly one of the three lists below, with its note.
  const notRun = execution.cases.filter((c) => c.mandatory && c.outcome === 'Non eseguito');
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>${escapeHtml(PLAN_TITLE)}</title>
<style>
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 8.5pt; color: #1a1a1a; margin: 0; }
h1 { font-size: 14pt; margin: 0; }
h1 + .en { display: block; margin-bottom: 6pt; }
h2 { font-size: 10.5pt; margin: 9pt 0 3pt; border-bottom: 1px solid #999; }
.en { color: #666; font-weight: normal; font-style: italic; font-size: 7.5pt; margin-left: 4pt; }
table.counts th .en { display: block; margin-left: 0; }
table.counts th { overflow-wrap: normal; }
table.counts th:first-child { width: 36%; }
table { border-collapse: collapse; width: 100%; }
table.cases { table-layout: fixed; font-size: 7.5pt; }
td, th { border: 1px solid #bbb; padding: 1.5pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.facts th { width: 40%; background: #f2f2f2; font-weight: 600; }
table.facts td { font-family: 'DejaVu Sans Mono', monospace; font-size: 7.5pt; }
td.n { text-align: right; }
tr.total td { font-weight: bold; }
.id { white-space: nowrap; }
table.cases tr { break-inside: avoid; }
.verdict { margin: 8pt 0; padding: 6pt 8pt; border: 2px solid; font-size: 11pt; }
.verdict.ok { border-color: #2e7d32; background: #c6efce; }
.verdict.ko { border-color: #c62828; background: #ffc7ce; }
.verdict .list { font-size: 8.5pt; margin-top: 3pt; overflow-wrap: anywhere; }
.none, .more { margin: 2pt 0; overflow-wrap: anywhere; }
footer { margin-top: 10pt; color: #666; font-size: 7.5pt; }
</style></head>
<body>
<h1>${escapeHtml(PLAN_TITLE)}</h1><span class="en">${escapeHtml(PLAN_TITLE_EN)} — sintesi / summary</span>
<h2>Ambiente <span class="en">Environment</span></h2>
<table class="facts">${facts}</table>
${verdict}
<h2>Casi per passo ed esito <span class="en">Cases by onboarding step and outcome</span></h2>
<table class="counts">${countHead}${counts}</table>
${caseSection('Non conformità', 'Non-conformances (the platform’s answer did not match)', nonConformances, 'Nessuna / none')}
${caseSection('Problemi di ambiente', 'Environment problems (network, timeouts, 5xx): not non-conformances', environment, 'Nessuno / none')}
${caseSection('Casi obbligatori non eseguiti', 'Mandatory cases not run', notRun, 'Nessuno / none')}
<footer>Generato il ${escapeHtml(formatRome(execution.generatedAt))} (Europe/Rome) · esecuzione ${escapeHtml(execution.environment.runId)} · dettagli nel piano di test e nel report</footer>
</body></html>
`;
}

export interface PdfOptions {
  executablePath?: string;
  args?: string[];
}

/** Prints the summary of `execution` to `file` (A4) with Chromium. */
export async function writeSummaryPdf(execution: Execution, file: string, options?: PdfOptions): Promise<void> {
  const launch = options ?? resolveChromium({ playwrightExecutable: chromium.executablePath() });
  const browser = await chromium.launch({
    ...(launch.executablePath ? { executablePath: launch.executablePath } : {}),
    args: launch.args ?? [],
  });
  try {
    const page = await browser.newPage();
    // No network: the page is self-contained, anything else it would ask for is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(summaryHtml(execution), { waitUntil: 'load' });
    await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
