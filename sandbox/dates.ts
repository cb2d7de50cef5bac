// Java-compatible handling of zone-less date-times (GPD uses LocalDateTime interpreted as UTC).
// Instants are kept as epoch milliseconds; these helpers parse and print them the way the
// platform's Jackson/Java code does, including its quirks.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

export class DateParseError extends Error {}

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const outOfRange = (field: string, range: string, value: number) => `Invalid value for ${field} (valid values ${range}): ${value}`;

/**
 * Why java.time's STRICT resolver (ISO_LOCAL_DATE_TIME) refuses these fields, or undefined when they
 * make a real date-time: the date first (month, day, then the calendar), then the time (minute before
 * hour, as Parsed.resolveTime checks them).
 */
function invalidReason(y: number, mo: number, d: number, h: number, mi: number, s: number): string | undefined {
  if (mo < 1 || mo > 12) return outOfRange('MonthOfYear', '1 - 12', mo);
  if (d < 1 || d > 31) return outOfRange('DayOfMonth', '1 - 28/31', d);
  const length = mo === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  if (d > length) return d === 29 ? `Invalid date 'February 29' as '${y}' is not a leap year` : `Invalid date '${MONTHS[mo - 1]} ${d}'`;
  if (mi > 59) return outOfRange('MinuteOfHour', '0 - 59', mi);
  if (h > 23) return outOfRange('HourOfDay', '0 - 23', h);
  if (s > 59) return outOfRange('SecondOfMinute', '0 - 59', s);
  return undefined;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (invalidReason(y, mo, d, h, mi, s) !== undefined) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

/** DateTimeFormatter quotes at most 64 characters of the text in its messages. */
const abbreviate = (text: string) => (text.length > 64 ? `${text.slice(0, 64)}...` : text);

/** The calendar fields of a date-time text (`yyyy-MM-ddTHH:mm[:ss[.fraction]]`), checked as java.time does. */
function dateTimeFields(text: string, m: RegExpExecArray): number {
  const [, y, mo, d, h, mi, s, frac] = m;
  const reason = invalidReason(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (reason !== undefined) throw new DateParseError(`Text '${abbreviate(text)}' could not be parsed: ${reason}`);
  const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  return utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms)!;
}

/**
 * Parses a request date-time as Jackson's lenient LocalDateTime deserializer does: `2025-03-01T10:00`,
 * optional seconds and fraction, an optional trailing `Z`; any other offset is an error. Impossible
 * dates (`2025-02-30`) and out-of-range fields are refused with java.time's messages.
 */
export function parseLocalDateTime(text: string): number {
  const m = DATE_TIME.exec(text);
  const rest = m ? text.slice(m[0].length) : text;
  if (!m || (rest !== '' && rest !== 'Z')) {
    const where = m ? `, unparsed text found at index ${m[0].length}` : ' at index 0';
    throw new DateParseError(`Text '${abbreviate(text)}' could not be parsed${where}`);
  }
  return dateTimeFields(text, m);
}

const OFFSET = /^(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO date-time with `Z` or an offset (`+01:00`, at most ±18:00 as java.time's ZoneOffset), as epoch
 * milliseconds; impossible dates and out-of-range fields are refused (unlike Date.parse, which rolls
 * 2025-02-30 over to 2 March).
 */
export function parseOffsetDateTime(text: string): number {
  const m = DATE_TIME.exec(text);
  const offset = m ? OFFSET.exec(text.slice(m[0].length)) : null;
  if (!m || !offset) throw new DateParseError(`Text '${abbreviate(text)}' could not be parsed`);
  const local = dateTimeFields(text, m);
  if (offset[1] === undefined) return local;
  const [hours, minutes] = [Number(offset[2]), Number(offset[3])];
  if (minutes > 59 || hours * 60 + minutes > 18 * 60) throw new DateParseError(`Text '${abbreviate(text)}' could not be parsed: invalid offset`);
  return local - (offset[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
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
