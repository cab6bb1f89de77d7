// The report snapshot (one read transaction over the store) and the report model built from it.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { readReportSnapshot, ReportQueryError } from '../../../../../db/reports';
import { buildReport } from '../../../../../electron/services/reports/build';
import type { ReportDocument, Section } from '../../../../../electron/services/reports/model';
import { formatDate, plural, reportStrings } from '../../../../../electron/services/reports/strings';
import { tempStore } from '../../../../support/temp';
import { KZ_ORG, KZ_PERSON, REPORT_NOW, TODAY, reportWorld } from '../../../../support/report-world';

async function world() {
  const store = await tempStore({ now: () => REPORT_NOW, actor: () => 'Тестовый пользователь' });
  return { store, ctx: store.ctx, w: reportWorld(store.ctx) };
}

function section(doc: ReportDocument, id: string): Section {
  const found = doc.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

describe('report snapshot', () => {
  it('selects a meeting or any search, as the board does, and leaves archived instructions out', async () => {
    const { ctx, w } = await world();
    const meeting = readReportSnapshot(ctx, { filters: [], meetingId: w.meetingId });
    expect(meeting.instructions.map((i) => i.id)).not.toContain(w.items.archived.id);
    expect(meeting.instructions.map((i) => i.id)).not.toContain(w.items.other.id);
    expect(meeting.instructions).toHaveLength(15);
    expect(meeting.today).toBe(TODAY);

    const search = readReportSnapshot(ctx, { filters: ['overdue:yes'] });
    expect(search.instructions.map((i) => i.title).sort()).toEqual(
      [w.items.overdue.title, w.items.extended.title, w.items.other.title].sort(),
    );
    const withArchived = readReportSnapshot(ctx, { filters: ['archived:yes'] });
    expect(withArchived.instructions.map((i) => i.id)).toEqual([w.items.archived.id]);
    // Free text in Kazakh through the full-text index; the board's filter and the typed search AND-ed.
    const text = readReportSnapshot(ctx, { filters: ['org:энергетика', 'ғимарат'] });
    expect(text.instructions.map((i) => i.id)).toEqual([w.items.lettered.id]);
  });

  it('carries co-executors, reports, extensions and topics with each instruction', async () => {
    const { ctx, w } = await world();
    const snap = readReportSnapshot(ctx, { filters: [] });
    const lettered = snap.instructions.find((i) => i.id === w.items.lettered.id)!;
    expect(lettered.coexecutors.map((c) => c.organizationId)).toEqual([w.kgOrgId, w.kzOrg2Id]);
    const resolved = snap.instructions.find((i) => i.id === w.items.resolved.id)!;
    expect(resolved.reports.map((r) => r.kind)).toEqual(['interim', 'final']);
    const extended = snap.instructions.find((i) => i.id === w.items.extended.id)!;
    expect(extended.extensions).toMatchObject([{ oldDate: '2026-02-20', newDate: '2026-03-05', reason: 'Ожидается заключение погранслужбы' }]);
    expect(snap.organizations.map((o) => o.name)).toContain(KZ_ORG);
  });

  it('refuses a search that does not parse, saying where', async () => {
    const { ctx } = await world();
    expect(() => readReportSnapshot(ctx, { filters: ['status:nonsense'] })).toThrow(ReportQueryError);
  });

  it('is one consistent snapshot while another connection keeps writing', async () => {
    const { store, ctx, w } = await world();
    const target = w.items.reported.id;
    const base = readReportSnapshot(ctx, { filters: [] }).instructions.find((i) => i.id === target)!;
    const baseReports = base.reports.length;
    const baseVersion = base.version;
    // A second connection, in another thread, files report after report, each one in a transaction
    // that also bumps the instruction's version. A snapshot read piecemeal would see reports and
    // versions that disagree; one read transaction never does.
    const writer = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const db = new Database(workerData.file);
       db.pragma('busy_timeout = 5000');
       const add = db.transaction((n) => {
         db.prepare("INSERT INTO reports (id, instruction_id, kind, body, author, submitted_at) VALUES (?, ?, 'interim', ?, 'writer', ?)")
           .run(require('node:crypto').randomUUID(), workerData.id, 'report ' + n, new Date(Date.UTC(2026, 2, 10, 10, 0, n)).toISOString());
         db.prepare('UPDATE instructions SET version = version + 1 WHERE id = ?').run(workerData.id);
       });
       for (let n = 0; n < 400; n++) add(n);
       db.close();
       parentPort.postMessage('done');`,
      { eval: true, workerData: { driver: path.resolve('node_modules/better-sqlite3'), file: store.file, id: target } },
    );
    let finished = false;
    writer.on('message', () => (finished = true));
    const seen = new Set<number>();
    while (!finished) {
      const snap = readReportSnapshot(ctx, { filters: [] });
      const item = snap.instructions.find((i) => i.id === target)!;
      expect(item.reports.length - baseReports).toBe(item.version - baseVersion);
      seen.add(item.version);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writer.terminate();
    const last = readReportSnapshot(ctx, { filters: [] }).instructions.find((i) => i.id === target)!;
    expect(last.reports.length - baseReports).toBe(400);
    expect(last.version - baseVersion).toBe(400);
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('report model', () => {
  it('the status report sums each lead organization, derives overdue and extended, and shows the latest or final report', async () => {
    const { ctx, w } = await world();
    const doc = buildReport(readReportSnapshot(ctx, { filters: [], meetingId: w.meetingId }), { kind: 'status', language: 'ru' });
    expect(doc.title).toBe('Справка о ходе исполнения поручений');
    expect(doc.asOfText).toBe('По состоянию на 10.03.2026');
    expect(doc.meta[0]).toEqual({ label: 'Основание', value: 'Совещание глав правительств Кыргызстана и Казахстана от 20.01.2026, протокол № 7-қ' });
    const summary = section(doc, 'summary');
    const byOrg = Object.fromEntries(summary.rows.map((r) => [r.organization, r]));
    expect(byOrg[KZ_ORG]).toMatchObject({ total: 12, resolved: 1, reportSubmitted: 1, overdue: 0, extended: 0 });
    expect(byOrg['Кыргыз Республикасынын Жаңы өнөр жай министрлиги']).toMatchObject({ total: 1, assigned: 1, overdue: 1 });
    expect(byOrg['Шаһар құрылысы және жаңа үй-жай комитеті']).toMatchObject({ total: 1, overdue: 1, extended: 1 });
    expect(summary.rows.at(-1)?.organization).toBe('Головной исполнитель не назначен');
    expect(summary.totals).toMatchObject({ organization: 'Итого', total: 15, overdue: 2, extended: 1, resolved: 1 });

    const rows = section(doc, 'instructions').rows;
    const row = (id: string) => rows.find((r) => r.title === rows.find((x) => x.id === id)?.title)!;
    expect(rows.find((r) => r.id === w.items.extended.id)).toMatchObject({
      due: '2026-03-05',
      originalDue: '2026-02-20',
      extensions: 1,
      daysOverdue: 5,
      overdueNote: 'просрочено на 5 дней',
      originalNote: 'первоначально 20.02.2026, продлён 1 раз',
    });
    expect(row(w.items.resolved.id)).toMatchObject({ status: 'Исполнено', latestReport: 'Дорожная карта подписана 25.02.2026.', latestReportKind: 'Итоговый отчёт', daysOverdue: null });
    expect(row(w.items.reported.id)).toMatchObject({ status: 'Отчёт представлен', latestReport: 'Перечень из 12 проектов представлен.', latestReportKind: 'Промежуточный отчёт' });
    expect(row(w.items.lettered.id)).toMatchObject({
      leadPerson: `${KZ_PERSON}, вице-министр`,
      coexecutors: 'Кыргыз Республикасынын Жаңы өнөр жай министрлиги (до 01.04.2026)\nШаһар құрылысы және жаңа үй-жай комитеті — Әсел Нұрғалиқызы Өмірбекова',
    });
  });

  it('the overdue list says who, what and how many days late, most late first, and sums by organization', async () => {
    const { ctx, w } = await world();
    const doc = buildReport(readReportSnapshot(ctx, { filters: [] }), { kind: 'overdue', language: 'en' });
    expect(doc.title).toBe('Overdue instructions');
    const list = section(doc, 'overdue').rows;
    expect(list.map((r) => [r.title, r.daysOverdue])).toEqual([
      [w.items.overdue.title, 8],
      [w.items.extended.title, 5],
      [w.items.other.title, 1],
    ]);
    expect(doc.instructionCount).toBe(3);
    const byOrg = section(doc, 'overdueByOrg');
    expect(byOrg.rows).toEqual([
      { organization: 'Кыргыз Республикасынын Жаңы өнөр жай министрлиги', overdue: 2, maxDaysOverdue: 8 },
      { organization: 'Шаһар құрылысы және жаңа үй-жай комитеті', overdue: 1, maxDaysOverdue: 5 },
    ]);
    expect(byOrg.totals).toEqual({ organization: 'Total', overdue: 3, maxDaysOverdue: 8 });
  });

  it('the register has every field of every instruction', async () => {
    const { ctx, w } = await world();
    const doc = buildReport(readReportSnapshot(ctx, { filters: [] }), { kind: 'register', language: 'en' });
    const register = section(doc, 'register');
    expect(register.columns.map((c) => c.key)).toEqual(
      expect.arrayContaining(['number', 'meeting', 'meetingDate', 'protocol', 'title', 'text', 'lead', 'leadPerson', 'controller', 'coexecutors', 'priority', 'status', 'onControl', 'topics', 'originalDue', 'due', 'extensions', 'extensionHistory', 'reports', 'latestReport', 'resolution', 'resolvedAt', 'createdAt', 'updatedAt', 'archived', 'id']),
    );
    const extended = register.rows.find((r) => r.id === w.items.extended.id)!;
    expect(extended.extensionHistory).toBe('20 Feb 2026 → 5 Mar 2026: Ожидается заключение погранслужбы (Тестовый пользователь)');
    const resolved = register.rows.find((r) => r.id === w.items.resolved.id)!;
    expect(resolved).toMatchObject({ resolution: 'Дорожная карта подписана 25.02.2026.', onControl: 'no', reports: 2 });
    expect(resolved.resolvedAt).toBe(REPORT_NOW.toISOString());
  });

  it('follows the language: English, Russian, Kazakh and Kyrgyz complete', () => {
    const en = reportStrings('en');
    const ru = reportStrings('ru');
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    // Russian has more plural forms than English; every other string is in both.
    const singular = (list: string[]) => list.filter((k) => !/\.(few|many)$/.test(k)).sort();
    expect(singular(keys(ru))).toEqual(singular(keys(en)));
    expect(reportStrings('kk').titles.status).toBe('Тапсырмалардың орындалу барысы туралы анықтама');
    expect(reportStrings('kk').columns.daysOverdue).toBe('Кешіктірілген күндер');
    // Kazakh and Kyrgyz are complete: the same keys as English (their plurals are one and other).
    expect(keys(reportStrings('kk')).sort()).toEqual(keys(en).sort());
    expect(keys(reportStrings('ky')).sort()).toEqual(keys(en).sort());
    expect(reportStrings('ky').status.resolved).toBe('Аткарылды');
    expect(plural(ru.notes.overdueBy, 1, 'ru')).toBe('просрочено на 1 день');
    expect(plural(ru.notes.overdueBy, 3, 'ru')).toBe('просрочено на 3 дня');
    expect(plural(ru.notes.overdueBy, 11, 'ru')).toBe('просрочено на 11 дней');
    expect(plural(en.notes.overdueBy, 1, 'en')).toBe('overdue by 1 day');
    expect(formatDate('2021-11-05', 'en')).toBe('5 Nov 2021');
    for (const lang of ['ru', 'kk', 'ky'] as const) expect(formatDate('2021-11-05', lang)).toBe('05.11.2021');
  });
});
