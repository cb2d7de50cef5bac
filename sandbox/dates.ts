// Java-compatible handling of zone-less date-times (GPD uses LocalDateTime interpreted as UTC).
// Instants are kept as epoch milliseconds; these helpers parse and print them the way the
// platform's Jackson/Java code does, including its quirks.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

export class DateParseError extends Error {}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  // Reject dates that rolled over (e.g. 2025-02-30).
  return date.getUTCDate() === d ? date.getTime() : undefined;
}

/**
 * Parses a request date-time as Jackson's lenient LocalDateTime deserializer does: `2025-03-01T10:00`,
 * optional seconds and fraction, an optional trailing `Z`; any other offset is an error.
 */
export function parseLocalDateTime(text: string): number {
  const m = DATE_TIME.exec(text);
  const rest = m ? text.slice(m[0].length) : text;
  if (!m || (rest !== '' && rest !== 'Z')) {
    const where = m ? `, unparsed text found at index ${m[0].length}` : ' at index 0';
    throw new DateParseError(`Text '${text}' could not be parsed${where}`);
  }
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  const value = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (value === undefined) throw new DateParseError(`Text '${text}' could not be parsed: Invalid date`);
  return value;
}

/** Parses an ISO date `yyyy-MM-dd` (query parameters) to the start of that day, UTC. */
export function parseLocalDate(text: string): number | undefined {
  const m = DATE.exec(text);
  return m ? utc(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

/** Response serialisation (ISO_LOCAL_DATE_TIME): seconds always, fraction without trailing zeros. */
export function formatLocalDateTime(ms: number): string {
  const p = parts(ms);
  const fraction = p.ms ? `.${pad(p.ms, 3).replace(/0+$/, '')}` : '';
  return `${p.date}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${fraction}`;
}

/** The validators' `yyyy-MM-dd hh:mm:ss` pattern: note `hh`, a 12-hour clock without AM/PM. */
export function format12h(ms: number): string {
  const p = parts(ms);
  return `${p.date} ${pad(p.h % 12 === 0 ? 12 : p.h % 12)}:${pad(p.mi)}:${pad(p.s)}`;
}

/**
 * Java's LocalDateTime.toString(): seconds omitted when zero, fraction in groups of 3 digits.
 * `endOfDay` marks a value built with LocalTime.MAX (23:59:59.999999999).
 */
export function javaLocalDateTimeString(ms: number, endOfDay = false): string {
  const p = parts(ms);
  if (endOfDay) return `${p.date}T23:59:59.999999999`;
  const time = `${pad(p.h)}:${pad(p.mi)}`;
  if (p.s === 0 && p.ms === 0) return `${p.date}T${time}`;
  return `${p.date}T${time}:${pad(p.s)}${p.ms ? `.${pad(p.ms, 3)}` : ''}`;
}
