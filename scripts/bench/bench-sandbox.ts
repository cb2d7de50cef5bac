// A sandbox for one bench section, in its own process (scripts/bench/sandbox-child.ts), with fresh keys.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { SandboxOptions, Subscription } from '../../sandbox/app.ts';

export const BENCH_EC = '77777777777';

export interface BenchSandbox {
  url: string;
  /** One GPD key per client asked for. */
  keys: string[];
  internalKey: string;
  pid: number;
  /** The sandbox's memory after full garbage collections. */
  memory(): Promise<NodeJS.MemoryUsage>;
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
  return {
    url: message.address,
    keys,
    internalKey,
    pid: child.pid!,
    memory: async () => {
      const reply = once(child, 'message');
      child.send('measure');
      const [answer] = (await Promise.race([reply, exited])) as [{ memory: NodeJS.MemoryUsage; collected: boolean }];
      if (!answer.collected) throw new Error('the bench sandbox runs without --expose-gc');
      return answer.memory;
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
