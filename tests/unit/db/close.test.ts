import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { tempDir } from '../../support/temp';
import { runOnSmallDisk } from '../../support/small-disk';


/** Runs the child on a tmpfs of `size` in a private mount namespace. */
function closeOnFullDisk(size: string): Record<string, unknown> {
  return runOnSmallDisk<Record<string, unknown>>([`mount -t tmpfs -o size=${size} tmpfs "$1" || exit 97`], 'tests/support/full-disk-close-child.ts', '"$1"');
}

describe('closing the store', () => {
  it('closes cleanly and reports nothing on an ordinary disk; a second close returns the same report', async () => {
    const store = await openStore(path.join(tempDir(), 'ministry-tracker.sqlite'));
    const report = store.close();
    expect(report).toMatchObject({ diskFull: false, problem: null, message: null });
    expect(store.close()).toBe(report);
  });

  it.skipIf(process.platform !== 'linux')('on a full disk the final checkpoint does not throw: a clean close, "disk full", every acknowledged row kept', () => {
    const result = closeOnFullDisk('4m');
    expect(result.fillError).toBe('ENOSPC');
    expect(result.threw).toBe(false);
    expect(result.report).toMatchObject({ diskFull: true, problem: "disk_full" });
    expect(String((result.report as { message: string }).message)).toMatch(/disk is full/);
    expect(result.missing).toEqual([]);
    expect(result.reopenedReport).toMatchObject({ diskFull: false, problem: null, message: null });
  });
});
