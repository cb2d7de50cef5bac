// Finds secret values in output folders: plain files and the entries of ZIP archives
// (Playwright traces are ZIPs whose entries are compressed, so a byte search would miss them; so is
// the plan's .xlsx). PDFs compress their text streams too: `findSecretsInPdfs` searches their text.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { IMAGE_ENTRY } from './trace-redaction.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Calls `visit` with every file of `dirs` and every entry of the ZIPs among them (`file!entry`); answers the file count. */
function eachOutput(dirs: string[], visit: (where: string, data: Buffer) => void): number {
  const files = dirs.flatMap(listFiles);
  for (const file of files) {
    const data = readFileSync(file);
    visit(file, data);
    if (data.subarray(0, 4).equals(ZIP_MAGIC)) {
      for (const [entry, content] of Object.entries(unzipSync(data)))
        visit(`${file}!${entry}`, Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    }
  }
  return files.length;
}

/** `file` or `file!entry` for every place a secret occurs. */
export function findSecrets(dirs: string[], secrets: string[]): { scanned: number; leaks: string[] } {
  const needles = secrets.filter((s) => s.length >= 8).map((s) => Buffer.from(s));
  const leaks: string[] = [];
  const scanned = eachOutput(dirs, (where, data) => {
    if (needles.some((needle) => data.includes(needle))) leaks.push(where);
  });
  return { scanned, leaks };
}

/** `file` or `file!entry` of every output (images excepted) whose text, read byte for byte, `matches`. */
export function findInOutputs(dirs: string[], matches: (text: string) => boolean): string[] {
  const found: string[] = [];
  eachOutput(dirs, (where, data) => {
    if (!IMAGE_ENTRY.test(where) && matches(data.toString('latin1'))) found.push(where);
  });
  return found;
}

/**
 * `file` of every PDF under `dirs` whose extracted text holds a secret (≥ 8 characters), also once
 * whitespace is removed from both (PDF text may break a long token across lines or items). A PDF
 * that cannot be read is reported as `file (illeggibile: …)`: an unread file is not a clean one.
 */
export async function findSecretsInPdfs(dirs: string[], secrets: string[]): Promise<{ scanned: number; leaks: string[] }> {
  const needles = secrets.filter((s) => s.length >= 8);
  const squashed = needles.map((s) => s.replace(/\s+/g, '')).filter((s) => s.length >= 8);
  const files = dirs.flatMap(listFiles).filter((file) => file.toLowerCase().endsWith('.pdf'));
  const leaks: string[] = [];
  if (files.length === 0) return { scanned: 0, leaks };
  const { extractPdfText } = await import('./pack/pdf-text.ts'); // pdf.js is loaded only when there is a PDF
  for (const file of files) {
    let text: string;
    try {
      text = await extractPdfText(new Uint8Array(readFileSync(file)));
    } catch (error) {
      leaks.push(`${file} (illeggibile: ${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const flat = text.replace(/\s+/g, '');
    if (needles.some((needle) => text.includes(needle)) || squashed.some((needle) => flat.includes(needle))) leaks.push(file);
  }
  return { scanned: files.length, leaks };
}
