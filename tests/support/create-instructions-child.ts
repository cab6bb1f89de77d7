// A second (third…) process writing to the same store at once: waits for the go file, creates
// instructions one by one (half with the same meeting and item number, half with none, so both the
// suffix and the running number are contended) and prints one JSON line with what it got.
import fs from 'node:fs';
import { openStore } from '../../db/store';
import { createInstruction } from '../../db/instructions';

async function main(): Promise<void> {
  const [file, meetingId, count, go] = process.argv.slice(2) as [string, string, string, string];
  const store = await openStore(file, { lock: false });
  const numbers: string[] = [];
  const errors: string[] = [];
  console.log(JSON.stringify({ ready: true }));
  while (!fs.existsSync(go)) await new Promise((r) => setTimeout(r, 5));
  for (let i = 0; i < Number(count); i++) {
    try {
      const made = createInstruction(store.ctx, i % 2 === 0 ? { title: `P${process.pid}-${i}`, meetingId, itemNumber: '3' } : { title: `P${process.pid}-${i}` });
      numbers.push(made.controlNumber as string);
    } catch (err) {
      errors.push(String(err));
    }
  }
  store.close();
  console.log(JSON.stringify({ numbers, errors }));
}

void main();
