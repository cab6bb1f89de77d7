// `npm run dist`: packages the app with electron-builder for the host platform (AppImage and deb
// on Linux, NSIS on Windows, dmg on macOS). Needs the Electron runtime and network access to
// Electron's headers for the first build of better-sqlite3 for Electron's ABI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronRuntime } from './electron-runtime.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function step(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(process.execPath, [path.join(root, 'build/build.mjs'), '--quiet']);
const runtime = electronRuntime({ download: true });
if (!runtime.ok) {
  console.error(`Cannot package: Electron runtime not available (${runtime.reason}).`);
  process.exit(1);
}
const native = ensureElectronSqlite(runtime);
if (!native.ok) {
  console.error(`Cannot package: no build of better-sqlite3 for Electron (${native.reason}).`);
  process.exit(1);
}
fs.mkdirSync(path.join(root, 'dist/native'), { recursive: true });
fs.copyFileSync(native.path, path.join(root, 'dist/native/better_sqlite3.node'));
step(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), '--config', 'build/electron-builder.json', ...process.argv.slice(2)]);
