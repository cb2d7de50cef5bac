// The bench's sections, in the order they run: one line each (name: function returning its figures).
import type { Section } from './figures.ts';
import { benchHarness } from './harness.ts';
import { benchBulk } from './bulk.ts';
import { benchSandbox } from './sandbox.ts';
import { benchRun } from './run.ts';
import { allowanceSection } from './allowance.ts';
import { recorderSection } from './recorder.ts';

export const SECTIONS: Record<string, Section> = {
  harness: benchHarness, // 1 harness overhead per API call
  allowance: allowanceSection, // 2 rate allowance used across workers
  bulk: benchBulk, // 4 bulk generation
  sandbox: benchSandbox, // 5 sandbox memory, upload processing, create p99
  recorder: recorderSection, // issue 15: the recording proxy's overhead per call, calls lost
  run: benchRun, // 3 full offline run vs its bounds, 6 evidence pack, 7 UAT run time
};
