// Topics (energy, logistics, checkpoints, …): the tags of instructions, named in every interface language.
import { newId, type StoreContext } from './context';
import type { Language, Tag } from './model';
import type { TagRow } from './schema/index';

export interface TagInput {
  code: string;
  names: Record<Language, string>;
}

export function tagName(row: TagRow, language: Language): string {
  return row[`name_${language}`];
}

export function listTagRows(ctx: StoreContext): TagRow[] {
  return ctx.stmt('SELECT * FROM tags ORDER BY code').all() as TagRow[];
}

export function listTags(ctx: StoreContext, language: Language): Tag[] {
  return listTagRows(ctx).map((r) => ({ id: r.id, code: r.code, name: tagName(r, language) }));
}

export function ensureTag(ctx: StoreContext, input: TagInput): string {
  const existing = ctx.stmt('SELECT id FROM tags WHERE code = ?').get(input.code) as { id: string } | undefined;
  if (existing) return existing.id;
  const id = newId();
  ctx
    .stmt('INSERT INTO tags (id, code, name_en, name_ru, name_kk, name_ky) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, input.code, input.names.en, input.names.ru, input.names.kk, input.names.ky);
  return id;
}

/** The topics every database starts with (DESIGN.md names the first five). */
export const STANDARD_TOPICS: readonly TagInput[] = [
  { code: 'energy', names: { en: 'Energy', ru: 'Энергетика', kk: 'Энергетика', ky: 'Энергетика' } },
  { code: 'logistics', names: { en: 'Logistics', ru: 'Логистика', kk: 'Логистика', ky: 'Логистика' } },
  { code: 'checkpoints', names: { en: 'Checkpoints', ru: 'Пункты пропуска', kk: 'Өткізу пункттері', ky: 'Өткөрүү пункттары' } },
  { code: 'trade', names: { en: 'Trade', ru: 'Торговля', kk: 'Сауда', ky: 'Соода' } },
  { code: 'tourism', names: { en: 'Tourism', ru: 'Туризм', kk: 'Туризм', ky: 'Туризм' } },
  { code: 'investment', names: { en: 'Investment', ru: 'Инвестиции', kk: 'Инвестициялар', ky: 'Инвестициялар' } },
  { code: 'agriculture', names: { en: 'Agriculture', ru: 'Сельское хозяйство', kk: 'Ауыл шаруашылығы', ky: 'Айыл чарба' } },
  { code: 'health', names: { en: 'Health', ru: 'Здравоохранение', kk: 'Денсаулық сақтау', ky: 'Саламаттыкты сактоо' } },
  { code: 'international', names: { en: 'International cooperation', ru: 'Международное сотрудничество', kk: 'Халықаралық ынтымақтастық', ky: 'Эл аралык кызматташтык' } },
];

/** Every topic's id under its code (energy, logistics, …), for code that names topics in its own data. */
export function tagIdsByCode(ctx: StoreContext): Map<string, string> {
  const rows = ctx.stmt('SELECT code, id FROM tags').all() as { code: string; id: string }[];
  return new Map(rows.map((t) => [t.code, t.id]));
}
