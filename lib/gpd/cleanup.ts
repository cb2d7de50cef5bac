// The sweep as the command line and the end of a run use it: a GPD client of its own (no evidence
// steps: it runs outside any test) and a report in plain lines. The in-test sweep of the teardown
// project uses the fixtures' client instead, so that its calls are evidence.
import type { SuiteConfig } from '../config.ts';
import { GpdClient } from '../http/gpd-client.ts';
import { productClients } from '../http/product-clients.ts';
import { runPrefix, sweepPositions, type SweepOptions, type SweepResult } from './sweep.ts';

export function sweepWithOwnClient(config: SuiteConfig, runId: string | undefined, options: SweepOptions = {}): Promise<SweepResult> {
  const client = productClients(config).gpd;
  const gpd = new GpdClient((operation) => client.send(operation.request), config.ecFiscalCode);
  return sweepPositions(gpd, runPrefix(runId), { maxPages: 200, ...options });
}

export function describeSweep(result: SweepResult): string[] {
  const lines = [
    `found ${result.found}, deleted ${result.deleted.length}, invalidated ${result.invalidated.length}, kept ${result.kept.length} (paid or closed), failed ${result.failed.length}`,
  ];
  for (const kept of result.kept) lines.push(`  kept: ${kept}`);
  for (const failed of result.failed) lines.push(`  NOT removed: ${failed}`);
  for (const run of result.skipped) {
    const why = run.reason === 'locked' ? 'it holds the run lock of this folder' : `it was active at ${run.lastActivity}`;
    lines.push(
      `  skipped run ${run.runId} (${run.positions} positions): ${why}, so it may still be in progress; \`npm run cleanup -- ${run.runId}\` removes them`,
    );
  }
  return lines;
}
