// The bench's upload file of N positions, generated once per bench run by scripts/bench/generate-upload.ts
// in a child process (its time and peak RSS are the generator's alone), shared by the sections.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { makeRunId } from '../../lib/config.ts';
import type { BenchContext } from './figures.ts';
import { BENCH_EC } from './bench-sandbox.ts';

export interface UploadFileStats {
  path: string;
  positions: number;
  ms: number;
  zipBytes: number;
  jsonBytes: number;
  peakRssBytes: number;
}

/** Positions of the bench's upload file: 100 000 (issue 16; BENCH_POSITIONS), 2 000 at the small size. */
export function uploadPositions(context: BenchContext): number {
  return context.size === 'small' ? 2_000 : Number(process.env.BENCH_POSITIONS || 100_000);
}

export function uploadFile(context: BenchContext): Promise<UploadFileStats> {
  const positions = uploadPositions(context);
  return context.once(`upload-file:${positions}`, async () => {
    const path = join(context.workDir, `positions-${positions}.zip`);
    context.progress(`generating an upload file of ${positions} positions`);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/generate-upload.ts', String(positions), path, makeRunId(), BENCH_EC], {
      encoding: 'utf8',
    });
    return { path, positions, ...(JSON.parse(out.trim().split('\n').at(-1)!) as Omit<UploadFileStats, 'path' | 'positions'>) };
  });
}
