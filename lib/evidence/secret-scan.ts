// Finds secret values in output folders: plain files and the entries of ZIP archives
// (Playwright traces are ZIPs whose entries are compressed, so a byte search would miss them).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** `file` or `file!entry` for every place a secret occurs. */
export function findSecrets(dirs: string[], secrets: string[]): { scanned: number; leaks: string[] } {
  const needles = secrets.filter((s) => s.length >= 8).map((s) => Buffer.from(s));
  const leaks: string[] = [];
  let scanned = 0;
  const check = (where: string, data: Uint8Array) => {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (needles.some((needle) => buffer.includes(needle))) leaks.push(where);
  };
  for (const file of dirs.flatMap(listFiles)) {
    scanned += 1;
    const data = readFileSync(file);
    check(file, data);
    if (data.subarray(0, 4).equals(ZIP_MAGIC)) {
      for (const [entry, content] of Object.entries(unzipSync(data))) check(`${file}!${entry}`, content);
    }
  }
  return { scanned, leaks };
}

/** `file` or `file!entry` of every output (images excepted) whose text, read byte for byte, `matches`. */
export function findInOutputs(dirs: string[], matches: (text: string) => boolean): string[] {
  const found: string[] = [];
  const check = (where: string, data: Uint8Array) => {
    if (/\.(jpe?g|png|webp|gif)$/i.test(where)) return;
    if (matches(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'))) found.push(where);
  };
  for (const file of dirs.flatMap(listFiles)) {
    const data = readFileSync(file);
    check(file, data);
    if (data.subarray(0, 4).equals(ZIP_MAGIC)) {
      for (const [entry, content] of Object.entries(unzipSync(data))) check(`${file}!${entry}`, content);
    }
  }
  return found;
}
