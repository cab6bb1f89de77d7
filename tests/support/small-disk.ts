// A real small (or read-only) disk for a child process: a tmpfs mounted on a fresh folder inside a
// private mount namespace (unshare), so nothing leaks to the host. As root the namespace needs no
// more; otherwise a user namespace maps us to root in it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './temp';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `setup` (shell lines; `$1` is the folder, which they mount), then the TypeScript `child`
 * (a path under the project) with `args` (shell words, which may name `$1`), and returns the JSON
 * line the child printed. The mount lives and dies with the namespace: afterwards the host folder
 * is as empty as it was, which is checked.
 */
export function runOnSmallDisk<T>(setup: readonly string[], child: string, args: string): T {
  const dir = tempDir('mat-mount-');
  const script = [...setup, `exec "$2" --import tsx "$3" ${args}`].join('\n');
  const userNamespace = process.getuid?.() === 0 ? [] : ['--user', '--map-root-user'];
  const result = spawnSync('unshare', [...userNamespace, '--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', dir, process.execPath, path.join(root, child)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the child in the mount namespace did not report (exit ${result.status}): ${result.stdout}${result.stderr}`);
  expect(fs.readdirSync(dir)).toEqual([]);
  return JSON.parse(line) as T;
}
