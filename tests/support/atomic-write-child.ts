// Runs writeFileAtomic inside the private mount namespace the files test sets up (a read-only or a
// tiny tmpfs), and reports what happened and what the folder holds afterwards, as one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../electron/services/files';
import { StoreError } from '../../db/errors';

async function main(): Promise<void> {
  const [target, size] = process.argv.slice(2) as [string, string];
  const result: Record<string, unknown> = {};
  try {
    await writeFileAtomic(target, Buffer.alloc(Number(size), 0x41));
    result.ok = true;
  } catch (err) {
    result.ok = false;
    result.storeError = err instanceof StoreError;
    if (err instanceof StoreError) Object.assign(result, { code: err.code, key: err.key, message: err.message, params: err.params });
    else result.message = String(err);
  }
  result.files = fs.readdirSync(path.dirname(target)).sort();
  result.content = fs.existsSync(target) ? fs.readFileSync(target, 'utf8').slice(0, 40) : null;
  console.log(JSON.stringify(result));
}

void main();
