import type { StoreContext } from './context';

/** Settings are JSON values under string keys; a missing or unreadable value yields the fallback. */
export function getSetting<T>(ctx: StoreContext, key: string, fallback: T): T {
  const row = ctx.stmt('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export function setSetting(ctx: StoreContext, key: string, value: unknown): void {
  ctx
    .stmt('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value));
}
