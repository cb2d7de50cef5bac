// `npm run report`: the Allure report of the last run (the same one the evidence pack holds).
import { relative } from 'node:path';
import { loadEnvFile } from '../lib/config.ts';
import { buildReport, EvidenceInputError } from '../lib/evidence/pack.ts';

loadEnvFile(); // EVIDENCE_OWNER, EVIDENCE_HISTORY, REPORTS_DIR may be in .env
try {
  console.log(`Report: ${relative(process.cwd(), await buildReport())}`);
} catch (error) {
  if (!(error instanceof EvidenceInputError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
