// A sandbox for one bench section, in its own process (scripts/bench/sandbox-child.ts), with fresh keys.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { SandboxOptions, Subscription } from '../../sandbox/app.ts';

export const BENCH_EC = '77777777777';

/**
 * The RSS has settled when it has not moved by more than this over SETTLED_SAMPLES samples a second apart: a
 * window longer than the ~9 s after which V8's memory reducer shrinks an idle heap (measured on Node 20; its
 * `--gc-memory-reducer-start-delay-ms` did not bring it forward), so the figure is what an idle sandbox keeps.
 */
const SETTLED_TOLERANCE_BYTES = 2 * 1024 * 1024;
const SETTLED_SAMPLES = 12;
const SETTLE_DEADLINE_MS = 60_000;

export interface BenchSandbox {
  url: string;
  /** One GPD key per client asked for. */
  keys: string[];
  internalKey: string;
  pid: number;
  /** The sandbox's memory after full garbage collections. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The sandbox's memory once V8's memory reducer has run on the idle process and its RSS stays put. */
  settledMemory(): Promise<{ memory: NodeJS.MemoryUsage; waitedMs: number }>;
  close(): Promise<void>;
}

export async function startBenchSandbox(
  options: { gpdKeys?: number; rateLimits?: SandboxOptions['rateLimits']; upload?: SandboxOptions['upload'] } = {},
): Promise<BenchSandbox> {
  const keys = Array.from({ length: options.gpdKeys ?? 1 }, () => randomBytes(16).toString('hex'));
  const internalKey = randomBytes(16).toString('hex');
  const subscriptions: Subscription[] = [
    ...keys.map((key): Subscription => ({ key, product: 'gpd', organizations: [BENCH_EC] })),
    { key: internalKey, product: 'internal', organizations: ['*'] },
  ];
  const child: ChildProcess = fork('scripts/bench/sandbox-child.ts', [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_SANDBOX_OPTIONS: JSON.stringify({ subscriptions, rateLimits: options.rateLimits, upload: options.upload }) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the bench sandbox exited with ${String(code)}`);
  });
  exited.catch(() => undefined);
  const [message] = (await Promise.race([once(child, 'message'), exited])) as [{ address: string }];
  const ask = async (question: 'measure' | 'usage'): Promise<{ memory: NodeJS.MemoryUsage; collected?: boolean }> => {
    const reply = once(child, 'message');
    child.send(question);
    const [answer] = (await Promise.race([reply, exited])) as [{ memory: NodeJS.MemoryUsage; collected?: boolean }];
    return answer;
  };
  return {
    url: message.address,
    keys,
    internalKey,
    pid: child.pid!,
    memory: async () => {
      const answer = await ask('measure');
      if (!answer.collected) throw new Error('the bench sandbox runs without --expose-gc');
      return answer.memory;
    },
    settledMemory: async () => {
      const started = Date.now();
      const samples: NodeJS.MemoryUsage[] = [];
      for (;;) {
        samples.push((await ask('usage')).memory);
        const last = samples.slice(-SETTLED_SAMPLES).map((m) => m.rss);
        if (last.length === SETTLED_SAMPLES && Math.max(...last) - Math.min(...last) <= SETTLED_TOLERANCE_BYTES) break;
        if (Date.now() - started > SETTLE_DEADLINE_MS) throw new Error(`the sandbox's RSS did not settle within ${SETTLE_DEADLINE_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 1_000)); // one sample a second: the RSS is watched, not waited for
      }
      return { memory: samples.at(-1)!, waitedMs: Date.now() - started };
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const gone = once(child, 'exit');
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
