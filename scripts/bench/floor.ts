// Child process of the bulk bench: the physical floor of an upload file. It reads back the positions
// of a generated file (untimed), then times a plain JSON.stringify of the whole document and one
// native deflate of it, at the generator's level: what any generator of the same data must spend.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { UPLOAD_DEFLATE_LEVEL, UPLOAD_ENTRY_NAME } from '../../lib/bulk/upload-zip.ts';

const [path] = process.argv.slice(2);
const document = JSON.parse(Buffer.from(unzipSync(readFileSync(path!))[UPLOAD_ENTRY_NAME]!).toString('utf8')) as unknown;
const started = performance.now();
const deflated = deflateRawSync(Buffer.from(JSON.stringify(document), 'utf8'), { level: UPLOAD_DEFLATE_LEVEL });
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, deflatedBytes: deflated.length }));
