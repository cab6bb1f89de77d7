// A protocol file through the contract, as the page calls it: uploaded (staged), read with
// intake.protocolRead, committed with intake.readoutCommit; the meeting keeps the protocol's
// number, each instruction its item number, lead, co-executors and deadline. A scan answers as a
// scan and a broken file is refused with its translation key, both storing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardView } from '../../../../../db/model';
import type { ProtocolReadResult, ReadoutCommitResult, StagedFileInfo } from '../../../../../db/intake-types';
import { getInstruction, listCoexecutors } from '../../../../../db/instructions';
import { listMeetings } from '../../../../../db/meetings';
import { listOrganizations } from '../../../../../db/organizations';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import { protocolFixture } from '../../../../support/protocols';
import { tempDir } from '../../../../support/temp';

let core: AppCore;

beforeEach(async () => {
  core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' });
});

afterEach(() => core.close());

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const answer = await dispatch(core.handlers, channel, payload);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
  return answer.value as T;
}

function upload(name: string, bytes: Uint8Array = protocolFixture(name)): StagedFileInfo {
  return core.uploads.accept(name, bytes) as StagedFileInfo;
}

describe('a protocol file through the contract', () => {
  it('is read, reviewed as proposed and committed: item numbers, leads, co-executors and deadlines stored', async () => {
    const read = await call<ProtocolReadResult>('intake.protocolRead', { fileId: upload('ru-protocol.docx').fileId });
    if (read.kind !== 'protocol') throw new Error('read as a scan');
    const p = read.proposal;
    const result = await call<ReadoutCommitResult>('intake.readoutCommit', {
      meeting: { ...p.meeting, protocolNumber: p.protocolNumber },
      sourceText: p.text,
      instructions: p.candidates.map((c) => ({
        title: c.title,
        body: c.sentence,
        lead: c.organizations[0] ? { name: c.organizations[0].name } : null,
        tagIds: [],
        dueDate: c.dueDate,
        itemNumber: c.protocol!.itemNumber,
        coexecutors: c.protocol!.coexecutors.map((o) => ({ name: o.name })),
      })),
    });
    expect(result.instructions).toBe(7);
    // Five organizations named, each created once however many items name it.
    expect(result.organizations).toBe(5);
    const ctx = core.store.ctx;
    const [meeting] = listMeetings(ctx);
    expect(meeting).toMatchObject({ heldOn: '2022-02-15', place: 'Бишкек', protocolNumber: '12' });
    expect(meeting!.sourceText).toContain('2.1. обеспечить накопление угля');
    const view = await call<BoardView>('boards.view', { boardId: result.boardId });
    const names = new Map(listOrganizations(ctx).map((o) => [o.id, o.name]));
    const stored = view.columns
      .flatMap((col) => col.cards)
      .map((card) => getInstruction(ctx, card.id))
      .sort((a, b) => a.rank - b.rank)
      .map((i) => ({
        n: i.itemNumber,
        lead: names.get(i.leadOrgId ?? ''),
        co: listCoexecutors(ctx, i.id).map((c) => names.get(c.organizationId ?? '')),
        due: i.dueDate,
      }));
    const energy = 'Министерство энергетики Кыргызской Республики';
    expect(stored).toEqual([
      { n: '2.1', lead: energy, co: ['Министерство экономики и коммерции Кыргызской Республики', 'Министерство финансов Кыргызской Республики'], due: '2022-03-01' },
      { n: '2.2', lead: energy, co: ['Министерство экономики и коммерции Кыргызской Республики', 'Министерство финансов Кыргызской Республики'], due: '2022-03-15' },
      { n: '2.3', lead: energy, co: ['Министерство экономики и коммерции Кыргызской Республики', 'Министерство финансов Кыргызской Республики'], due: '2022-04-05' },
      { n: '3', lead: 'Министерство транспорта и коммуникаций Кыргызской Республики', co: ['Пограничная служба'], due: '2022-03-01' },
      { n: '4', lead: 'Министерство экономики и коммерции Кыргызской Республики', co: [], due: '2022-03-01' },
      { n: '5.1', lead: energy, co: [], due: '2022-02-18' },
      { n: '5.2', lead: energy, co: [], due: '2022-04-01' },
    ]);
    // The control numbers follow the protocol: {protocol}/{item}.
    expect(view.columns.flatMap((col) => col.cards).map((c) => c.controlNumber).sort()).toContain('12/2.1');
  });

  it('answers a scan as a scan, the file kept staged, and stores nothing', async () => {
    const staged = upload('scan.pdf');
    expect(await call<ProtocolReadResult>('intake.protocolRead', { fileId: staged.fileId })).toEqual({ kind: 'scan', fileId: staged.fileId, fileName: 'scan.pdf', pages: 1 });
    expect(listMeetings(core.store.ctx)).toEqual([]);
  });

  it('keeps the scan with a meeting through the attachments channel, byte for byte', async () => {
    const staged = upload('scan.pdf');
    const read = await call<ProtocolReadResult>('intake.protocolRead', { fileId: staged.fileId });
    if (read.kind !== 'scan') throw new Error('a scan was read as text');
    const meeting = await call<{ id: string }>('meetings.create', { title: 'Протокол № 12 (скан)', heldOn: '2022-02-15' });
    await call('attachments.add', { owner: { kind: 'meeting', id: meeting.id }, fileId: read.fileId });
    const listed = await call<{ fileName: string; size: number; mediaType: string }[]>('attachments.list', { owner: { kind: 'meeting', id: meeting.id } });
    expect(listed.map((a) => [a.fileName, a.size, a.mediaType])).toEqual([['scan.pdf', protocolFixture('scan.pdf').length, 'application/pdf']]);
  });

  it('refuses a file that is no protocol with a message the page translates', async () => {
    const staged = upload('minutes.docx', Buffer.from('not a Word document at all'));
    expect(await dispatch(core.handlers, 'intake.protocolRead', { fileId: staged.fileId })).toEqual({
      ok: false,
      error: {
        code: 'validation',
        key: 'protocol.notDocument',
        message: '“minutes.docx” is neither a Word document (DOCX) nor a PDF. Nothing was imported.',
        params: { name: 'minutes.docx' },
      },
    });
  });
});
