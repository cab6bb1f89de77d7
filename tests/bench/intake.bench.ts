// Import benchmarks: a 100,000-row CSV list (read, checked and stored, against a raw bulk insert
// of the same rows) and a 10,000-instruction exchange file merged into a store holding half of it
// (against the same file parsed and its instructions upserted raw). The preview is measured
// against the same bytes decoded and split into rows and fields plainly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../db/store';
import { newId } from '../../db/context';
import { RANK_GAP, updateInstruction } from '../../db/instructions';
import { exportExchange, type ExchangeDocument } from '../../db/exchange';
import { applyMerge } from '../../db/merge';
import { StagedFiles } from '../../electron/services/intake/files';
import { commitList, previewList } from '../../electron/services/intake/lists/index';
import { readExchangeDocument } from '../../electron/services/intake/exchange';
import { parseReadout } from '../../electron/services/intake/readout/index';
import { DEMO_READOUT } from '../../electron/services/demo/readout';
import { generate, random } from './generate';
import { emit, median, timeMs, timeMsAsync } from './report';

const ROWS = 100_000;

async function freshStore(dir: string, name: string): Promise<Store> {
  return openStore(path.join(dir, `${name}.sqlite`));
}

function listCsv(): { bytes: Buffer; rows: { title: string; due: string }[] } {
  const rnd = random(7);
  const verbs = ['Проработать', 'Обеспечить', 'Подготовить', 'Рассмотреть', 'Внести предложения по'];
  const objects = ['поставке электроэнергии', 'транзиту грузов', 'открытию пунктов пропуска', 'строительству оптово-распределительных центров', 'курортам Иссык-Куля', 'торговле'];
  const topics = ['Энергетика', 'Логистика', 'Торговля', 'Туризм', 'Пункты пропуска'];
  const lines = ['№;Поручение;Ответственный исполнитель;Соисполнители;Срок исполнения;Приоритет;Тема'];
  const rows: { title: string; due: string }[] = [];
  for (let i = 0; i < ROWS; i++) {
    const title = `${verbs[i % verbs.length]} ${objects[Math.floor(rnd() * objects.length)]} (пункт ${i + 1})`;
    const day = 1 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const due = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    rows.push({ title, due });
    lines.push(
      [
        i + 1,
        title,
        `Министерство №${i % 40}`,
        i % 4 === 0 ? `Министерство №${(i + 1) % 40}` : '',
        `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.2027`,
        i % 10 === 0 ? 'высокий' : '',
        topics[i % topics.length],
      ].join(';'),
    );
  }
  return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]), rows };
}

/** Runs are repeated on fresh stores and the median kept: one 100,000-row import is seconds long. */
const RUNS = 3;

async function benchCsv(dir: string): Promise<void> {
  const { bytes, rows } = listCsv();
  const baselines: number[] = [];
  const imports: number[] = [];
  const previews: number[] = [];
  const plainReads: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Baseline of the preview: the same bytes decoded and split into rows and fields, nothing checked.
    let fields = 0;
    plainReads.push(
      timeMs(() => {
        for (const line of new TextDecoder('utf-8').decode(bytes).split('\r\n')) fields += line.split(';').length;
      }),
    );
    if (fields < ROWS) throw new Error(`the plain read found ${fields} fields`);

    // Baseline: the same rows inserted raw, a prepared INSERT per row in one transaction, through
    // the same table, indexes and full-text trigger (no parsing, checks, history or topics).
    const raw = await freshStore(dir, `raw-${run}`);
    baselines.push(
      timeMs(() => {
        const insert = raw.ctx.db.prepare(
          `INSERT INTO instructions (id, item_number, title, body, due_date, original_due_date, rank, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)`,
        );
        const at = new Date().toISOString();
        raw.ctx.transaction(() => rows.forEach((r, i) => insert.run(newId(), String(i + 1), r.title, r.due, r.due, (i + 1) * RANK_GAP, at, at)));
      }),
    );
    raw.close();

    // The import as the official runs it: the file read, every row checked, the valid rows, their
    // topics, co-executors, new organizations and history stored in one transaction.
    const store = await freshStore(dir, `csv-${run}`);
    const files = new StagedFiles();
    previews.push(
      await timeMsAsync(async () => {
        const staged = files.stage('list.csv', bytes);
        const p = await previewList(store.ctx, files.get(staged.fileId), {});
        if (p.validRows !== ROWS) throw new Error(`expected ${ROWS} valid rows, got ${p.validRows}`);
      }),
    );
    let imported = 0;
    imports.push(
      await timeMsAsync(async () => {
        const staged = files.stage('list.csv', bytes);
        imported = (await commitList(store.ctx, files.get(staged.fileId), {})).imported;
      }),
    );
    if (imported !== ROWS) throw new Error(`expected ${ROWS} imported rows, got ${imported}`);
    store.close();
  }
  emit('import.csv_100k_preview', median(previews), 'ms', median(plainReads));
  emit('import.csv_100k', median(imports), 'ms', median(baselines));
}

/** The part of an exchange document a store holding only the first `count` instructions would export. */
function firstInstructions(doc: ExchangeDocument, count: number): ExchangeDocument {
  const instructions = doc.instructions.slice(0, count);
  const ids = new Set(instructions.map((i) => i.id));
  const keep = <T extends { instructionId: string | null }>(rows: T[]) => rows.filter((r) => r.instructionId === null || ids.has(r.instructionId));
  return {
    ...doc,
    instructions,
    coexecutors: keep(doc.coexecutors),
    reports: keep(doc.reports),
    extensions: keep(doc.extensions),
    history: keep(doc.history),
  };
}

async function benchMerge(dir: string): Promise<void> {
  const origin = await freshStore(dir, 'origin');
  generate(origin.ctx, { instructions: 10_000, meetings: 10 });
  const half = firstInstructions(exportExchange(origin.ctx, 'bench'), 5_000);
  // The other official went on working: 1,000 of the shared instructions changed since.
  for (const instruction of half.instructions.slice(0, 1_000)) updateInstruction(origin.ctx, instruction.id, { title: `${instruction.title} (уточнено)` });
  const bytes = Buffer.from(JSON.stringify(exportExchange(origin.ctx, 'bench')));
  origin.close();
  const times: number[] = [];
  const raws: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Baseline: a store in the same state, the same file parsed and every instruction in it upserted
    // raw by id in one transaction (no schema check, plan, history, tags or related rows).
    const rawTarget = await freshStore(dir, `raw-target-${run}`);
    applyMerge(rawTarget.ctx, half, {});
    const upsert = rawTarget.ctx.db.prepare(
      `INSERT INTO instructions (id, meeting_id, item_number, title, body, lead_org_id, due_date, original_due_date, priority, status, rank,
         resolution, resolved_at, created_at, updated_at)
       VALUES (@id, @meetingId, @itemNumber, @title, @body, @leadOrgId, @dueDate, @originalDueDate, @priority, @status, @rank,
         @resolution, @resolvedAt, @createdAt, @updatedAt)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, body = excluded.body, due_date = excluded.due_date, status = excluded.status,
         rank = excluded.rank, resolution = excluded.resolution, resolved_at = excluded.resolved_at, updated_at = excluded.updated_at`,
    );
    raws.push(
      timeMs(() => {
        const doc = JSON.parse(bytes.toString('utf8')) as ExchangeDocument;
        rawTarget.ctx.transaction(() =>
          doc.instructions.forEach((i) =>
            upsert.run({ id: i.id, meetingId: i.meetingId, itemNumber: i.itemNumber, title: i.title, body: i.body, leadOrgId: i.leadOrgId, dueDate: i.dueDate, originalDueDate: i.originalDueDate, priority: i.priority, status: i.status, rank: i.rank, resolution: i.resolution, resolvedAt: i.resolvedAt, createdAt: i.createdAt, updatedAt: i.updatedAt }),
          ),
        );
      }),
    );
    rawTarget.close();

    const target = await freshStore(dir, `target-${run}`);
    applyMerge(target.ctx, half, {});
    let result: ReturnType<typeof applyMerge> | undefined;
    // The file read and checked against its schema, the merge planned and applied.
    times.push(timeMs(() => (result = applyMerge(target.ctx, readExchangeDocument(bytes), {}))));
    if (result?.updated !== 1_000 || result.added < 5_000) throw new Error(`unexpected merge result ${JSON.stringify(result)}`);
    target.close();
  }
  emit('import.json_merge_10k', median(times), 'ms', median(raws));
}

/**
 * A pasted readout of 200,000 characters (the stated limit), the demo readout repeated: parsed as
 * the app parses it (sentences, obligations, leads, dates), against the same text split into
 * sentences and lower-cased by one plain regular expression (one linear pass).
 */
function benchReadout(): void {
  const catalog = {
    organizations: [
      { id: 'o1', name: 'Ministry of Energy of the Kyrgyz Republic', shortName: null, country: 'Kyrgyzstan' },
      { id: 'o2', name: 'Ministry of Economy and Commerce of the Kyrgyz Republic', shortName: null, country: 'Kyrgyzstan' },
    ],
    tags: [{ id: 't1', code: 'energy' }],
  };
  const text = DEMO_READOUT.repeat(Math.ceil(200_000 / DEMO_READOUT.length)).slice(0, 200_000);
  const parses: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 5; i++) {
    parses.push(timeMs(() => parseReadout(text, catalog)));
    plain.push(timeMs(() => (text.match(/[^.!?]+[.!?]+/g) ?? []).map((sentence) => sentence.toLowerCase())));
  }
  emit('intake.readout_200k', median(parses), 'ms', median(plain), '200,000 characters parsed as pasted, against one regex pass over the same text');
}

export async function benchIntake(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-bench-intake-'));
  try {
    benchReadout();
    await benchCsv(dir);
    await benchMerge(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
