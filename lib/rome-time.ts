// Calendar fields in Europe/Rome, the time zone of the plan, the reporting flows and the nightly run, whatever
// the machine's zone. One cached formatter for every caller.
const ROME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The calendar fields of an instant in Europe/Rome, the plan's time zone (whatever the machine's). */
export function romeParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const part = Object.fromEntries(ROME.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: part.year!, month: part.month!, day: part.day!, hour: part.hour!, minute: part.minute!, second: part.second! };
}

/** The calendar date `yyyy-mm-dd` of an instant in Europe/Rome. */
export function romeDate(instant: Date = new Date()): string {
  const part = romeParts(instant);
  return `${part.year}-${part.month}-${part.day}`;
}
