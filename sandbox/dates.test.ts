import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Clock } from './clock.ts';
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
});
