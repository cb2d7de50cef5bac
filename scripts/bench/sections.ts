import type { Section } from './figures.ts';
import { benchHarness } from './harness.ts';
import { benchBulk } from './bulk.ts';
import { benchSandbox } from './sandbox.ts';

export const SECTIONS: Record<string, Section> = {
  harness: benchHarness, // 1 harness overhead per API call
  bulk: benchBulk, // 4 bulk generation
  sandbox: benchSandbox, // 5 sandbox memory, upload processing, create p99
};
