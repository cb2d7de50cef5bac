// `npm run recorder`: the recording proxy for UAT (issue 15). Point the EC's software at it instead of
// api.uat.platform.pagopa.it (only the host changes): every call is forwarded unchanged — the EC's own keys pass
// through and are never written — and checked; the checklist is at http://127.0.0.1:<port>/__sandbox/checklist and
// `npm run evidence -- --from-recording http://127.0.0.1:<port>` builds the pack. On exit (Ctrl-C) the recording is
// saved to reports/ec-recording.json (keys masked).
// Settings (.env or environment): RECORDER_TARGET (default API_BASE_URL, else UAT; production refused),
// RECORDER_HOST (default 127.0.0.1), RECORDER_PORT (default 5900), EC_FISCAL_CODE, SEGREGATION_CODE.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvFile, UAT_API_BASE_URL } from '../lib/config.ts';
import { RecorderTargetError, startRecorder } from '../lib/ec-software/recorder.ts';
import { outputPaths } from '../lib/run/output-paths.ts';

loadEnvFile();
const env = (name: string) => process.env[name]?.trim() || undefined;
const port = Number(env('RECORDER_PORT') ?? '5900');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`RECORDER_PORT must be a TCP port, got ${JSON.stringify(env('RECORDER_PORT'))}`);
  process.exit(2);
}
try {
  const recorder = await startRecorder({
    target: env('RECORDER_TARGET') ?? env('API_BASE_URL') ?? UAT_API_BASE_URL,
    host: env('RECORDER_HOST') ?? '127.0.0.1',
    port,
    ...(env('EC_FISCAL_CODE') ? { ecFiscalCode: env('EC_FISCAL_CODE')! } : {}),
    ...(env('SEGREGATION_CODE') ? { segregationCodes: [env('SEGREGATION_CODE')!] } : {}),
  });
  console.log(`Proxy di registrazione / Recording proxy: ${recorder.url} → ${recorder.target}`);
  console.log(`Checklist: ${recorder.url}/__sandbox/checklist — pack: npm run evidence -- --from-recording ${recorder.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      const reports = outputPaths().reports;
      mkdirSync(reports, { recursive: true });
      const file = join(reports, 'ec-recording.json');
      writeFileSync(file, JSON.stringify(recorder.monitor.recording(), null, 2));
      console.log(`Registrazione salvata / Recording saved: ${file} (${recorder.monitor.list().length} calls)`);
      recorder.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
} catch (error) {
  if (!(error instanceof RecorderTargetError)) throw error;
  console.error(error.message);
  process.exit(2);
}
