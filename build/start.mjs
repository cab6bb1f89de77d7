// `npm start`: opens the app in Electron; where the Electron runtime is not available (it is
// downloaded from GitHub on first launch, and some machines cannot reach GitHub), says so in one
// line and serves the same app in browser mode on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronRuntime } from './electron-runtime.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.MINISTRY_TRACKER_BROWSER === '1';
const passThrough = args.filter((a) => a !== '--browser');

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 0 : code ?? 0));
}

function browserMode() {
  run(process.execPath, [path.join(root, 'dist/server/cli.cjs'), ...passThrough]);
}

if (!fs.existsSync(path.join(root, 'dist/server/cli.cjs'))) {
  const built = spawnSync(process.execPath, [path.join(root, 'build/build.mjs'), '--quiet'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

if (forceBrowser) {
  browserMode();
} else {
  const runtime = electronRuntime({ download: true });
  if (!runtime.ok) {
    console.log(`Electron runtime not available (${runtime.reason}); serving the app in browser mode instead.`);
    browserMode();
  } else {
    const native = ensureElectronSqlite(runtime);
    if (!native.ok) {
      console.log(`Electron's build of better-sqlite3 is not available (${native.reason}); serving the app in browser mode instead.`);
      browserMode();
    } else {
      const electronArgs = [path.join(root, 'dist/electron/main.cjs'), ...passThrough];
      // Chromium refuses to start as root with its sandbox on; say so rather than fail silently.
      if (process.getuid?.() === 0) {
        console.log('Running as root: Electron needs --no-sandbox here; run as a normal user to keep the Chromium sandbox.');
        electronArgs.unshift('--no-sandbox');
      }
      run(runtime.binary, electronArgs, { ...process.env, MINISTRY_TRACKER_NATIVE_BINDING: native.path });
    }
  }
}
