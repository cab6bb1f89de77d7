// Finds the Electron binary the `electron` package would launch, without letting the package
// start a download behind our back; optionally tries its download once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function locate() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const abiFile = path.join(dir, 'abi_version');
  const abi = fs.existsSync(abiFile) ? fs.readFileSync(abiFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return fs.existsSync(binary) ? { ok: true, binary, version, abi, dir } : { ok: false, reason: `no Electron binary at ${binary}`, dir, version };
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { ok: false, reason: 'the Electron binary was never downloaded', dir, version };
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return { ok: false, reason: `the Electron binary is missing at ${binary}`, dir, version };
  return { ok: true, binary, version, abi, dir };
}

function firstErrorLine(text) {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /error|failed|ENOTFOUND|ECONN|EAI_AGAIN/i.test(l) && !l.startsWith('at '));
  return (line ?? text.trim().split('\n')[0] ?? 'unknown error').slice(0, 160);
}

/** `{ ok: true, binary, version, abi }` or `{ ok: false, reason }`. */
export function electronRuntime({ download = false } = {}) {
  const found = locate();
  if (found.ok || !download || !found.dir) return found;
  const attempt = spawnSync(process.execPath, [path.join(found.dir, 'install.js')], { encoding: 'utf8', timeout: 120_000 });
  const again = locate();
  if (again.ok) return again;
  const why = attempt.error ? attempt.error.message : firstErrorLine(`${attempt.stderr ?? ''}\n${attempt.stdout ?? ''}`);
  return { ok: false, reason: `Electron ${found.version} could not be downloaded from GitHub: ${why}` };
}
