// A pasted readout is parsed in the readout worker (the real bundle, built as `npm run build`
// does): the main thread keeps running while a long text is read, and the answer is the one the
// in-thread parse gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadoutParser } from '../../../../../../electron/services/intake/readout/run';
import { MAX_READOUT_CHARS, type ReadoutCatalog } from '../../../../../../electron/services/intake/readout/index';
import { StoreError } from '../../../../../../db/errors';
import { EN_NO_DATE, RU_KG_KZ } from '../../../../../support/readouts';
import { buildReadoutWorker } from '../../../../../support/worker-bundle';

const LINE = [RU_KG_KZ, EN_NO_DATE].map((t) => t.replace(/\n+/g, ' ')).join(' ');
const LONG = Array.from({ length: Math.floor(MAX_READOUT_CHARS / (LINE.length + 1)) }, () => LINE).join(' ');
const CATALOG: ReadoutCatalog = { organizations: [], tags: [] };

let worker: { file: string; remove(): void };

beforeAll(async () => {
  worker = await buildReadoutWorker();
});

afterAll(() => worker.remove());

/** How many times a 2 ms timer fired on this thread while `work` ran. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 2);
  try {
    const value = await work();
    return { value, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('parsing a readout off the main thread', () => {
  it('gives the in-thread answer while this thread keeps running', async () => {
    const inThread = await createReadoutParser()(LONG, CATALOG);
    const { value, ticks } = await ticksDuring(() => createReadoutParser(worker.file)(LONG, CATALOG));
    expect(value).toEqual(inThread);
    expect(value.candidates.length).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it('refuses a text over the limit with the same error, without starting a thread', async () => {
    const error = await createReadoutParser(worker.file)('x'.repeat(MAX_READOUT_CHARS + 1), CATALOG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'too_large', key: 'intake.readoutTooLarge' });
  });
});
