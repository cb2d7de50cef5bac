// Bench figure of the recording proxy (issue 15): the scripted EC client (plain fetch) makes `calls` reads of a
// position on a sandbox, alternately direct and through the recorder; answers the median time of each, the
// recorder's own overhead per call and the ratio to a direct call, and how many of the calls through the recorder
// were lost (not answered 200 or not recorded). The overhead is the median of the paired differences (each call
// through the recorder minus the direct call just before it).
import { buildSandbox } from '../../sandbox/app.ts';
import { EcSoftware } from '../../examples/ec-software/scripted-client.ts';
import { startRecorder } from '../../lib/ec-software/recorder.ts';
import { atMost, median as medianOf, printed, type BenchContext, type Figure } from './figures.ts';

export interface RecorderFigures {
  calls: number;
  lost: number;
  directMedianMs: number;
  recorderMedianMs: number;
  overheadMedianMs: number;
  ratio: number;
}

const median = (values: number[]) => medianOf(values);

export async function benchRecorder(calls = 1000): Promise<RecorderFigures> {
  const ec = '77777777777';
  const key = 'bench-recorder-gpd-key';
  const sandbox = await buildSandbox({
    subscriptions: [{ key, product: 'gpd', organizations: [ec] }],
    rateLimits: { gpd: { calls: 1_000_000, periodMs: 1000 } },
    ecSoftware: { ecFiscalCode: ec, segregationCodes: ['01'] },
  });
  const url = await sandbox.listen({ host: '127.0.0.1', port: 0 });
  const recorder = await startRecorder({ target: url, ecFiscalCode: ec, segregationCodes: ['01'] });
  try {
    const settings = { key, receiptsKey: key, ec, broker: ec, segregationCode: '01', runTag: 'bench' };
    const direct = new EcSoftware({ ...settings, baseUrl: url });
    const proxied = new EcSoftware({ ...settings, baseUrl: recorder.url });
    const position = direct.position();
    const created = await direct.call('POST', `/gpd/debt-positions-service/v1/organizations/${ec}/debtpositions`, position);
    if (created.status !== 201) throw new Error(`bench: create answered ${created.status}`);
    const path = `/gpd/debt-positions-service/v1/organizations/${ec}/debtpositions/${position.iupd}`;
    for (let i = 0; i < 50; i += 1) await Promise.all([direct.call('GET', path), proxied.call('GET', path)]); // warm-up
    const recordedBefore = recorder.monitor.list().length;
    const directMs: number[] = [];
    const recorderMs: number[] = [];
    let failed = 0;
    for (let i = 0; i < calls; i += 1) {
      let t = performance.now();
      await direct.call('GET', path);
      directMs.push(performance.now() - t);
      t = performance.now();
      const answer = await proxied.call('GET', path);
      recorderMs.push(performance.now() - t);
      if (answer.status !== 200) failed += 1;
    }
    // A call is lost when it was not answered 200 through the recorder or is missing from its recording.
    const lost = Math.max(failed, calls - (recorder.monitor.list().length - recordedBefore));
    const directMedianMs = median(directMs);
    const recorderMedianMs = median(recorderMs);
    return {
      calls,
      lost,
      directMedianMs,
      recorderMedianMs,
      // Each call through the recorder is paired with the direct call just before it.
      overheadMedianMs: median(recorderMs.map((ms, i) => ms - directMs[i]!)),
      ratio: recorderMedianMs / directMedianMs,
    };
  } finally {
    await recorder.close();
    await sandbox.close();
  }
}

// `npx tsx scripts/bench/recorder.ts [calls]`: prints the figures.
if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchRecorder(Number(process.argv[2] ?? 1000));
  console.log(
    `recorder: ${figures.calls} calls, ${figures.lost} lost; median direct ${figures.directMedianMs.toFixed(2)} ms, through the recorder ${figures.recorderMedianMs.toFixed(2)} ms: overhead ${figures.overheadMedianMs.toFixed(2)} ms per call (ratio ${figures.ratio.toFixed(2)})`,
  );
}

/** Section `recorder` (issue 15): 1 000 calls (100 at the small size), none lost, overhead ≤ 2 ms median. */
export async function recorderSection(context: BenchContext): Promise<Figure[]> {
  const f = await benchRecorder(context.size === 'small' ? 100 : 1000);
  const extra = `${f.calls} calls, direct ${f.directMedianMs.toFixed(2)} ms, through the recorder ${f.recorderMedianMs.toFixed(2)} ms (median)`;
  return [
    atMost('recorder overhead per call (median)', f.overheadMedianMs, 2, 'ms', extra),
    printed('recorder ÷ direct call (medians)', f.ratio, '×'),
    atMost('recorder calls lost', f.lost, 0, 'calls'),
  ];
}
