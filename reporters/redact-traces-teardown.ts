// Global teardown: masks card data in every trace left in test-results/. The card-redaction reporter
// does it as each test ends; this covers runs whose reporters were replaced on the command line
// (`--reporter=list`). It runs before the reporters' onEnd, so the HTML report copies masked traces.
import { cardSecrets, runConfig } from '../lib/config.ts';
import { listFiles } from '../lib/evidence/secret-scan.ts';
import { redactTraceFile } from '../lib/evidence/trace-redaction.ts';
import { outputPaths } from '../lib/run/output-paths.ts';

export default function redactTraces(): void {
  const { config } = runConfig();
  if (!config) return; // invalid configuration: no Checkout case ran
  const secrets = cardSecrets(config);
  for (const file of listFiles(outputPaths().testResults)) if (file.endsWith('.zip')) redactTraceFile(file, secrets);
}
