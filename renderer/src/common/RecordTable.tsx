import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface RecordTableProps {
  /** Read to screen readers only: the table's heading is on screen already. */
  caption: string;
  columns: string[];
  /** Adds a last column for per-row buttons, headed for screen readers only. */
  actions?: boolean;
  testId?: string;
  /** The rows (`<tr>`), each with one cell per column, plus the actions cell when `actions`. */
  children: ReactNode;
}

/** The app's table of records: meetings, organizations, people, co-executors, extensions. */
export function RecordTable({ caption, columns, actions = false, testId, children }: RecordTableProps) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
