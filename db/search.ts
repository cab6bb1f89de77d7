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

/** Full-text search over titles, texts and reports, best matches first (BM25, titles weigh most). */
export function searchInstructions(ctx: StoreContext, text: string, limit = 50): SearchHit[] {
  const expr = ftsExpression(text);
  if (expr === '') return [];
  return ctx
    .stmt(
      `SELECT i.id, i.item_number AS itemNumber, i.title, i.status,
              snippet(instruction_fts, -1, '«', '»', '…', 12) AS snippet
         FROM instruction_fts f
         JOIN instructions i ON i.rowid = f.rowid
        WHERE instruction_fts MATCH ? AND i.archived = 0
        ORDER BY bm25(instruction_fts, 10.0, 3.0, 1.0)
        LIMIT ?`,
    )
    .all(expr, limit) as SearchHit[];
}
