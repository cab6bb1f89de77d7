// Create, edit, duplicate and delete boards: the field that makes the columns, swimlanes, the
// filter in the search language and WIP limits per column.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, BoardColumn, BoardField, SwimlaneField } from '../../../db/model';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { describeError } from '../common/errors';
import { boardTitle, columnTitle } from './model';
import './board.css';

const FIELDS: BoardField[] = ['status', 'organization', 'topic', 'meeting', 'priority'];
const LANES: SwimlaneField[] = ['organization', 'topic', 'meeting'];

export type BoardDraft = { mode: 'new'; filter: string; columnField: BoardField; meetingId: string | null } | { mode: 'edit'; board: Board; columns: BoardColumn[] };

export function BoardSettingsDialog({ draft, onClose, onSaved }: { draft: BoardDraft; onClose: () => void; onSaved: (board: Board | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const referenceData = useReferenceData();
  const announce = useAnnounce();
  const id = useId();
  const board = draft.mode === 'edit' ? draft.board : null;
  const [name, setName] = useState(board ? (board.name ?? boardTitle(board, t, referenceData.meetingTitle(board.meetingId))) : '');
  const [columnField, setColumnField] = useState<BoardField>(board ? board.columnField : draft.mode === 'new' ? draft.columnField : 'status');
  const [swimlaneField, setSwimlaneField] = useState<SwimlaneField | ''>(board?.swimlaneField ?? '');
  const [filter, setFilter] = useState(board ? board.filter : draft.mode === 'new' ? draft.filter : '');
  const [limits, setLimits] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(board?.wipLimits ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const columns = draft.mode === 'edit' && columnField === draft.board.columnField ? draft.columns.filter((c) => c.key !== null) : [];

  const call = async (action: () => Promise<Board | null>, done: string) => {
    try {
      const result = await action();
      announce(done);
      await referenceData.changed();
      onSaved(result);
      onClose();
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wipLimits = Object.fromEntries(
      Object.entries(limits)
        .map(([k, v]) => [k, Number(v)] as const)
        .filter(([, v]) => Number.isInteger(v) && v > 0),
    );
    if (board) {
      const keepDefault = board.builtin !== null && name.trim() === boardTitle({ ...board, name: null }, t, referenceData.meetingTitle(board.meetingId));
      void call(
        () =>
          api['boards.update']({
            id: board.id,
            patch: { name: keepDefault ? null : name.trim() || null, columnField, swimlaneField: swimlaneField || null, filter, wipLimits },
          }),
        t('boardSettings.saved', { name: name.trim() }),
      );
    } else {
      void call(
        () =>
          api['boards.create']({
            name: name.trim(),
            columnField,
            swimlaneField: swimlaneField || null,
            filter,
            wipLimits,
            meetingId: draft.mode === 'new' ? draft.meetingId : null,
          }),
        t('boardSettings.created', { name: name.trim() }),
      );
    }
  };

  return (
    <Dialog title={board ? t('boardSettings.editTitle') : t('boardSettings.newTitle')} onClose={onClose} testId="board-settings">
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor={`${id}-name`}>{t('boardSettings.name')}</label>
        <input id={`${id}-name`} value={name} required={!board?.builtin} data-autofocus onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-columns`}>{t('boardSettings.columns')}</label>
        <select id={`${id}-columns`} value={columnField} onChange={(e) => setColumnField(e.target.value as BoardField)}>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`boardSettings.field.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-lanes`}>{t('boardSettings.swimlanes')}</label>
        <select id={`${id}-lanes`} value={swimlaneField} onChange={(e) => setSwimlaneField(e.target.value as SwimlaneField | '')}>
          <option value="">{t('boardSettings.noLanes')}</option>
          {LANES.filter((f) => f !== columnField).map((f) => (
            <option key={f} value={f}>
              {t(`boardSettings.field.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-filter`}>{t('boardSettings.filter')}</label>
        <input id={`${id}-filter`} value={filter} placeholder={t('search.placeholder')} onChange={(e) => setFilter(e.target.value)} />
        {columns.length > 0 && (
          <fieldset className="wip-limits">
            <legend>{t('boardSettings.wipLimits')}</legend>
            {columns.map((column) => (
              <label key={column.key} className="wip-limit">
                <span>{columnTitle(draft.mode === 'edit' ? draft.board : (board as Board), column, t)}</span>
                <input
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={limits[column.key as string] ?? ''}
                  onChange={(e) => setLimits((l) => ({ ...l, [column.key as string]: e.target.value }))}
                />
              </label>
            ))}
          </fieldset>
        )}
        <div className="form-actions">
          {board && board.builtin === null && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(t('boardSettings.confirmDelete', { name: board.name ?? '' }))) {
                  void call(async () => {
                    await api['boards.delete']({ id: board.id });
                    return null;
                  }, t('boardSettings.deleted', { name: board.name ?? '' }));
                }
              }}
            >
              {t('boardSettings.delete')}
            </button>
          )}
          {board && (
            <button
              type="button"
              onClick={() => void call(() => api['boards.duplicate']({ id: board.id, name: t('boardSettings.copyOf', { name: name.trim() }) }), t('boardSettings.duplicated', { name: name.trim() }))}
            >
              {t('boardSettings.duplicate')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!board?.builtin && name.trim() === ''}>
            {board ? t('common.save') : t('boardSettings.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
