// Two processes with their own connections to one store file create instructions at the same
// time: every instruction gets a number and no number is given twice (the write lock taken at the
// start of a create, the UNIQUE index and the retry behind it).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { createMeeting } from '../../../../db/meetings';
import { tempDir, trackStore } from '../../../support/temp';

const root = path.resolve(import.meta.dirname, '../../../..');
const child = path.join(root, 'tests/support/create-instructions-child.ts');

interface Child {
  ready: Promise<void>;
  done: Promise<{ numbers: string[]; errors: string[] }>;
}

/** A child process; `ready` once it has the store open and waits for the go file. */
function start(args: string[]): Child {
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (ready = r));
  const done = new Promise<{ numbers: string[]; errors: string[] }>((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('"ready"')) ready();
    });
    p.on('error', reject);
    p.on('close', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() as string) as { numbers: string[]; errors: string[] });
      } catch (err) {
        reject(new Error(`child printed ${out}: ${String(err)}`));
      }
    });
  });
  return { ready: readyPromise, done };
}

describe('control numbers under concurrent creates', () => {
  it('two processes creating at once get distinct numbers, all of them', async () => {
    const dir = tempDir('mat-control-numbers-');
    const file = path.join(dir, 'data.sqlite');
    const setup = await openStore(file, { lock: false });
    const meeting = createMeeting(setup.ctx, { title: 'Meeting 12', heldOn: '2026-11-01', protocolNumber: '12' });
    setup.close();

    const go = path.join(dir, 'go');
    // Opened one after the other (opening migrates and checks the file), then started together.
    const first = start([file, meeting.id, '30', go]);
    await first.ready;
    const second = start([file, meeting.id, '30', go]);
    await second.ready;
    fs.writeFileSync(go, '');
    const [a, b] = await Promise.all([first.done, second.done]);

    expect(a?.errors).toEqual([]);
    expect(b?.errors).toEqual([]);
    const all = [...(a?.numbers ?? []), ...(b?.numbers ?? [])];
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    expect(all).toContain('12/3');

    const store = trackStore(await openStore(file, { lock: false }));
    const stored = (store.ctx.db.prepare('SELECT control_number AS n FROM instructions').all() as { n: string }[]).map((r) => r.n).sort();
    expect(stored).toEqual([...all].sort());
  }, 120_000);
});
