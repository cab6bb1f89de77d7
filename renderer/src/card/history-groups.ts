// One action, one history entry: the rows one write stored (a resolve: status, final report,
// dates, control flag) share an action id; rows from before version 2 have none and are grouped by
// who and when (one write stamps all its rows with one instant).
import type { HistoryEntry } from '../../../db/model';

export interface HistoryAction {
  key: string;
  actor: string;
  at: string;
  entries: HistoryEntry[];
}

export function groupHistory(entries: readonly HistoryEntry[]): HistoryAction[] {
  const out: HistoryAction[] = [];
  for (const entry of entries) {
    const key = entry.actionId ?? `${entry.actor}@${entry.at}`;
    const last = out[out.length - 1];
    if (last && last.key === key) last.entries.push(entry);
    else out.push({ key, actor: entry.actor, at: entry.at, entries: [entry] });
  }
  return out;
}
