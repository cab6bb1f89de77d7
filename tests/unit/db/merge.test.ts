// Exchange files between officials: merge by UUID, the newer copy wins where only one side
// changed, conflicting edits of one field are the official's choice, history from both sides is
// kept, the same file twice changes nothing, and bad files change nothing at all.
import { describe, expect, it } from 'vitest';
import { exportExchange, EXCHANGE_FORMAT, type ExchangeDocument } from '../../../db/exchange';
import { applyMerge, previewMerge } from '../../../db/merge';
import { readExchangeDocument } from '../../../electron/services/intake/exchange';
import { loadDemo } from '../../../electron/services/demo/seed';
import { createMeeting } from '../../../db/meetings';
import { createOrganization, updateOrganization } from '../../../db/organizations';
import { createPerson } from '../../../db/people';
import { addCoexecutor, changeDueDate, changeStatus, createInstruction, getInstruction, listCoexecutors, listInstructionTagIds, removeCoexecutor, setInstructionTags, updateInstruction } from '../../../db/instructions';
import { listBoards } from '../../../db/boards';
import { StoreError } from '../../../db/errors';
import type { StoreContext } from '../../../db/context';
import type { Store } from '../../../db/store';
import { tempStore } from '../../support/temp';
import { count, storeHash, utf8 } from '../../support/intake';
import { tagId } from '../../support/fixtures';

let clock = Date.parse('2026-03-01T09:00:00.000Z');
/** Each store's clock moves on a second per reading, so that "newer" means something. */
const tick = () => new Date((clock += 1000));

async function machine(actor: string): Promise<Store> {
  return tempStore({ now: tick, actor: () => actor });
}

/** The file another official's app writes: through JSON, as it travels. */
function file(ctx: StoreContext): ExchangeDocument {
  return readExchangeDocument(utf8(JSON.stringify(exportExchange(ctx, '0.1.0'))));
}

function merge(ctx: StoreContext, doc: ExchangeDocument, choices: Record<string, 'local' | 'incoming'> = {}) {
  return applyMerge(ctx, doc, choices);
}

/** Two officials with the same data: B imported A's demo. */
async function twoMachines() {
  const a = await machine('aida');
  loadDemo(a.ctx);
  const b = await machine('bakyt');
  merge(b.ctx, file(a.ctx));
  const first = a.ctx.db.prepare("SELECT id FROM instructions WHERE item_number = '2'").get() as { id: string };
  return { a: a.ctx, b: b.ctx, id: first.id };
}

function historyUids(ctx: StoreContext): Set<string> {
  return new Set((ctx.db.prepare('SELECT uid FROM history').all() as { uid: string }[]).map((r) => r.uid));
}

describe('importing into an empty store', () => {
  it('adds every record with its id, topics mapped by code, history kept, the meeting’s board made', async () => {
    const a = await machine('aida');
    loadDemo(a.ctx);
    const b = await machine('bakyt');
    const doc = file(a.ctx);
    const preview = previewMerge(b.ctx, doc);
    expect(preview.changes).toBe(true);
    expect(preview.added).toMatchObject({ organization: 15, person: 2, meeting: 1, instruction: 9, tag: 0 });
    expect(preview.added.report).toBe(count(a.ctx, 'reports'));
    expect(preview.historyAdded).toBe(count(a.ctx, 'history'));
    expect(preview.conflicts).toEqual([]);
    expect(count(b.ctx, 'instructions')).toBe(0);

    const result = merge(b.ctx, doc);
    expect(result).toMatchObject({ changed: true, conflictsResolved: 0, historyAdded: count(a.ctx, 'history') });
    for (const table of ['organizations', 'people', 'meetings', 'instructions', 'coexecutors', 'reports', 'extensions', 'instruction_tags']) {
      expect(count(b.ctx, table), table).toBe(count(a.ctx, table));
    }
    // Both stores have their own "energy" topic; the instruction carries the local one.
    const id = (a.ctx.db.prepare("SELECT id FROM instructions WHERE item_number = '2'").get() as { id: string }).id;
    expect(tagId(a.ctx, 'energy')).not.toBe(tagId(b.ctx, 'energy'));
    expect(listInstructionTagIds(b.ctx, id)).toEqual([tagId(b.ctx, 'energy')]);
    expect(getInstruction(b.ctx, id)).toEqual(getInstruction(a.ctx, id));
    expect(listBoards(b.ctx).filter((x) => x.builtin === 'meeting')).toHaveLength(1);
    // The other side's history is here, plus one row saying the import happened.
    expect([...historyUids(a.ctx)].every((uid) => historyUids(b.ctx).has(uid))).toBe(true);
    expect(count(b.ctx, 'history')).toBe(count(a.ctx, 'history') + 1);
    // Full-text search finds the imported instructions.
    const fts = (ctx: StoreContext, word: string) => ctx.db.prepare('SELECT count(*) AS n FROM instruction_fts WHERE instruction_fts MATCH ?').get(word);
    for (const word of ['electricity', 'checkpoints', 'vaccination']) expect(fts(b.ctx, word), word).toEqual(fts(a.ctx, word));
    expect(fts(b.ctx, 'electricity')).not.toEqual({ n: 0 });
  });

  it('changes nothing the second time', async () => {
    const { a, b } = await twoMachines();
    const doc = file(a);
    const hash = storeHash(b);
    const preview = previewMerge(b, doc);
    expect(preview.changes).toBe(false);
    expect(preview.conflicts).toEqual([]);
    expect(Object.values(preview.added).every((n) => n === 0)).toBe(true);
    expect(merge(b, doc)).toMatchObject({ changed: false });
    expect(storeHash(b)).toBe(hash);
  });
});

describe('records both sides have', () => {
  it('take the other side’s edits where only it changed, and keep this side’s own edits', async () => {
    const { a, b, id } = await twoMachines();
    updateInstruction(a, id, { title: 'Work out electricity supply for the winter' });
    changeDueDate(a, id, '2026-06-30', 'The Kazakh side asked for more time.');
    updateInstruction(b, id, { body: 'Bakyt’s notes on the supply.' });
    const doc = file(a);
    const preview = previewMerge(b, doc);
    expect(preview.conflicts).toEqual([]);
    expect(preview.updates).toEqual([{ entity: 'instruction', id, label: 'Work out the supply of electricity from Kazakhstan', fields: ['title', 'dueDate'] }]);
    expect(preview.added.extension).toBe(1);
    const versionBefore = getInstruction(b, id).version;
    merge(b, doc);
    const merged = getInstruction(b, id);
    expect(merged).toMatchObject({ title: 'Work out electricity supply for the winter', body: 'Bakyt’s notes on the supply.', dueDate: '2026-06-30' });
    expect(merged.version).toBe(versionBefore + 1);
    expect(merged.updatedAt).toBe(getInstruction(b, id).updatedAt);
    // The same file again: nothing.
    const hash = storeHash(b);
    expect(previewMerge(b, doc).changes).toBe(false);
    merge(b, doc);
    expect(storeHash(b)).toBe(hash);
    // And back: A gets B's body, B's history, and keeps its own title.
    merge(a, file(b));
    expect(getInstruction(a, id)).toMatchObject({ title: 'Work out electricity supply for the winter', body: 'Bakyt’s notes on the supply.', dueDate: '2026-06-30' });
    const union = new Set([...historyUids(a)].filter((u) => historyUids(b).has(u)));
    expect(union.size).toBeGreaterThan(0);
    expect(previewMerge(a, file(b)).changes).toBe(false);
  });

  it('list a field both sides changed as a conflict, store nothing until each is settled, then apply the choice', async () => {
    const { a, b, id } = await twoMachines();
    updateInstruction(a, id, { title: 'Aida’s title' });
    updateInstruction(b, id, { title: 'Bakyt’s title', priority: 'low' });
    const orgId = (a.db.prepare("SELECT id FROM organizations WHERE short_name = 'Ministry of Energy (KG)'").get() as { id: string }).id;
    updateOrganization(a, orgId, { shortName: 'MinEnergy KG' });
    updateOrganization(b, orgId, { shortName: 'Минэнерго КР' });
    const doc = file(a);
    const preview = previewMerge(b, doc);
    expect(preview.conflicts.map((c) => [c.key, c.label, c.local.value, c.incoming.value, c.local.by, c.incoming.by])).toEqual([
      [`organization:${orgId}:shortName`, 'Ministry of Energy of the Kyrgyz Republic', 'Минэнерго КР', 'MinEnergy KG', 'bakyt', 'aida'],
      [`instruction:${id}:title`, 'Bakyt’s title', 'Bakyt’s title', 'Aida’s title', 'bakyt', 'aida'],
    ]);
    expect(preview.conflicts[1]?.incoming.at).toMatch(/^2026-/);

    const hash = storeHash(b);
    const refused = (() => {
      try {
        merge(b, doc, { [`instruction:${id}:title`]: 'incoming' });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(StoreError);
    expect(refused).toMatchObject({ code: 'conflict', key: 'intake.conflictsUnresolved' });
    expect(storeHash(b)).toBe(hash);
    expect(() => merge(b, doc, { 'instruction:nonsense:title': 'local', [`instruction:${id}:title`]: 'incoming', [`organization:${orgId}:shortName`]: 'local' })).toThrow(
      /changed since the preview/,
    );
    expect(storeHash(b)).toBe(hash);

    const result = merge(b, doc, { [`instruction:${id}:title`]: 'incoming', [`organization:${orgId}:shortName`]: 'local' });
    expect(result).toMatchObject({ changed: true, conflictsResolved: 2 });
    expect(getInstruction(b, id)).toMatchObject({ title: 'Aida’s title', priority: 'low' });
    expect((b.db.prepare('SELECT short_name FROM organizations WHERE id = ?').get(orgId) as { short_name: string }).short_name).toBe('Минэнерго КР');
    // Settled once, settled for good: the same file again finds nothing to ask.
    const after = storeHash(b);
    const again = previewMerge(b, doc);
    expect(again.conflicts).toEqual([]);
    expect(again.changes).toBe(false);
    merge(b, doc);
    expect(storeHash(b)).toBe(after);
  });

  it('follow the newer copy for a difference no history explains', async () => {
    const { a, b, id } = await twoMachines();
    const doc = file(a);
    const older = structuredClone(doc);
    const target = older.instructions.find((i) => i.id === id)!;
    target.rank = 7;
    target.updatedAt = '2000-01-01T00:00:00.000Z';
    expect(previewMerge(b, older).changes).toBe(false);
    const newer = structuredClone(doc);
    const t2 = newer.instructions.find((i) => i.id === id)!;
    t2.rank = 7;
    t2.updatedAt = '2999-01-01T00:00:00.000Z';
    expect(previewMerge(b, newer).updates).toEqual([{ entity: 'instruction', id, label: expect.any(String), fields: ['rank'] }]);
    merge(b, newer);
    expect(getInstruction(b, id)).toMatchObject({ rank: 7, updatedAt: '2999-01-01T00:00:00.000Z' });
  });

  it('carry status, reports, topics and co-executor changes; a removal on one side is not undone by the other', async () => {
    const { a, b, id } = await twoMachines();
    changeStatus(a, id, 'report_submitted', { report: 'Volumes agreed.' });
    setInstructionTags(a, id, [tagId(a, 'energy'), tagId(a, 'trade')]);
    const [aCo] = listCoexecutors(a, id);
    removeCoexecutor(a, aCo!.id);
    const added = addCoexecutor(a, id, { organizationId: (a.db.prepare("SELECT id FROM organizations WHERE short_name = 'Ministry of Economy and Commerce (KG)'").get() as { id: string }).id });
    const other = (b.db.prepare("SELECT id FROM instructions WHERE item_number = '5'").get() as { id: string }).id;
    const [bCo] = listCoexecutors(b, other);
    removeCoexecutor(b, bCo!.id);

    const doc = file(a);
    const preview = previewMerge(b, doc);
    expect(preview.removed.coexecutor).toBe(1);
    expect(preview.added).toMatchObject({ coexecutor: 1, report: 1 });
    expect(preview.updates.find((u) => u.id === id)?.fields.sort()).toEqual(['status', 'tags']);
    merge(b, doc);
    expect(getInstruction(b, id).status).toBe('report_submitted');
    expect(listInstructionTagIds(b, id).sort()).toEqual([tagId(b, 'energy'), tagId(b, 'trade')].sort());
    expect(listCoexecutors(b, id).map((c) => c.id)).toEqual([added.id]);
    // B's own removal stands although A's file still has that co-executor.
    expect(listCoexecutors(b, other)).toEqual([]);
    const fts = (ctx: StoreContext) => ctx.db.prepare("SELECT count(*) AS n FROM instruction_fts WHERE instruction_fts MATCH '\"Volumes agreed\"'").get();
    expect(fts(b)).toEqual({ n: 1 });
    expect(fts(b)).toEqual(fts(a));
  });

  it('keeps a meeting and instructions only this side has', async () => {
    const { a, b } = await twoMachines();
    const meeting = createMeeting(b, { title: 'Bakyt’s own meeting', heldOn: '2026-02-02' });
    const org = createOrganization(b, { name: 'Bakyt’s agency' });
    createInstruction(b, { title: 'Only here', meetingId: meeting.id, leadOrgId: org.id });
    const before = count(b, 'instructions');
    merge(b, file(a));
    expect(count(b, 'instructions')).toBe(before);
    expect(previewMerge(a, file(b)).added).toMatchObject({ meeting: 1, organization: 1, instruction: 1 });
  });
});

describe('the same organization created on both machines', () => {
  const liveOrgs = (ctx: StoreContext) =>
    ctx.db.prepare('SELECT id, name FROM organizations WHERE merged_into IS NULL ORDER BY name').all() as { id: string; name: string }[];
  const leads = (ctx: StoreContext) => ctx.db.prepare('SELECT title, lead_org_id AS lead FROM instructions ORDER BY title').all() as { title: string; lead: string }[];

  it('is joined into the older record on import, both ways, and the stores converge', async () => {
    const a = (await machine('aida')).ctx;
    const b = (await machine('bakyt')).ctx;
    // Aida's is created first, so hers survives on both machines.
    const energyA = createOrganization(a, { name: 'Министерство энергетики Кыргызской Республики', country: 'Kyrgyzstan' });
    const energyB = createOrganization(b, { name: '«Министерство энергетики  Кыргызской Республики»', country: 'kyrgyzstan' });
    // Same name, another country: a different ministry, never joined.
    createOrganization(a, { name: 'Ministry of Energy', country: 'Kazakhstan' });
    createOrganization(b, { name: 'Ministry of Energy', country: 'Kyrgyzstan' });
    // The same minister on both sides (in the ministry being joined), and a namesake elsewhere.
    const ministerA = createPerson(a, { fullName: 'Ибраев Таалайбек Душенбиевич', organizationId: energyA.id });
    const ministerB = createPerson(b, { fullName: 'Ибраев  Таалайбек Душенбиевич', organizationId: energyB.id });
    createPerson(b, { fullName: 'Асанов Бакыт', organizationId: null });
    createPerson(a, { fullName: 'Асанов Бакыт', organizationId: createOrganization(a, { name: 'Акимат', country: 'Kyrgyzstan' }).id });
    const inA = createInstruction(a, { title: 'Поставки электроэнергии', leadOrgId: energyA.id, leadPersonId: ministerA.id });
    const inB = createInstruction(b, { title: 'Транзит электроэнергии', leadOrgId: energyB.id, controllerId: ministerB.id });
    addCoexecutor(a, inA.id, { organizationId: energyA.id });

    const toB = file(a);
    const preview = previewMerge(b, toB);
    expect(preview.joined).toEqual([
      { entity: 'organization', incoming: energyA.name, local: energyB.name },
      { entity: 'person', incoming: ministerA.fullName, local: ministerB.fullName },
      { entity: 'person', incoming: 'Асанов Бакыт', local: 'Асанов Бакыт' },
    ]);
    expect(merge(b, toB)).toMatchObject({ changed: true, joined: 3 });
    expect(getInstruction(b, inB.id).controllerId).toBe(ministerA.id);
    expect((b.db.prepare('SELECT count(*) AS n FROM people WHERE merged_into IS NULL').get() as { n: number }).n).toBe(2);
    expect(liveOrgs(b).filter((o) => o.name.includes('энергетики'))).toEqual([{ id: energyA.id, name: energyA.name }]);
    expect(leads(b).map((r) => r.lead)).toEqual([energyA.id, energyA.id]);
    expect(liveOrgs(b).filter((o) => o.name === 'Ministry of Energy')).toHaveLength(2);

    // Bakyt's file back to Aida: his ministry arrives already joined; nothing is left to join.
    const toA = file(b);
    expect(previewMerge(a, toA).joined).toEqual([]);
    merge(a, toA);
    expect(liveOrgs(a).filter((o) => o.name.includes('энергетики'))).toEqual([{ id: energyA.id, name: energyA.name }]);
    expect(leads(a)).toEqual(leads(b));
    expect(getInstruction(a, inB.id).leadOrgId).toBe(energyA.id);

    // From here on the files change nothing on either side.
    expect(merge(b, file(a)).changed).toBe(false);
    expect(merge(a, file(b)).changed).toBe(false);
  });

  it('is joined the same way when the newer copy is the one imported into the older', async () => {
    const a = (await machine('aida')).ctx;
    const b = (await machine('bakyt')).ctx;
    const older = createOrganization(a, { name: 'Border Service (KG)', country: 'Kyrgyzstan' });
    const newer = createOrganization(b, { name: 'Border Service (KG)' });
    createInstruction(b, { title: 'Open checkpoints', leadOrgId: newer.id });
    const result = merge(a, file(b));
    expect(result.joined).toBe(1);
    expect(liveOrgs(a).map((o) => o.id)).toEqual([older.id]);
    expect(leads(a).map((r) => r.lead)).toEqual([older.id]);
    // Her file tells his machine the same.
    merge(b, file(a));
    expect(liveOrgs(b).map((o) => o.id)).toEqual([older.id]);
    expect(leads(b).map((r) => r.lead)).toEqual([older.id]);
    expect(merge(a, file(b)).changed).toBe(false);
  });

  it('is left alone where either side has two of that name: the official merges those by hand', async () => {
    const a = (await machine('aida')).ctx;
    const b = (await machine('bakyt')).ctx;
    createOrganization(a, { name: 'Акимат' });
    createOrganization(b, { name: 'Акимат' });
    createOrganization(b, { name: 'акимат' });
    expect(previewMerge(a, file(b)).joined).toEqual([]);
    expect(merge(a, file(b)).joined).toBe(0);
    expect(liveOrgs(a)).toHaveLength(3);
  });
});

describe('bad exchange files', () => {
  it('are refused with a message naming the problem, and the store is unchanged', async () => {
    const a = await machine('aida');
    loadDemo(a.ctx);
    const b = await machine('bakyt');
    loadDemo(b.ctx);
    const good = JSON.stringify(exportExchange(a.ctx, '0.1.0'));
    const doc = JSON.parse(good) as ExchangeDocument;
    const hash = storeHash(b.ctx);
    const withDoc = (change: (d: ExchangeDocument) => void) => {
      const copy = structuredClone(doc);
      change(copy);
      return utf8(JSON.stringify(copy));
    };
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['truncated', utf8(good.slice(0, Math.floor(good.length * 0.6))), 'intake.exchangeTruncated', /cut short/],
      ['not JSON', utf8('Title,Lead\nA,B\n'), 'intake.notExchange', /not an exchange file/],
      ['broken JSON', utf8(good.replace('"instructions":[', '"instructions":[,')), 'intake.exchangeBadJson', /not valid JSON/],
      ['another JSON', utf8('{"hello":"world"}'), 'intake.notExchange', /not an exchange file/],
      ['newer version', withDoc((d) => ((d as { version: number }).version = 2)), 'intake.exchangeFromFuture', /newer version of the app \(exchange format 2; this version reads up to 1\)/],
      ['wrong shape', withDoc((d) => ((d.instructions[0] as { dueDate: unknown }).dueDate = 'soon')), 'intake.exchangeInvalid', /instructions\[0\]\.dueDate/],
      ['missing part', withDoc((d) => delete (d as Partial<ExchangeDocument>).history), 'intake.exchangeInvalid', /history/],
      ['Windows-1251', Buffer.concat([utf8('{"format":"'), Buffer.from([0xcf, 0xf0, 0xe8]), utf8('"}')]), 'intake.exchangeNotUtf8', /not UTF-8/],
      ['a workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'intake.notExchange', /ZIP/],
      ['dangling reference', withDoc((d) => (d.instructions[0]!.meetingId = '11111111-1111-4111-8111-111111111111')), 'intake.exchangeInconsistent', /neither in the file nor in this database/],
      ['listed twice', withDoc((d) => d.organizations.push(d.organizations[0]!)), 'intake.exchangeInconsistent', /listed twice/],
    ];
    for (const [what, bytes, key, message] of cases) {
      let caught: unknown;
      try {
        const parsed = readExchangeDocument(bytes);
        previewMerge(b.ctx, parsed);
        merge(b.ctx, parsed);
      } catch (err) {
        caught = err;
      }
      expect(caught, what).toBeInstanceOf(StoreError);
      expect({ what, key: (caught as StoreError).key }).toEqual({ what, key });
      expect((caught as StoreError).message, what).toMatch(message);
      expect(storeHash(b.ctx), what).toBe(hash);
    }
    expect(doc.format).toBe(EXCHANGE_FORMAT);
  });

  it('roll the whole merge back when the store fails halfway', async () => {
    const a = await machine('aida');
    loadDemo(a.ctx);
    const b = await machine('bakyt');
    const hash = storeHash(b.ctx);
    b.ctx.db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => merge(b.ctx, file(a.ctx))).toThrow(/disk trouble/);
    b.ctx.db.exec('DROP TRIGGER fail_midway');
    expect(storeHash(b.ctx)).toBe(hash);
    expect(count(b.ctx, 'instructions')).toBe(0);
  });
});
