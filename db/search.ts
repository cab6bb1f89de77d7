import type { StoreContext } from './context';
import { ftsExpression } from './filter';

export interface SearchHit {
  id: string;
  itemNumber: string | null;
  title: string;
  status: string;
  /** A fragment of the matching text with the match between « and ». */
  snippet: string;
}

/** A short fragment around the first match of any query word (prefix, case-insensitive). */
export function makeSnippet(text: string, words: string[], radius = 60): string {
  const lower = text.toLocaleLowerCase();
  let at = -1;
  let length = 0;
  for (const word of words) {
    const i = lower.indexOf(word.toLocaleLowerCase());
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      const end = /[^\p{L}\p{N}_]/u.exec(text.slice(i));
      length = end ? end.index : text.length - i;
    }
  }
  if (at < 0) return text.slice(0, radius * 2) + (text.length > radius * 2 ? '…' : '');
  const from = Math.max(0, at - radius);
  const to = Math.min(text.length, at + length + radius);
  return `${from > 0 ? '…' : ''}${text.slice(from, at)}«${text.slice(at, at + length)}»${text.slice(at + length, to)}${to < text.length ? '…' : ''}`;
}

/**
 * Full-text search over titles, texts and reports. Instructions whose title matches come first,
 * then those matching only in text or reports; each group in BM25 order (configured as the index's
 * rank in migration 1). Ranking the title group alone keeps a common word cheap on a large
 * database. The ranking runs inside FTS5 on the index alone (its own ORDER BY rank path, several
 * times faster than ranking across a join); archived instructions are dropped afterwards, asking
 * for more hits in the rare case too many were. Snippets are cut here rather than by FTS5's
 * snippet(), which re-reads the index per row.
 */
export function searchInstructions(ctx: StoreContext, text: string, limit = 50): SearchHit[] {
  const expr = ftsExpression(text);
  if (expr === '') return [];
  const words = text.split(/[^\p{L}\p{N}_]+/u).filter((w) => w !== '');
  const ranked = ctx.stmt('SELECT rowid FROM instruction_fts WHERE instruction_fts MATCH ? ORDER BY rank LIMIT ?');
  const rankedTop = (want: number): number[] => {
    const inTitle = (ranked.all(`{title} : (${expr})`, want) as { rowid: number }[]).map((r) => r.rowid);
    if (inTitle.length >= want) return inTitle;
    const elsewhere = ranked.all(`(${expr}) NOT {title} : (${expr})`, want - inTitle.length) as { rowid: number }[];
    return [...inTitle, ...elsewhere.map((r) => r.rowid)];
  };
  const details = ctx.stmt(
    `SELECT i.rowid AS rowid, i.id, i.item_number AS itemNumber, i.title, i.status, i.body,
            (SELECT group_concat(r.body, ' ') FROM reports r WHERE r.instruction_id = i.id) AS reports
       FROM instructions i
      WHERE i.rowid IN (SELECT value FROM json_each(?)) AND i.archived = 0`,
  );
  for (let want = limit + 10; ; want *= 4) {
    const top = rankedTop(want);
    const rows = details.all(JSON.stringify(top)) as { rowid: number; id: string; itemNumber: string | null; title: string; status: string; body: string; reports: string | null }[];
    if (rows.length >= limit || top.length < want) {
      const order = new Map(top.map((rowid, i) => [rowid, i]));
      rows.sort((a, b) => (order.get(a.rowid) as number) - (order.get(b.rowid) as number));
      return rows.slice(0, limit).map((r) => ({
        id: r.id,
        itemNumber: r.itemNumber,
        title: r.title,
        status: r.status,
        snippet: makeSnippet(`${r.title}. ${r.body} ${r.reports ?? ''}`, words),
      }));
    }
  }
}
