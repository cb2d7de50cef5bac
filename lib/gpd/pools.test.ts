import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPools, dataPools, pick, POOL_SIZES } from './pools.ts';
import { isValidIban, isValidPersonalFiscalCode } from '../ids.ts';

test('every pooled person has a valid fiscal code and every pooled IBAN is valid', () => {
  const pools = dataPools();
  assert.equal(pools.persons.length, POOL_SIZES.persons);
  assert.equal(pools.addresses.length, POOL_SIZES.addresses);
  assert.equal(pools.ibans.length, POOL_SIZES.ibans);
  for (const person of pools.persons) {
    assert.ok(isValidPersonalFiscalCode(person.fiscalCode), person.fiscalCode);
    assert.match(person.email, /^[^@\s]+@[^@\s]+$/);
    assert.ok(person.fullName.includes(' '), person.fullName);
  }
  for (const iban of pools.ibans) assert.ok(isValidIban(iban), iban);
  for (const address of pools.addresses) {
    assert.match(address.postalCode, /^[0-9]{5}$/);
    assert.match(address.province, /^[A-Z]{2}$/);
    assert.ok(address.companyName.length <= 140);
  }
});

test('the pools are built once per process and offer variety', () => {
  assert.equal(dataPools(), dataPools());
  const distinct = new Set(dataPools().persons.map((p) => p.fiscalCode));
  assert.ok(distinct.size > POOL_SIZES.persons / 2, `only ${distinct.size} distinct debtors`);
});

test('pick draws every item of a pool', () => {
  const pools = buildPools({ persons: 1, addresses: 1, ibans: 4 });
  const seen = new Set<string>();
  for (let i = 0; i < 400; i += 1) seen.add(pick(pools.ibans));
  assert.equal(seen.size, 4);
});
