// Electron and Node have different native ABIs. Rather than rebuilding better-sqlite3 back and
// forth, keep a second build of the addon for Electron in .cache/ and hand its path to the main
// process, which passes it to better-sqlite3's `nativeBinding` option. Node's own build in
// node_modules stays untouched for the tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function electronSqlitePath(runtime) {
  return path.join(root, '.cache', 'electron-native', `electron-${runtime.version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

/** `{ ok: true, path }` or `{ ok: false, reason }`; builds on first use. */
export function ensureElectronSqlite(runtime) {
  const target = electronSqlitePath(runtime);
  if (fs.existsSync(target)) return { ok: true, path: target };
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = path.join(path.dirname(target), 'src');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) && !p.endsWith(`${path.sep}build`) });
  console.log(`Building better-sqlite3 for Electron ${runtime.version} (first start only, about two minutes)…`);
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const built = spawnSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${runtime.version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
    { cwd: work, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8', env: { ...process.env, npm_config_runtime: 'electron' } },
  );
  const output = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (built.status !== 0 || !fs.existsSync(output)) {
    const why = (built.stderr ?? '').split('\n').find((l) => /ERR|error/i.test(l)) ?? `node-gyp exited with ${built.status}`;
    return { ok: false, reason: why.trim().slice(0, 160) };
  }
  fs.copyFileSync(output, target);
  fs.rmSync(work, { recursive: true, force: true });
  return { ok: true, path: target };
}
