// Starts the app in browser mode (the built loopback server) on a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  openUrl: string;
  token: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

const root = path.resolve(import.meta.dirname, '../..');

export async function startBrowserModeApp(options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningApp> {
  const cli = path.join(root, 'dist/server/cli.cjs');
  if (!fs.existsSync(cli)) throw new Error('The app is not built: run `npm run build` first.');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mat-e2e-'));
  const child = spawn(process.execPath, [cli, '--data-dir', dataDir, '--json'], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const info = await new Promise<Omit<RunningApp, 'dataDir' | 'process' | 'output' | 'stop'>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start:\n${out}`)), 20_000);
    const check = () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code}:\n${out}`));
    });
  });
  return {
    ...info,
    dataDir,
    process: child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve(child.exitCode);
          return;
        }
        child.once('exit', (code) => resolve(code));
        child.kill('SIGINT');
      }),
  };
}
