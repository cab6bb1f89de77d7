// A report over a board covers what the board shows: for the built-in "Due this week" board, its
// own filter (this week's dates, not resolved) applies to the report too.
import { describe, expect, it } from 'vitest';
import { getBoardView, listBoards } from '../../../../../db/boards';
import { createReportService } from '../../../../../electron/services/reports/service';
import { renderExport } from '../../../../../electron/services/reports/render';
import { tempStore } from '../../../../support/temp';
import { smallWorld } from '../../../../support/fixtures';

describe('a report over a board', () => {
  it('over "Due this week" holds the instructions the board shows', async () => {
    const { ctx } = await tempStore({ now: () => new Date(2026, 10, 27, 12) }); // Friday
    const { add } = smallWorld(ctx);
    add('Due Sunday', { dueDate: '2026-11-29' });
    add('Due next month', { dueDate: '2026-12-30' });
    const week = listBoards(ctx).find((b) => b.builtin === 'due_week')!;
    const reports = createReportService({ ctx, language: () => 'en', appVersion: '0.0.0-test', render: renderExport });
    try {
      const preview = reports.preview({ kind: 'register', scope: { type: 'search', query: '', boardId: week.id } });
      expect(preview.instructions).toBe(getBoardView(ctx, week.id, '', 'en').total);
      expect(preview.instructions).toBe(1);
      expect(preview.html).toContain('Due Sunday');
      expect(preview.html).not.toContain('Due next month');
    } finally {
      reports.close();
    }
  });
});
