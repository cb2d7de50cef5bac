// `npm run evidence`: builds the evidence pack of the last run (see lib/evidence/pack.ts) and applies
// the quality gate: exit 1, listing them, when a mandatory case did not pass.
// `npm run evidence -- --from-recording <file|URL>`: the same pack from the recorded calls of the EC's own
// software (a recording file, or the sandbox / recorder URL), see lib/ec-software/recording-pack.ts.
import { loadEnvFile } from '../lib/config.ts';
import { buildPack, EvidenceInputError, printPack } from '../lib/evidence/pack.ts';
import { buildRecordingPack, loadRecording } from '../lib/ec-software/recording-pack.ts';
import { outputPaths } from '../lib/run/output-paths.ts';

loadEnvFile(); // EVIDENCE_OWNER, EVIDENCE_HISTORY, REPORTS_DIR may be in .env
const args = process.argv.slice(2);
const from = args.indexOf('--from-recording');
try {
  if (from >= 0) {
    const source = args[from + 1];
    if (!source) throw new EvidenceInputError('--from-recording needs a recording file or the sandbox/recorder URL (e.g. http://127.0.0.1:5800).');
    process.exitCode = printPack(await buildRecordingPack(await loadRecording(source), outputPaths().reports));
  } else {
    process.exitCode = printPack(await buildPack());
  }
} catch (error) {
  if (!(error instanceof EvidenceInputError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
