// `npm run evidence`: builds the evidence pack of the last run (see lib/evidence/pack.ts) and applies
// the quality gate: exit 1, listing them, when a mandatory case did not pass.
import { relative } from 'node:path';
import { loadEnvFile } from '../lib/config.ts';
import { buildPack, EvidenceInputError } from '../lib/evidence/pack.ts';
import { OUTCOMES } from '../lib/evidence/execution.ts';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);

loadEnvFile(); // EVIDENCE_OWNER, EVIDENCE_HISTORY, REPORTS_DIR may be in .env
try {
  const { dir, execution, sizes } = await buildPack();
  console.log(`Pacchetto di evidenze / Evidence pack: ${relative(process.cwd(), dir)}/`);
  for (const [file, bytes] of Object.entries(sizes)) console.log(`  ${file.padEnd(20)} ${size(bytes)}`);
  const counts = OUTCOMES.map((outcome) => `${outcome}: ${execution.cases.filter((c) => c.outcome === outcome).length}`);
  console.log(`Casi / Cases: ${execution.cases.length} (${counts.join(', ')})`);
  if (execution.verdict.outcome === 'Superato') {
    console.log('Esito complessivo / Overall verdict: Superato — every mandatory case passed.');
  } else {
    console.error('Esito complessivo / Overall verdict: Non superato — mandatory cases not passed:');
    for (const id of execution.verdict.mandatoryNotPassed) {
      const c = execution.cases.find((entry) => entry.id === id)!;
      console.error(`  ${id} ${c.outcome}${c.note ? ` — ${c.note}` : ''}`);
    }
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof EvidenceInputError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
