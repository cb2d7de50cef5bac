// A free loopback TCP port, found synchronously: Playwright evaluates its config in the
// runner and in every worker, so the choice is made once and handed down through the env.
import { execFileSync } from 'node:child_process';

export function freePortSync(): number {
  const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const port = Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  if (!Number.isInteger(port) || port <= 0) throw new Error('could not find a free local port for the sandbox');
  return port;
}
