import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../db/store';

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  while (stores.length > 0) stores.pop()?.close();
  while (dirs.length > 0) fs.rmSync(dirs.pop() as string, { recursive: true, force: true });
});

export function tempDir(prefix = 'mat-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A store on a real SQLite file in a fresh temporary folder, closed after the test. */
export async function tempStore(options: { now?: () => Date; actor?: () => string } = {}): Promise<Store> {
  const store = await openStore(path.join(tempDir(), 'test.sqlite'), options);
  stores.push(store);
  return store;
}

export function trackStore(store: Store): Store {
  stores.push(store);
  return store;
}
