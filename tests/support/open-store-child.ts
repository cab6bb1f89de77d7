// A second process opening a store: prints one JSON line (opened, or the StoreError it got), and
// with "hold" keeps the store open until killed.
import { openStore } from '../../db/store';
import { StoreError } from '../../db/errors';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2) as [string, string | undefined];
  try {
    const store = await openStore(file);
    console.log(JSON.stringify({ ok: true, pid: process.pid }));
    if (mode === 'hold') setInterval(() => undefined, 1000);
    else store.close();
  } catch (err) {
    if (err instanceof StoreError) console.log(JSON.stringify({ ok: false, code: err.code, key: err.key, params: err.params, message: err.message }));
    else console.log(JSON.stringify({ ok: false, message: String(err) }));
  }
}

void main();
