// The execution-discipline figures over 100,000 instructions (issue 11: at most 1.5× the bare SQL
// aggregation of the same figures, and under 200 ms here). The baseline runs the very statements the
// figures are made of (db/discipline.ts disciplineSql: the sums per deadline and organization, and
// the worst ten), prepared once, bare through
// better-sqlite3; the figures add the working days, the names, the months and the rates on top.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../db/store';
import { addDays } from '../../db/dates';
import { disciplineFigures, disciplineParams, disciplineSql } from '../../db/discipline';
import { generate } from './generate';
import { emit, median, timeMs } from './report';

export async function benchDiscipline(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mat-bench-discipline-'));
  const store = await openStore(path.join(dir, 'bench.sqlite'));
  try {
    const { ctx } = store;
    generate(ctx, { instructions: 100_000, meetings: 20 });
    // A tenth of them extended once, as a real register has.
    ctx.db.prepare("UPDATE instructions SET extension_count = 1, original_due_date = date(due_date, '-14 days') WHERE rowid % 10 = 0").run();
    ctx.db.pragma('optimize');
    const today = ctx.today();
    // Every generated deadline (today − 40 … today + 80 days).
    const request = { from: addDays(today, -60), to: addDays(today, 100), basis: 'deadline' as const };
    const sql = disciplineSql(ctx, request, today);
    const bare = [ctx.db.prepare(sql.groups), ctx.db.prepare(sql.periods), ctx.db.prepare(sql.worst)];
    const params = [...sql.params, disciplineParams(request, today)];

    const ours: number[] = [];
    const baseline: number[] = [];
    let counted = 0;
    for (let i = 0; i < 12; i++) {
      baseline.push(timeMs(() => bare.forEach((statement) => statement.all(...params))));
      ours.push(timeMs(() => (counted = disciplineFigures(ctx, request).total.instructions)));
    }
    if (counted !== 100_000) throw new Error(`expected 100,000 instructions in the figures, got ${counted}`);
    const value = median(ours.slice(2));
    // Over the goal, say how loaded the machine was: the ratio is what a shared machine can judge.
    const load = os.loadavg()[0]?.toFixed(1);
    emit('db.discipline_figures_100k', value, 'ms', median(baseline.slice(2)), value < 200 ? undefined : `over the 200 ms goal of issue 11 (load average ${load} on ${os.cpus().length} cores)`);
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
