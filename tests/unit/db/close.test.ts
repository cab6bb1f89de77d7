import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { tempDir } from '../../support/temp';

const root = path.resolve(import.meta.dirname, '../../..');

/** Runs the child in a private mount namespace on a tmpfs of `size`, like tests/unit/electron/services/files.test.ts. */
function closeOnFullDisk(size: string): Record<string, unknown> {
  const dir = tempDir();
  const script = [`mount -t tmpfs -o size=${size} tmpfs "$1" || exit 97`, `exec "$2" --import tsx "$3" "$1"`].join('\n');
  const userNamespace = process.getuid?.() === 0 ? [] : ['--user', '--map-root-user'];
  const result = spawnSync(
    'unshare',
    [...userNamespace, '--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', dir, process.execPath, path.join(root, 'tests/support/full-disk-close-child.ts')],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  const line = result.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the child did not report (exit ${result.status}): ${result.stdout}${result.stderr}`);
  expect(fs.readdirSync(dir)).toEqual([]);
  return JSON.parse(line) as Record<string, unknown>;
}

describe('closing the store', () => {
  it('closes cleanly and reports nothing on an ordinary disk; a second close returns the same report', async () => {
    const store = await openStore(path.join(tempDir(), 'ministry-tracker.sqlite'));
    const report = store.close();
    expect(report).toEqual({ diskFull: false, message: null });
    expect(store.close()).toBe(report);
  });

  it.skipIf(process.platform !== 'linux')('on a full disk the final checkpoint does not throw: a clean close, "disk full", every acknowledged row kept', () => {
    const result = closeOnFullDisk('4m');
    expect(result.fillError).toBe('ENOSPC');
    expect(result.threw).toBe(false);
    expect(result.report).toMatchObject({ diskFull: true });
    expect(String((result.report as { message: string }).message)).toMatch(/disk is full/);
    expect(result.missing).toEqual([]);
    expect(result.reopenedReport).toEqual({ diskFull: false, message: null });
  });
});
