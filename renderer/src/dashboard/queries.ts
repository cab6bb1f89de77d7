// The searches the dashboard opens the board with: the same selection the figures counted
// (db/discipline.ts), written in the search language.
export type Figure = 'all' | 'onTime' | 'late' | 'overdue' | 'extended';

/** A value for `field:`, quoted so that spaces and colons stay inside it. */
export function quoteValue(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes('»')) return `«${value}»`;
  return value.replace(/\s+/g, ' ').split(' ')[0] as string;
}

/** The period's bounds: by the deadline in force (due:) or by the day of creation (created:). */
export function periodQuery(period: { from: string; to: string; basis: 'deadline' | 'created' }): string {
  const field = period.basis === 'deadline' ? 'due' : 'created';
  return `${field}:>=${period.from} ${field}:<=${period.to}`;
}

export function figureQuery(figure: Figure): string {
  switch (figure) {
    case 'all':
      return '';
    case 'onTime':
      return 'resolved:ontime';
    case 'late':
      return 'resolved:late';
    case 'overdue':
      return 'overdue:yes';
    case 'extended':
      return 'extended:yes';
  }
}

/** The last day of a month (YYYY-MM). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** This month, quarter or year, around `now` (local dates). */
export function presetPeriod(preset: 'month' | 'quarter' | 'year', now: Date): { from: string; to: string } {
  const y = now.getFullYear();
  const m = now.getMonth();
  if (preset === 'year') return { from: `${y}-01-01`, to: `${y}-12-31` };
  const first = preset === 'month' ? m : m - (m % 3);
  const last = preset === 'month' ? m : first + 2;
  return { from: iso(new Date(y, first, 1)), to: iso(new Date(y, last + 1, 0)) };
}
