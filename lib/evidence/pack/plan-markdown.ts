// The shared test plan as Markdown, for a ticket or an e-mail: the cover facts, the verdict, the
// counts by onboarding step × outcome, then one table per onboarding step with the plan's columns.
import { OUTCOMES, type Execution } from '../execution.ts';
import { PLAN_COLUMNS, PLAN_TITLE, PLAN_TITLE_EN, casesByStep, coverFacts, outcomeCounts, stepTitle } from './plan-columns.ts';

/** A table cell: HTML-significant characters as entities, `|` escaped, newlines as `<br>`. */
export function markdownCell(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
    .trim();
}

function tableRow(cells: string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

function table(header: string[], rows: string[][]): string[] {
  return [tableRow(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(tableRow)];
}

/** Markdown for a text outside a table: no line starts a block, no inline markup. */
function inline(value: string): string {
  return markdownCell(value).replace(/([*_`[\]#])/g, '\\$1');
}

/** The verdict line: "Esito complessivo: **Superato**" or "… **Non superato** — casi obbligatori non superati: …". */
export function verdictLine(execution: Execution): string {
  const { outcome, mandatoryNotPassed } = execution.verdict;
  if (outcome === 'Superato') return 'Esito complessivo: **Superato**';
  const list = mandatoryNotPassed.length > 0 ? ` — casi obbligatori non superati: ${mandatoryNotPassed.map(inline).join(', ')}` : '';
  return `Esito complessivo: **Non superato**${list}`;
}

/** The whole plan as Markdown. */
export function planMarkdown(execution: Execution): string {
  const { steps, total } = outcomeCounts(execution);
  const lines: string[] = [`# ${PLAN_TITLE}`, '', `_${PLAN_TITLE_EN}_`, ''];
  for (const fact of coverFacts(execution)) lines.push(`- **${fact.label}**: ${inline(fact.value)}`);
  lines.push('', verdictLine(execution), '', '## Casi per passo di onboarding ed esito', '');
  lines.push(
    ...table(
      ['Passo onboarding', ...OUTCOMES, 'Totale'],
      [
        ...steps.map((s) => [stepTitle(s.step), ...OUTCOMES.map((o) => String(s.counts[o])), String(s.total)]),
        ['Totale', ...OUTCOMES.map((o) => String(total.counts[o])), String(total.total)],
      ],
    ),
  );
  for (const group of casesByStep(execution)) {
    lines.push('', `## ${inline(stepTitle(group.step))}`, '');
    lines.push(
      ...table(
        PLAN_COLUMNS.map((c) => c.header),
        group.cases.map((c) => PLAN_COLUMNS.map((column) => column.value(c))),
      ),
    );
  }
  lines.push('', 'Firma: ____________', '', 'Data: ____________', '');
  return lines.join('\n');
}
