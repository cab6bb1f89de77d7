// Exported files are written atomically: old file or new file, never a partial one, and a failure
// leaves nothing behind and says what to do. The unwritable folder and the full disk are real:
// a read-only and a 64 KiB tmpfs, mounted in a private mount namespace (unshare) so nothing leaks
// to the host, with the write done by a child process inside it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../electron/services/files';
import { StoreError } from '../../../../db/errors';
import { tempDir } from '../../../support/temp';
import { runOnSmallDisk } from '../../../support/small-disk';


interface ChildResult {
  ok: boolean;
  code?: string;
  key?: string;
  message?: string;
  params?: Record<string, string>;
  storeError?: boolean;
  files: string[];
  content: string | null;
}

/**
 * Mounts a tmpfs of `size` on a fresh folder in a private mount namespace, puts an old report in
 * it, optionally remounts it read-only, and writes `bytes` bytes over the old report from inside.
 */
function writeInMount(options: { size: string; readOnly: boolean; bytes: number }): ChildResult {
  return runOnSmallDisk<ChildResult>(
    [
      'set -e',
      `mount -t tmpfs -o size=${options.size},mode=0755 tmpfs "$1"`,
      'printf "old report" > "$1/report.xlsx"',
      options.readOnly ? 'mount -o remount,ro "$1"' : ':',
    ],
    'tests/support/atomic-write-child.ts',
    `"$1/report.xlsx" ${options.bytes}`,
  );
}

describe('atomic file writes', () => {
  it('replaces the old file with the complete new one and leaves no temporary file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'справка-2026-03-10.docx');
    fs.writeFileSync(target, 'old report');
    const bytes = Buffer.alloc(300_000, 0x42);
    await writeFileAtomic(target, bytes);
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['справка-2026-03-10.docx']);
    await writeFileAtomic(path.join(dir, 'new.csv'), Buffer.from('a,b\r\n'));
    expect(fs.readdirSync(dir).sort()).toEqual(['new.csv', 'справка-2026-03-10.docx']);
  });

  it('on a full disk: a clear message, the old file intact, nothing left behind', () => {
    const result = writeInMount({ size: '64k', readOnly: false, bytes: 200_000 });
    expect(result).toMatchObject({ ok: false, storeError: true, code: 'storage_full', key: 'exportDiskFull', content: 'old report' });
    expect(result.message).toMatch(/not enough space on the disk to save “.*report\.xlsx”\. Nothing was written/);
    expect(result.files).toEqual(['report.xlsx']);
  });

  it('in a read-only folder: a clear message, the old file intact, nothing left behind', () => {
    const result = writeInMount({ size: '1m', readOnly: true, bytes: 1000 });
    expect(result).toMatchObject({ ok: false, storeError: true, code: 'read_only', key: 'exportNotWritable', content: 'old report' });
    expect(result.message).toMatch(/cannot be written: the folder is read-only or you have no permission/);
    expect(result.files).toEqual(['report.xlsx']);
  });

  it('fits when there is room on the same small disk', () => {
    const result = writeInMount({ size: '64k', readOnly: false, bytes: 20_000 });
    expect(result).toMatchObject({ ok: true, files: ['report.xlsx'], content: 'A'.repeat(40) });
  });

  it('names a missing folder and a folder given as the file', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'gone', 'report.csv');
    await expect(writeFileAtomic(missing, Buffer.from('x'))).rejects.toMatchObject({ code: 'not_found', key: 'exportFolderMissing' });
    await expect(writeFileAtomic(dir, Buffer.from('x'))).rejects.toBeInstanceOf(StoreError);
    await expect(writeFileAtomic(dir, Buffer.from('x'))).rejects.toMatchObject({ key: 'exportIsFolder' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
