// The shared test plan's columns, defined once: the spreadsheet and the Markdown plan both render
// these (header in Italian, value of a case, spreadsheet width). Also the facts of the cover, the
// verdict line and the counts by onboarding step × outcome, shared by the three writers (xlsx,
// Markdown, PDF summary). Everything comes from the `Execution` object; area and step titles from
// the catalogue.
import { romeParts } from '../../rome-time.ts';
import { AREAS, ONBOARDING_STEPS, type OnboardingStep } from '../../catalogue.ts';
import { OUTCOMES, type CaseExecution, type Execution, type Outcome } from '../execution.ts';

export const PLAN_TITLE = 'Piano di test condiviso — modalità asincrona (GPD)';
export const PLAN_TITLE_EN = 'Shared test plan — asynchronous mode (GPD)';

export type ColumnKey =
  'id' | 'step' | 'area' | 'title' | 'preconditions' | 'steps' | 'expected' | 'outcome' | 'mandatory' | 'start' | 'end' | 'duration' | 'evidence' | 'note';

export interface PlanColumn {
  key: ColumnKey;
  /** Header, in Italian (the plan's language). */
  header: string;
  /** Column width in the spreadsheet (characters). */
  width: number;
  /** The cell's text; lines separated by `\n`. */
  value: (c: CaseExecution) => string;
}

/** `dd/MM/yyyy HH:mm:ss` of an ISO instant in Europe/Rome; '' when absent or invalid. */
export function formatRome(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const part = romeParts(date);
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}:${part.second}`;
}

const SECONDS = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A duration in Italian: `1,2 s`, `2 min 5 s`; '' when absent. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 60_000) return `${SECONDS.format(ms / 1000)} s`;
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours} h ${minutes} min ${seconds} s` : `${minutes} min ${seconds} s`;
}

/** The step's title, e.g. "Passo 6 — Test delle funzionalità principali" (falls back to "Passo N"). */
export function stepTitle(step: OnboardingStep, lang: 'it' | 'en' = 'it'): string {
  return ONBOARDING_STEPS[step]?.[lang] ?? `${lang === 'it' ? 'Passo' : 'Step'} ${step}`;
}

/** The area's Italian title, with the official step-6 sub-activity letter when it has one ("a) Creazione …"). */
export function areaTitle(c: CaseExecution): string {
  const area = AREAS[c.area];
  if (!area) return c.area;
  return area.activity ? `${area.activity}) ${area.it}` : area.it;
}

function notes(c: CaseExecution): string {
  const lines: string[] = [];
  if (c.note) lines.push(c.note);
  if (c.knownDifference) lines.push(`Differenza nota: ${c.knownDifference.it} (${c.knownDifference.source})`);
  return lines.join('\n');
}

export const PLAN_COLUMNS: readonly PlanColumn[] = [
  { key: 'id', header: 'ID', width: 14, value: (c) => c.id },
  { key: 'step', header: 'Passo onboarding', width: 11, value: (c) => String(c.onboardingStep) },
  { key: 'area', header: 'Area', width: 24, value: areaTitle },
  { key: 'title', header: 'Titolo', width: 40, value: (c) => `${c.title.it}\n${c.title.en}` },
  { key: 'preconditions', header: 'Precondizioni', width: 36, value: (c) => c.preconditions.it },
  { key: 'steps', header: 'Passi', width: 50, value: (c) => c.steps.it.map((s, i) => `${i + 1}. ${s}`).join('\n') },
  { key: 'expected', header: 'Esito atteso', width: 40, value: (c) => c.expected.it },
  { key: 'outcome', header: 'Esito ottenuto', width: 16, value: (c) => c.outcome },
  { key: 'mandatory', header: 'Obbligatorio', width: 12, value: (c) => (c.mandatory ? 'Sì' : 'No') },
  { key: 'start', header: 'Inizio', width: 20, value: (c) => formatRome(c.start) },
  { key: 'end', header: 'Fine', width: 20, value: (c) => formatRome(c.end) },
  { key: 'duration', header: 'Durata', width: 10, value: (c) => formatDuration(c.durationMs) },
  { key: 'evidence', header: "Riferimento all'evidenza", width: 44, value: (c) => [c.reportLink ?? '', ...c.requestIds].filter(Boolean).join('\n') },
  { key: 'note', header: 'Note', width: 48, value: notes },
];

export interface StepCounts {
  step: OnboardingStep;
  counts: Record<Outcome, number>;
  total: number;
}

function zero(): Record<Outcome, number> {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
}

/** Counts by onboarding step (ascending, only steps with cases) × outcome (all four always present), and the totals. */
export function outcomeCounts(execution: Execution): { steps: StepCounts[]; total: { counts: Record<Outcome, number>; total: number } } {
  const bySteps = new Map<OnboardingStep, StepCounts>();
  const total = { counts: zero(), total: 0 };
  for (const c of execution.cases) {
    let row = bySteps.get(c.onboardingStep);
    if (!row) bySteps.set(c.onboardingStep, (row = { step: c.onboardingStep, counts: zero(), total: 0 }));
    row.counts[c.outcome] += 1;
    row.total += 1;
    total.counts[c.outcome] += 1;
    total.total += 1;
  }
  return { steps: [...bySteps.values()].sort((a, b) => Number(a.step) - Number(b.step)), total };
}

/** The cases grouped by onboarding step (ascending), each group in the model's order. */
export function casesByStep(execution: Execution): { step: OnboardingStep; cases: CaseExecution[] }[] {
  const groups = new Map<OnboardingStep, CaseExecution[]>();
  for (const c of execution.cases) groups.set(c.onboardingStep, [...(groups.get(c.onboardingStep) ?? []), c]);
  return [...groups.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([step, cases]) => ({ step, cases }));
}

export interface CoverFact {
  /** Italian label, then the English one. */
  label: string;
  en: string;
  value: string;
}

const NOT_SET = '(non indicato / not set)';

/** The facts of the cover, in order: environment, run, versions, key fingerprints (never a key), owner. */
export function coverFacts(execution: Execution): CoverFact[] {
  const env = execution.environment;
  const facts: CoverFact[] = [
    ...(env.evidenceSource ? [{ label: 'Origine delle evidenze', en: `Evidence source: ${env.evidenceSource.en}`, value: env.evidenceSource.it }] : []),
    { label: 'Ente creditore (codice fiscale)', en: 'Creditor body (fiscal code)', value: env.ecFiscalCode },
    { label: 'Intermediario', en: 'Broker', value: env.brokerCode },
    { label: 'Stazione', en: 'Station', value: env.stationId },
    { label: 'Codice di segregazione', en: 'Segregation code', value: env.segregationCode },
    { label: 'Ambiente di destinazione', en: 'Target environment', value: env.target },
    { label: 'URL delle API', en: 'API URL', value: env.apiBaseUrl },
    { label: 'URL di Checkout', en: 'Checkout URL', value: env.checkoutUrl },
    { label: 'Data e ora dell’esecuzione (Europe/Rome)', en: 'Run date and time', value: formatRome(execution.startedAt) },
    { label: 'Durata dell’esecuzione', en: 'Run duration', value: formatDuration(execution.durationMs) },
    { label: 'Identificativo dell’esecuzione', en: 'Run id', value: env.runId },
    ...(env.shards
      ? [{ label: 'Shard riunite in questa esecuzione', en: 'Shards merged into this run', value: `${env.shards.length}: ${env.shards.join(', ')}` }]
      : []),
    { label: 'Versione della suite', en: 'Suite version', value: env.suiteVersion },
    { label: 'Versione di Playwright', en: 'Playwright version', value: env.playwrightVersion },
    { label: 'Versione di Node.js', en: 'Node.js version', value: env.nodeVersion },
  ];
  const products = Object.keys(env.keyFingerprints).sort();
  if (products.length === 0) facts.push({ label: 'Impronta della chiave', en: 'Key fingerprint', value: NOT_SET });
  for (const product of products)
    facts.push({ label: `Impronta della chiave — ${product}`, en: `Key fingerprint — ${product}`, value: env.keyFingerprints[product] ?? '' });
  facts.push({ label: 'Responsabile del piano', en: 'Plan owner', value: env.owner || NOT_SET });
  return facts.map((f) => ({ ...f, value: f.value === '' ? NOT_SET : f.value }));
}

/** "Superato", or "Non superato — casi obbligatori non superati: A, B" (plain text). */
export function verdictText(execution: Execution): string {
  const { outcome, mandatoryNotPassed } = execution.verdict;
  if (outcome === 'Superato') return 'Superato';
  return mandatoryNotPassed.length > 0 ? `Non superato — casi obbligatori non superati: ${mandatoryNotPassed.join(', ')}` : 'Non superato';
}
