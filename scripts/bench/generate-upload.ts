// Child process of the bulk benchmark: streams N positions into an upload ZIP and reports its own
// time and peak RSS as one JSON line, so the generator's memory is measured alone.
import { DebtPositionFactory } from '../../lib/gpd/factory.ts';
import { positionsDocument, writeUploadZip } from '../../lib/bulk/upload-zip.ts';

const [count, path, runId, ecFiscalCode] = process.argv.slice(2);
const factory = new DebtPositionFactory({ runId: runId!, workerIndex: 9, segregationCode: '01', ecFiscalCode: ecFiscalCode! });

function* positions(n: number) {
  for (let i = 0; i < n; i += 1) yield factory.position();
}

const started = performance.now();
const written = await writeUploadZip(path!, positionsDocument(positions(Number(count))));
const ms = performance.now() - started;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ ms, zipBytes: written.zipBytes, jsonBytes: written.jsonBytes, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
