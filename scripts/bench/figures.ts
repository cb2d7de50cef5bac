// The bench's shape (issue 16): each section measures some figures of SPEC §7 in one run and returns
// them; the bench prints one table (figure, measured, target, met?) and writes the same rows as JSON for
// CI history. Targets are reported, never asserted: a figure that misses its target is a finding.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';

export type BenchSize = 'full' | 'small';

export interface Figure {
  /** The figure, led by its number in issue 16 (e.g. `4 generation throughput`). */
  figure: string;
  /** The number measured (null only when the section could not measure it: see `extra`). */
  measured: number | null;
  unit: string;
  /** The target as a reader reads it (`≥ 50 000`, `≤ 1.10`); absent for a figure that is only printed. */
  target?: string;
  /** Whether the target is met; undefined for a figure without target (or not measured). */
  met: boolean | undefined;
  /** What the number is made of (sizes, counts, absolute times). */
  extra?: string;
}

export interface BenchContext {
  size: BenchSize;
  /** A scratch folder of this bench run, removed at the end. */
  workDir: string;
  /** A progress line (stderr: the table stays alone on stdout). */
  progress(line: string): void;
  /** Work shared between sections of one run (e.g. the upload file), computed once per key. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export type Section = (context: BenchContext) => Promise<Figure[]>;

/** A figure with a lower bound (`≥ target`). */
export function atLeast(figure: string, measured: number, target: number, unit: string, extra?: string): Figure {
  return { figure, measured, unit, target: `≥ ${formatNumber(target)}`, met: measured >= target, extra };
}

/** A figure with an upper bound (`≤ target`). */
export function atMost(figure: string, measured: number, target: number, unit: string, extra?: string): Figure {
  return { figure, measured, unit, target: `≤ ${formatNumber(target)}`, met: measured <= target, extra };
}

/** A figure that is printed, not judged. */
export function printed(figure: string, measured: number, unit: string, extra?: string): Figure {
  return { figure, measured, unit, met: undefined, extra };
}

/** A figure the section could not measure (its error said in `extra`). */
export function notMeasured(figure: string, reason: string): Figure {
  return { figure, measured: null, unit: '', met: undefined, extra: reason };
}

export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,/g, ' ');
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0..1) of the values, by linear interpolation. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export interface SectionRows {
  section: string;
  figures: Figure[];
  /** The section's error, when it failed before returning figures. */
  error?: string;
  seconds: number;
}

/** The one table: figure, measured, target, met?; each row's extra below it. */
export function table(rows: readonly SectionRows[]): string {
  const lines: string[][] = [['figure', 'measured', 'target', 'met?']];
  const notes = new Map<number, string>();
  for (const { section, figures, error } of rows) {
    if (error) {
      notes.set(lines.length, `section ${section} failed: ${error}`);
      lines.push([`(${section})`, '—', '—', 'error']);
    }
    for (const f of figures) {
      if (f.extra) notes.set(lines.length, f.extra);
      lines.push([
        f.figure,
        f.measured === null ? '—' : `${formatNumber(f.measured)} ${f.unit}`.trim(),
        f.target ? `${f.target} ${f.unit}`.trim() : '—',
        f.met === undefined ? '—' : f.met ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  const out: string[] = [];
  lines.forEach((line, index) => {
    out.push(
      line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    );
    if (index === 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '));
    const note = notes.get(index);
    if (note) out.push(`    ${note}`);
  });
  return out.join('\n');
}

export interface BenchReport {
  startedAt: string;
  size: BenchSize;
  machine: { node: string; cores: number; loadAverage: number[] };
  sections: SectionRows[];
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

export function machine(): BenchReport['machine'] {
  return { node: process.version, cores: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
}
