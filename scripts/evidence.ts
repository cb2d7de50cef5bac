// `npm run evidence`: builds the evidence pack of the last run (see lib/evidence/pack.ts) and applies
// the quality gate: exit 1, listing them, when a mandatory case did not pass.
import { loadEnvFile } from '../lib/config.ts';
import { buildPack, EvidenceInputError, printPack } from '../lib/evidence/pack.ts';

loadEnvFile(); // EVIDENCE_OWNER, EVIDENCE_HISTORY, REPORTS_DIR may be in .env
try {
  process.exitCode = printPack(await buildPack());
} catch (error) {
  if (!(error instanceof EvidenceInputError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
