// Figure 4, bulk generation: the upload file of 100 000 positions streamed by the suite's generator
// (lib/gpd/factory.ts + lib/bulk/upload-zip.ts) in a child process: positions per second, the child's
// peak RSS, and the ratio of its time to the physical floor (a plain JSON.stringify of the same data and
// one deflate at the same level, timed in another child: scripts/bench/floor.ts).
import { execFileSync } from 'node:child_process';
import { atLeast, atMost, printed, type Figure, type Section } from './figures.ts';
import { uploadFile } from './upload-file.ts';

const MB = 1024 * 1024;

export const benchBulk: Section = async (context): Promise<Figure[]> => {
  const file = await uploadFile(context);
  const floor = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/floor.ts', file.path], { encoding: 'utf8' }).trim()) as {
    ms: number;
  };
  const rate = file.positions / (file.ms / 1000);
  return [
    atLeast(
      '4 generation throughput',
      rate,
      50_000,
      'positions/s',
      `${file.positions} positions in ${(file.ms / 1000).toFixed(2)} s; JSON ${(file.jsonBytes / MB).toFixed(1)} MiB, ZIP ${(file.zipBytes / MB).toFixed(1)} MiB`,
    ),
    atMost('4 generator peak RSS', file.peakRssBytes / MB, 128, 'MB', 'maxRSS of the generator child process (Node + tsx + generator)'),
    printed(
      '4 generation ÷ stringify+deflate floor',
      file.ms / floor.ms,
      '×',
      `floor: JSON.stringify + native deflate of the same ${file.positions} positions in ${(floor.ms / 1000).toFixed(2)} s`,
    ),
  ];
};
