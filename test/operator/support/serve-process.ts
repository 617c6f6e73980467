// A real `rmctl serve` child process on 127.0.0.1 port 0 (needs `npm run build`): started with a compiled
// config written to a temp file, its address read from the `listening` log line, killed on cleanup.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onCleanup, writeTempFile } from '../../proxy/helpers.js';

export const RMCTL = fileURLToPath(new URL('../../../bin/rmctl', import.meta.url));

export interface ServeProcess {
  url: string;
  /** host:port, as Prometheus would label the target's `instance`. */
  instance: string;
  proc: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

export async function startServe(configYaml: string, env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const configPath = writeTempFile(configYaml);
  const proc = spawn(process.execPath, [RMCTL, 'serve', '-c', configPath, '-p', '0'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  };
  onCleanup(stop);
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  // Port 0: the bound address comes from the `listening` log line, which serve flushes before serving.
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    proc.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      const address = /"address":"(http:\/\/[^"]+)"/.exec(buf)?.[1];
      if (address !== undefined) resolve(address);
      // Request lines are not needed: keep the buffer from growing with them.
      if (buf.length > 65536) buf = buf.slice(-4096);
    });
    void exited.then(() => reject(new Error(`rmctl serve exited before listening: ${stderr}`)));
  });
  return { url, instance: new URL(url).host, proc, stop };
}
