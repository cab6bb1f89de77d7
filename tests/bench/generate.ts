// A generated database for benchmarks: meetings, ministries and instructions with plausible
// Russian, Kazakh and English wording, reports, co-executors and topics.
import type { StoreContext } from '../../db/context';
import { newId } from '../../db/context';
import { RANK_GAP } from '../../db/instructions';
import { addDays } from '../../db/dates';

const WORDS = [
  'энергетика', 'транзит', 'электроэнергии', 'поставка', 'логистика', 'таможня', 'пункт', 'пропуска', 'граница', 'торговля',
  'инвестиции', 'туризм', 'курорт', 'Иссык-Куль', 'оптово-распределительный', 'центр', 'железная', 'дорога', 'соглашение', 'проект',
  'Қазақстан', 'Қырғызстан', 'сауда', 'инвестиция', 'көлік', 'шекара', 'электр', 'energy', 'transit', 'trade', 'logistics',
  'investment', 'tourism', 'checkpoint', 'agreement', 'plan', 'measures', 'roadmap', 'working', 'group',
];

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length] as T;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Generated {
  meetingIds: string[];
  orgIds: string[];
  instructionIds: string[];
}

/**
 * Writes `instructions` instructions spread over `meetings` meetings (so a meeting's board holds
 * instructions / meetings cards), in one transaction, through plain inserts: the FTS triggers and
 * indexes do their real work, the domain checks are skipped for speed.
 */
export function generate(ctx: StoreContext, options: { instructions: number; meetings: number; organizations?: number; seed?: number }): Generated {
  const rnd = random(options.seed ?? 42);
  const orgCount = options.organizations ?? 40;
  const at = '2026-01-15T09:00:00.000Z';
  const today = ctx.today();
  return ctx.transaction(() => {
    const orgIds: string[] = [];
    const insertOrg = ctx.db.prepare('INSERT INTO organizations (id, name, short_name, country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < orgCount; i++) {
      const id = newId();
      orgIds.push(id);
      insertOrg.run(id, `Министерство ${pick(WORDS, i)} №${i + 1}`, `МИН-${i + 1}`, i % 2 ? 'Kazakhstan' : 'Kyrgyzstan', at, at);
    }
    const meetingIds: string[] = [];
    const insertMeeting = ctx.db.prepare('INSERT INTO meetings (id, title, held_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < options.meetings; i++) {
      const id = newId();
      meetingIds.push(id);
      insertMeeting.run(id, `Совещание ${i + 1}: ${pick(WORDS, i * 7)} и ${pick(WORDS, i * 3 + 1)}`, addDays('2025-01-10', i * 7), at, at);
    }
    const tagIds = (ctx.db.prepare('SELECT id FROM tags ORDER BY code').all() as { id: string }[]).map((t) => t.id);
    const insert = ctx.db.prepare(
      `INSERT INTO instructions (id, meeting_id, item_number, title, body, lead_org_id, due_date, original_due_date, priority, status,
         on_control, rank, resolution, resolved_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertTag = ctx.db.prepare('INSERT OR IGNORE INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)');
    const insertReport = ctx.db.prepare('INSERT INTO reports (id, instruction_id, kind, body, author, submitted_at) VALUES (?, ?, ?, ?, ?, ?)');
    const insertCo = ctx.db.prepare('INSERT INTO coexecutors (id, instruction_id, organization_id, due_date, created_at) VALUES (?, ?, ?, ?, ?)');
    const statuses = ['assigned', 'in_progress', 'report_submitted', 'resolved'] as const;
    const priorities = ['low', 'normal', 'normal', 'high', 'critical'] as const;
    const instructionIds: string[] = [];
    for (let i = 0; i < options.instructions; i++) {
      const id = newId();
      instructionIds.push(id);
      const words = Array.from({ length: 6 }, () => pick(WORDS, Math.floor(rnd() * WORDS.length)));
      const status = pick(statuses, Math.floor(rnd() * 4));
      const due = addDays(today, Math.floor(rnd() * 120) - 40);
      insert.run(
        id,
        meetingIds[i % meetingIds.length],
        String(Math.floor(i / meetingIds.length) + 1),
        `Обеспечить ${words.slice(0, 4).join(' ')}`,
        `Поручается ${words.join(' ')}. ${words.reverse().join(' ')}.`,
        orgIds[Math.floor(rnd() * orgIds.length)],
        due,
        due,
        pick(priorities, Math.floor(rnd() * priorities.length)),
        status,
        status === 'resolved' ? 0 : 1,
        (i + 1) * RANK_GAP,
        status === 'resolved' ? 'Исполнено полностью' : null,
        status === 'resolved' ? at : null,
        at,
        at,
      );
      insertTag.run(id, pick(tagIds, i));
      if (i % 3 === 0) insertTag.run(id, pick(tagIds, i + 4));
      if (i % 2 === 0) insertReport.run(newId(), id, status === 'resolved' ? 'final' : 'interim', `Отчёт: ${words.slice(2).join(' ')}`, 'bench', at);
      if (i % 4 === 0) insertCo.run(newId(), id, orgIds[(i + 1) % orgIds.length], due, at);
    }
    return { meetingIds, orgIds, instructionIds };
  });
}
