// Runs inside the private mount namespace the connection test sets up (a tiny tmpfs): fills the
// store's -wal with acknowledged rows, fills the disk, closes the store, then frees the space,
// reopens and reports, as one JSON line, what the close said and which rows are there.
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../db/store';

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2) as [string];
  const file = path.join(dir, 'ministry-tracker.sqlite');
  const result: Record<string, unknown> = {};
  const store = await openStore(file);
  store.ctx.db.pragma('wal_autocheckpoint = 0');
  const insert = store.ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  const acknowledged: string[] = [];
  for (let i = 0; i < 40; i++) {
    insert.run(`row-${i}`, JSON.stringify('x'.repeat(8000)));
    acknowledged.push(`row-${i}`);
  }
  // Fill what is left of the disk.
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    result.fillError = (err as NodeJS.ErrnoException).code;
  } finally {
    fs.closeSync(fd);
  }
  try {
    result.report = store.close();
    result.threw = false;
  } catch (err) {
    result.threw = true;
    result.error = String(err);
  }
  fs.rmSync(filler);
  const again = await openStore(file);
  const rows = again.ctx.db.prepare("SELECT key FROM settings WHERE key LIKE 'row-%'").all() as { key: string }[];
  result.missing = acknowledged.filter((k) => !rows.some((r) => r.key === k));
  result.reopenedReport = again.close();
  console.log(JSON.stringify(result));
}

void main();
