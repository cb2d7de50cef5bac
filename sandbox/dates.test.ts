import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOCK_MAX_MS, CLOCK_MIN_MS, Clock } from './clock.ts';
import { DateParseError, format12h, formatLocalDateTime, javaLocalDateTimeString, parseLocalDate, parseLocalDateTime } from './dates.ts';

const ms = (iso: string) => Date.parse(`${iso}Z`);

describe('dates', () => {
  it('parses zone-less date-times, with fraction or trailing Z, as UTC', () => {
    assert.equal(parseLocalDateTime('2025-03-01T10:00:00'), ms('2025-03-01T10:00:00'));
    assert.equal(parseLocalDateTime('2025-03-01T10:00'), ms('2025-03-01T10:00:00'));
    assert.equal(parseLocalDateTime('2025-03-01T10:00:00.123456'), ms('2025-03-01T10:00:00.123'));
    assert.equal(parseLocalDateTime('2025-03-01T10:00:00.5Z'), ms('2025-03-01T10:00:00.500'));
  });

  it('rejects offsets, impossible dates and garbage with java.time messages', () => {
    assert.throws(
      () => parseLocalDateTime('2025-03-01T10:00:00+01:00'),
      new DateParseError("Text '2025-03-01T10:00:00+01:00' could not be parsed, unparsed text found at index 19"),
    );
    assert.throws(() => parseLocalDateTime('2025-02-30T10:00:00'), DateParseError);
    assert.throws(() => parseLocalDateTime('2025-03-01'), new DateParseError("Text '2025-03-01' could not be parsed at index 0"));
    assert.equal(parseLocalDate('2025-02-29'), undefined);
    assert.equal(parseLocalDate('2024-02-29'), ms('2024-02-29T00:00:00'));
  });

  it('refuses impossible calendar dates and out-of-range fields with the java.time (STRICT) messages', () => {
    const cases: [string, string][] = [
      ['2025-02-30T00:00:00', "Invalid date 'FEBRUARY 30'"],
      ['2025-04-31T10:00:00Z', "Invalid date 'APRIL 31'"],
      ['2025-02-29T00:00', "Invalid date 'February 29' as '2025' is not a leap year"],
      ['2025-13-01T00:00:00', 'Invalid value for MonthOfYear (valid values 1 - 12): 13'],
      ['2025-00-01T00:00:00', 'Invalid value for MonthOfYear (valid values 1 - 12): 0'],
      ['2025-01-32T00:00:00', 'Invalid value for DayOfMonth (valid values 1 - 28/31): 32'],
      ['2025-01-00T00:00:00', 'Invalid value for DayOfMonth (valid values 1 - 28/31): 0'],
      ['2025-01-01T24:00:00', 'Invalid value for HourOfDay (valid values 0 - 23): 24'],
      ['2025-01-01T10:60', 'Invalid value for MinuteOfHour (valid values 0 - 59): 60'],
      ['2025-01-01T10:00:60.5', 'Invalid value for SecondOfMinute (valid values 0 - 59): 60'],
      // The date is resolved before the time, the minute before the hour.
      ['2025-02-30T24:00:00', "Invalid date 'FEBRUARY 30'"],
      ['2025-01-01T24:60:00', 'Invalid value for MinuteOfHour (valid values 0 - 59): 60'],
    ];
    for (const [text, reason] of cases) {
      assert.throws(() => parseLocalDateTime(text), new DateParseError(`Text '${text}' could not be parsed: ${reason}`), text);
    }
    assert.equal(parseLocalDateTime('2024-02-29T23:59:59.999'), ms('2024-02-29T23:59:59.999'));
    // DateTimeFormatter abbreviates texts longer than 64 characters.
    const long = `2025-03-01T10:00:00${'0'.repeat(60)}`;
    assert.throws(() => parseLocalDateTime(long), new DateParseError(`Text '${long.slice(0, 64)}...' could not be parsed, unparsed text found at index 19`));
  });

  it('prints responses without zone, messages on a 12-hour clock, and Java toString', () => {
    assert.equal(formatLocalDateTime(ms('2025-03-01T10:00:00')), '2025-03-01T10:00:00');
    assert.equal(formatLocalDateTime(ms('2025-03-01T10:00:00.120')), '2025-03-01T10:00:00.12');
    assert.equal(format12h(ms('2025-03-01T15:04:05')), '2025-03-01 03:04:05');
    assert.equal(format12h(ms('2025-03-01T00:30:00')), '2025-03-01 12:30:00');
    assert.equal(javaLocalDateTimeString(ms('2025-03-01T00:00:00')), '2025-03-01T00:00');
    assert.equal(javaLocalDateTimeString(ms('2025-03-01T10:30:15.100')), '2025-03-01T10:30:15.100');
    assert.equal(javaLocalDateTimeString(ms('2025-03-01T23:59:59.999'), true), '2025-03-01T23:59:59.999999999');
  });
});

describe('clock', () => {
  it('follows its source, and can be set and advanced', () => {
    let source = 1_000;
    const clock = new Clock(() => source);
    assert.equal(clock.millis(), 1_000);
    clock.advance(500);
    source += 10;
    assert.equal(clock.millis(), 1_510);
    clock.set(new Date(5_000));
    assert.equal(clock.now().getTime(), 5_000);
    source += 10;
    assert.equal(clock.millis(), 5_010);
    assert.throws(() => clock.advance(Number.NaN), RangeError);
  });

  it('refuses instants outside 1970..9999 and stays where it was', () => {
    const clock = new Clock(() => Date.UTC(2025, 0, 1));
    for (const move of [
      () => clock.advance(8_640_000_000_000_000),
      () => clock.advance(-Date.UTC(2025, 0, 1) - 1),
      () => clock.set(Date.UTC(10_000, 0, 1)),
      () => clock.set(-1),
    ]) {
      assert.throws(move, RangeError);
      assert.equal(clock.now().toISOString(), '2025-01-01T00:00:00.000Z');
    }
    clock.set(CLOCK_MAX_MS);
    assert.equal(clock.now().toISOString(), '9999-12-31T23:59:59.999Z');
    clock.set(CLOCK_MIN_MS);
    assert.equal(clock.millis(), 0);
  });
});
