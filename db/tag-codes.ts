// Topics by their stable code (energy, logistics, …), for code that names topics in its own data.
import type { StoreContext } from './context';

/** Every topic's id under its code. */
export function tagIdsByCode(ctx: StoreContext): Map<string, string> {
  const rows = ctx.stmt('SELECT code, id FROM tags').all() as { code: string; id: string }[];
  return new Map(rows.map((t) => [t.code, t.id]));
}
