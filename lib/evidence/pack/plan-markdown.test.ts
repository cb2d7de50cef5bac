import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OUTCOMES } from '../execution.ts';
import { PLAN_COLUMNS, outcomeCounts } from './plan-columns.ts';
import { markdownCell, planMarkdown } from './plan-markdown.ts';
import { largeExecution, passingExecution, sampleExecution } from './sample-execution.ts';

/** The cells of a Markdown table row (a `|` preceded by a backslash is text). */
function cells(row: string): string[] {
  const parts = row.split(/(?<!\\)\|/);
  assert.equal(parts.shift()?.trim(), '', row);
  assert.equal(parts.pop()?.trim(), '', row);
  return parts.map((p) => p.trim());
}

/** The tables of a Markdown text: runs of lines starting with `|`. */
function tables(markdown: string): string[][] {
  const result: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) (current ??= []).push(line);
    else if (current) {
      result.push(current);
      current = undefined;
    }
  }
  if (current) result.push(current);
  return result;
}

test('cells escape pipes, newlines and HTML', () => {
  assert.equal(markdownCell('a | b\nc\r\nd'), 'a \\| b<br>c<br>d');
  assert.equal(markdownCell('<script>&'), '&lt;script&gt;&amp;');
  assert.equal(markdownCell('back\\|slash'), 'back\\\\\\|slash');
  assert.equal(cells(`| ${markdownCell('x\\|y|z')} |`).length, 1);
});

test('every table row has the right number of columns, even with | and newlines in a note', () => {
  const execution = sampleExecution();
  const markdown = planMarkdown(execution);
  const all = tables(markdown);
  // The counts table, then one table per onboarding step (2, 6, 8, 9).
  assert.equal(all.length, 1 + 4);
  const [counts, ...plans] = all;
  for (const row of counts!) assert.equal(cells(row).length, OUTCOMES.length + 2, row);
  for (const table of plans) {
    assert.deepEqual(
      cells(table[0]!),
      PLAN_COLUMNS.map((c) => c.header),
    );
    for (const row of table) assert.equal(cells(row).length, PLAN_COLUMNS.length, row);
  }
  const ids = plans.flatMap((table) => table.slice(2).map((row) => cells(row)[0]));
  assert.deepEqual(ids, ['ACC-01', 'ACC-02', 'GPD-CRE-01', 'GPD-CRE-02', 'BLK-01', 'PAY-01', 'PAY-02', 'RIC-01']);
  const note = plans[1]!.slice(2).find((row) => row.startsWith('| GPD-CRE-02 '))!;
  assert.ok(note.includes('Atteso 201 \\| ottenuto 400<br>body: {"title":"Bad Request"}'), note);
  // After the first step heading, only tables, headings, blank lines and the signature lines.
  const tail = markdown.slice(markdown.indexOf('## Passo 2')).split('\n');
  for (const line of tail) assert.match(line, /^(\||## |$|Firma: |Data: )/, 'no stray line: a newline escaped the cell');
});

test('the verdict line names the mandatory cases not passed, or says Superato', () => {
  assert.match(planMarkdown(sampleExecution()), /^Esito complessivo: \*\*Non superato\*\* — casi obbligatori non superati: GPD-CRE-02, PAY-01, RIC-01$/m);
  const passing = planMarkdown(passingExecution());
  assert.match(passing, /^Esito complessivo: \*\*Superato\*\*$/m);
  assert.doesNotMatch(passing, /Non superato\*\*/);
});

test('the counts table has every step × every outcome, and the totals', () => {
  const execution = sampleExecution();
  const counts = tables(planMarkdown(execution))[0]!.map(cells);
  assert.deepEqual(counts[0], ['Passo onboarding', ...OUTCOMES, 'Totale']);
  const byLabel = Object.fromEntries(counts.slice(2).map((row) => [row[0]!.replace(/ —.*/, ''), row.slice(1).map(Number)]));
  assert.deepEqual(byLabel, {
    'Passo 2': [2, 0, 0, 0, 2],
    'Passo 6': [1, 1, 0, 1, 3],
    'Passo 8': [0, 1, 1, 0, 2],
    'Passo 9': [0, 0, 0, 1, 1],
    Totale: [3, 2, 1, 2, 8],
  });
  const all = outcomeCounts(execution);
  assert.deepEqual(Object.keys(all.steps[0]!.counts), [...OUTCOMES], 'all four outcomes, even at zero');
});

test('the cover facts are listed, with the owner and the fingerprints', () => {
  const markdown = planMarkdown(sampleExecution());
  assert.match(markdown, /^# Piano di test condiviso — modalità asincrona \(GPD\)$/m);
  assert.match(markdown, /^- \*\*Ente creditore \(codice fiscale\)\*\*: 77777777777$/m);
  assert.match(markdown, /^- \*\*Responsabile del piano\*\*: Mario Rossi &lt;mario.rossi@example.it&gt;$/m);
  assert.match(markdown, /^- \*\*Impronta della chiave — gpd\*\*: sha256:3f1c/m);
  assert.match(markdown, /^- \*\*Data e ora dell’esecuzione \(Europe\/Rome\)\*\*: 01\/07\/2026 12:00:00$/m);
});

test('a large execution keeps every case once', () => {
  const execution = largeExecution(80);
  const ids = tables(planMarkdown(execution))
    .slice(1)
    .flatMap((table) => table.slice(2).map((row) => cells(row)[0]));
  assert.equal(ids.length, 80);
  assert.deepEqual(new Set(ids), new Set(execution.cases.map((c) => c.id)));
});
