// The protocol worker as `npm run build` bundles it: a protocol file is read in a worker thread
// with the same result as in this thread, and a refusal comes back as the same store error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../../../../../db/errors';
import { readProtocolFile } from '../../../../../../electron/services/intake/protocol/files';
import { createProtocolFileReader } from '../../../../../../electron/services/intake/protocol/run';
import { protocolFixture } from '../../../../../support/protocols';
import { buildProtocolWorker } from '../../../../../support/worker-bundle';

let worker: { file: string; remove(): void };

beforeAll(async () => {
  worker = await buildProtocolWorker();
});

afterAll(() => worker.remove());

describe('the protocol worker', () => {
  it('reads a PDF, a DOCX and a scan as this thread does', async () => {
    const read = createProtocolFileReader(worker.file);
    for (const name of ['ru-protocol.pdf', 'kk-protocol.docx', 'scan.pdf']) {
      expect(await read(name, protocolFixture(name)), name).toEqual(await readProtocolFile(name, protocolFixture(name)));
    }
  });

  it('refuses a broken file with the store error, its key and its message', async () => {
    const read = createProtocolFileReader(worker.file);
    const err = await read('cut.pdf', protocolFixture('ru-protocol.pdf').subarray(0, 5000)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'validation', key: 'protocol.badPdf', params: { name: 'cut.pdf' } });
    expect((err as StoreError).message).toBe('“cut.pdf” is not a PDF that can be read: it is damaged or cut short. Nothing was imported.');
  });
});
