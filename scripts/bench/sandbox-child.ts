// Child process of the bench: a sandbox (buildSandbox, the same app `npm run sandbox` serves) alone in
// its process, so its memory is measured without the bench's. Options come as JSON in
// BENCH_SANDBOX_OPTIONS (keys included: never printed); it answers its address over IPC, and to
// `measure` its memory after two full garbage collections (run with --expose-gc), and its `usage` as it is.
import { buildSandbox, type SandboxOptions } from '../../sandbox/app.ts';

const options = JSON.parse(process.env.BENCH_SANDBOX_OPTIONS ?? '{}') as SandboxOptions;
const app = await buildSandbox({ ...options, logger: false });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send!({ address });
process.on('message', (message) => {
  if (message === 'usage') {
    process.send!({ memory: process.memoryUsage() });
    return;
  }
  if (message !== 'measure') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  process.send!({ memory: process.memoryUsage(), collected: gc !== undefined });
});
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
