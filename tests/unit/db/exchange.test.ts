import { describe, expect, it } from 'vitest';
import { exchangeDocumentSchema, exportExchange, EXCHANGE_FORMAT } from '../../../db/exchange';
import { loadDemo } from '../../../electron/services/demo/seed';
import { tempStore } from '../../support/temp';

describe('exchange export', () => {
  it('writes every record of the store in a document its own schema accepts', async () => {
    const { ctx } = await tempStore();
    loadDemo(ctx);
    const doc = exportExchange(ctx, '1.2.3');
    const parsed = exchangeDocumentSchema.parse(JSON.parse(JSON.stringify(doc)));
    expect(parsed.format).toBe(EXCHANGE_FORMAT);
    const count = (table: string) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(parsed.instructions).toHaveLength(count('instructions'));
    expect(parsed.organizations).toHaveLength(count('organizations'));
    expect(parsed.reports).toHaveLength(count('reports'));
    expect(parsed.extensions).toHaveLength(count('extensions'));
    expect(parsed.coexecutors).toHaveLength(count('coexecutors'));
    expect(parsed.history).toHaveLength(count('history'));
    expect(parsed.boards).toHaveLength(count('boards'));
    expect(parsed.instructions.flatMap((i) => i.tagIds)).toHaveLength(count('instruction_tags'));
    expect(new Set(parsed.history.map((h) => h.uid)).size).toBe(parsed.history.length);
  });
});
