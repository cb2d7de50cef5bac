// The pack folder's time stamp is the run's start in Europe/Rome, whatever the machine's zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { romeStamp } from './pack.ts';

test('romeStamp: summer +2, winter +1, across midnight', () => {
  assert.equal(romeStamp(new Date('2026-07-01T22:30:00Z')), '20260702-0030');
  assert.equal(romeStamp(new Date('2026-01-01T10:05:00Z')), '20260101-1105');
});
