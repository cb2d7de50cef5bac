// Pre-computed pools of debtor data for the position factory (issue 16). Faker is slow per call
// (tens of µs for a person with an address), which made it the cost of a 100 000-position upload
// file; so faker builds, once per process, a pool of persons (name, e-mail and a valid personal
// fiscal code computed from them), of addresses and of IBANs, and each position draws from them.
// Identifiers that must be unique (IUPD, IUV) are never pooled: the factory makes them per call.
// The Italian locale alone: the package's index loads every locale (~40 MB of RSS, issue 16).
import { faker } from '@faker-js/faker/locale/it';
import { makeItalianIban, makePersonalFiscalCode } from '../ids.ts';

export interface PooledPerson {
  fiscalCode: string;
  fullName: string;
  email: string;
}

export interface PooledAddress {
  streetName: string;
  civicNumber: string;
  postalCode: string;
  city: string;
  province: string;
  /** `Comune di <city>`, the creditor's name on the notice. */
  companyName: string;
}

export interface DataPools {
  persons: readonly PooledPerson[];
  addresses: readonly PooledAddress[];
  ibans: readonly string[];
}

/** Sizes of the pools: enough variety for a plan's evidence, small enough to build in ~0.1 s. */
export const POOL_SIZES = { persons: 1024, addresses: 512, ibans: 64 } as const;

const BELFIORE = ['H501', 'F205', 'L219', 'G273', 'A944'] as const;

function person(): PooledPerson {
  const sex = faker.helpers.arrayElement(['M', 'F'] as const);
  const name = faker.person.firstName(sex === 'M' ? 'male' : 'female');
  const surname = faker.person.lastName();
  const birthDate = faker.date.birthdate({ min: 18, max: 90, mode: 'age' });
  return {
    fiscalCode: makePersonalFiscalCode({ surname, name, birthDate, sex, belfiore: faker.helpers.arrayElement(BELFIORE) }),
    fullName: `${name} ${surname}`,
    email: faker.internet.email({ firstName: name, lastName: surname }).toLowerCase(),
  };
}

function address(): PooledAddress {
  return {
    streetName: faker.location.street(),
    civicNumber: faker.location.buildingNumber(),
    postalCode: faker.location.zipCode('#####'),
    city: faker.location.city(),
    province: faker.location.state({ abbreviated: true }).slice(0, 2).toUpperCase(),
    companyName: `Comune di ${faker.location.city()}`.slice(0, 140),
  };
}

function iban(): string {
  return makeItalianIban({ abi: faker.string.numeric(5), cab: faker.string.numeric(5), account: faker.string.numeric(12) });
}

/** Builds fresh pools of the given sizes (each item made by faker once). */
export function buildPools(sizes: { persons: number; addresses: number; ibans: number } = POOL_SIZES): DataPools {
  return {
    persons: Array.from({ length: sizes.persons }, person),
    addresses: Array.from({ length: sizes.addresses }, address),
    ibans: Array.from({ length: sizes.ibans }, iban),
  };
}

let shared: DataPools | undefined;

/** The process's pools, built on first use. */
export function dataPools(): DataPools {
  shared ??= buildPools();
  return shared;
}

/** A uniformly random item of a non-empty pool. */
export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}
