import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, Tag } from '../../../db/model';
import type { IntakeCapabilities, ProtocolReadResult, ReadoutCandidate, ReadoutNote, StagedFileInfo } from '../../../db/intake-types';
import type { Input } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { describeError } from '../common/errors';
import { DialogError, IntakeDialog } from './IntakeDialog';
import { DateInput } from '../common/DateInput';
import { FieldNote, checkText, noteRef } from '../common/FieldNote';
import { FilePicker } from './FilePicker';
import { ScanPanel } from './ScanPanel';
import { formatDate } from '../common/format';

/** What the file control offers: Word documents and PDFs. */
const PROTOCOL_ACCEPT = '.docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The longest title the store takes (the contract's limit). */
const TITLE_LIMIT = 1000;

type CommitInput = Input<'intake.readoutCommit'>;

interface Item {
  candidate: ReadoutCandidate;
  accepted: boolean;
  title: string;
  /** `''` none, `id:<uuid>` an organization of the store, `new:<name>` one to create. */
  lead: string;
  tagIds: string[];
  dueDate: string;
}

function leadValue(c: ReadoutCandidate): string {
  const first = c.organizations[0];
  if (!first) return '';
  return first.existingId ? `id:${first.existingId}` : `new:${first.name}`;
}

function leadInput(value: string, candidate: ReadoutCandidate): CommitInput['instructions'][number]['lead'] {
  if (value.startsWith('id:')) return { id: value.slice(3) };
  if (value.startsWith('new:')) {
    const name = value.slice(4);
    // A new organization keeps the country the text gave it (a Kazakh ministry stays Kazakh).
    const country = candidate.organizations.find((o) => o.existingId === null && o.name === name)?.country ?? null;
    return country ? { name, country } : { name };
  }
  return null;
}

/** New meeting from text: paste, review every candidate, confirm; nothing is stored before. */
export function ReadoutDialog({ onClose, onDone }: { onClose: () => void; onDone: (boardId: string | null, message: string) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const textId = useId();
  const [text, setText] = useState('');
  const [capabilities, setCapabilities] = useState<IntakeCapabilities | null>(null);
  useEffect(() => {
    api['intake.capabilities']({}).then(
      (c) => setCapabilities(c),
      () => setCapabilities(null),
    );
  }, [api]);
  const limit = capabilities?.maxReadoutChars ?? null;
  const tooLong = limit !== null && text.length > limit;
  const [proposal, setProposal] = useState<{ notes: ReadoutNote[] } | null>(null);
  const [meeting, setMeeting] = useState({ title: '', heldOn: '', place: '', participants: '', protocolNumber: '' });
  // A protocol opened as a file: the file, and the name it was read from (null for pasted text).
  const [staged, setStaged] = useState<StagedFileInfo | null>(null);
  const [fromFile, setFromFile] = useState<string | null>(null);
  const [scan, setScan] = useState<Extract<ProtocolReadResult, { kind: 'scan' }> | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  const [tags, setTags] = useState<Tag[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([api['organizations.list']({}), api['tags.list']({})]).then(
      ([orgs, topics]) => {
        setOrganizations(orgs);
        setTags(topics);
      },
      (err: unknown) => setError(describeError(err, t)),
    );
  }, [api, t]);

  const propose = async () => {
    setBusy(true);
    setError(null);
    try {
      const p = await api['intake.readoutParse']({ text });
      setFromFile(null);
      show(p, '');
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const show = (p: { notes: ReadoutNote[]; meeting: { title: string; heldOn: string | null; place: string | null; participants: string | null }; candidates: ReadoutCandidate[] }, protocolNumber: string) => {
    setProposal({ notes: p.notes });
    setMeeting({ title: p.meeting.title, heldOn: p.meeting.heldOn ?? '', place: p.meeting.place ?? '', participants: p.meeting.participants ?? '', protocolNumber });
    setItems(p.candidates.map((c) => ({ candidate: c, accepted: true, title: c.title, lead: leadValue(c), tagIds: c.tagIds, dueDate: c.dueDate ?? '' })));
  };

  /** A protocol file staged by the picker: read it, or say it is a scan. */
  const readProtocol = async (file: StagedFileInfo) => {
    setStaged(file);
    setScan(null);
    setBusy(true);
    setError(null);
    try {
      const result = await api['intake.protocolRead']({ fileId: file.fileId });
      if (result.kind === 'scan') {
        setScan(result);
      } else {
        setText(result.proposal.text);
        setFromFile(result.proposal.fileName);
        show(result.proposal, result.proposal.protocolNumber ?? '');
      }
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const accepted = items.filter((i) => i.accepted);
  const valid = meeting.title.trim() !== '' && accepted.every((i) => i.title.trim() !== '' && i.title.trim().length <= TITLE_LIMIT);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api['intake.readoutCommit']({
        meeting: {
          title: meeting.title.trim(),
          heldOn: meeting.heldOn || null,
          place: meeting.place.trim() || null,
          participants: meeting.participants.trim() || null,
          ...(fromFile !== null ? { protocolNumber: meeting.protocolNumber.trim() || null } : {}),
        },
        sourceText: text,
        instructions: accepted.map((i) => ({
          title: i.title.trim(),
          body: i.candidate.sentence,
          lead: leadInput(i.lead, i.candidate),
          tagIds: i.tagIds,
          dueDate: i.dueDate || null,
          ...(i.candidate.protocol
            ? {
                itemNumber: i.candidate.protocol.itemNumber,
                coexecutors: i.candidate.protocol.coexecutors.map((c) => (c.existingId ? { id: c.existingId } : { name: c.name })),
              }
            : {}),
        })),
      });
      onDone(result.boardId, t('intake.readout.created', { count: result.instructions }));
    } catch (err) {
      setError(describeError(err, t));
      setBusy(false);
    }
  };

  const update = (index: number, patch: Partial<Item>) => setItems((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <IntakeDialog title={t('intake.readout.title')} onClose={onClose} testId="readout-dialog">
      {!proposal ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim() !== '' && !tooLong) void propose();
          }}
        >
          <p>{t('intake.readout.intro')}</p>
          <label htmlFor={textId}>{t('intake.readout.textLabel')}</label>
          {/* No maxLength: a longer paste would be cut without a word; it is kept and refused with the reason. */}
          <textarea
            id={textId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={14}
            autoFocus
            aria-invalid={tooLong}
            aria-describedby={tooLong ? `${textId}-too-long` : undefined}
          />
          {tooLong && (
            <p id={`${textId}-too-long`} className="intake-error" role="alert">
              {t('errors.intake.readoutTooLarge', { length: text.length.toLocaleString(i18n.language), limit: (limit ?? 0).toLocaleString(i18n.language) })}
            </p>
          )}
          <section className="protocol-file" aria-labelledby={`${textId}-file`}>
            <h3 id={`${textId}-file`}>{t('protocol.fileHeading')}</h3>
            <p>{t('protocol.orFile')}</p>
            {capabilities && (
              <FilePicker
                purpose="protocol"
                current={staged}
                capabilities={capabilities}
                accept={PROTOCOL_ACCEPT}
                disabled={busy}
                onStaged={(file) => void readProtocol(file)}
                onError={setError}
              />
            )}
            {scan && <ScanPanel key={scan.fileId} scan={scan} onKept={onDone} />}
          </section>
          <DialogError message={error} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('intake.common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || text.trim() === '' || tooLong}>
              {busy ? t('intake.common.working') : t('intake.readout.propose')}
            </button>
          </div>
        </form>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) void confirm();
          }}
        >
          {proposal.notes.length > 0 && (
            <ul className="intake-notes" data-testid="readout-notes">
              {proposal.notes.map((note) => (
                <li key={note}>{t(`intake.readout.notes.${note}`)}</li>
              ))}
            </ul>
          )}
          {fromFile !== null && <p className="muted">{t('protocol.fromFile', { name: fromFile })}</p>}
          <fieldset className="intake-meeting">
            <legend>{t('intake.readout.meeting')}</legend>
            <MeetingField label={t('intake.readout.meetingTitle')} value={meeting.title} onChange={(title) => setMeeting((m) => ({ ...m, title }))} required />
            <MeetingDateField label={t('intake.readout.heldOn')} value={meeting.heldOn} onChange={(heldOn) => setMeeting((m) => ({ ...m, heldOn }))} />
            <MeetingField label={t('intake.readout.place')} value={meeting.place} onChange={(place) => setMeeting((m) => ({ ...m, place }))} />
            <MeetingField label={t('intake.readout.participants')} value={meeting.participants} onChange={(participants) => setMeeting((m) => ({ ...m, participants }))} />
            {fromFile !== null && (
              <MeetingField label={t('protocol.protocolNumber')} value={meeting.protocolNumber} onChange={(protocolNumber) => setMeeting((m) => ({ ...m, protocolNumber }))} />
            )}
          </fieldset>
          {items.length > 0 && <h3>{t('intake.readout.candidates', { count: items.length })}</h3>}
          <ol className="candidates">
            {items.map((item, index) => (
              <CandidateEditor key={item.candidate.key} number={index + 1} item={item} organizations={organizations} tags={tags} onChange={(patch) => update(index, patch)} />
            ))}
          </ol>
          <DialogError message={error} />
          <div className="dialog-actions">
            <button type="button" onClick={() => setProposal(null)} disabled={busy}>
              {t('intake.common.back')}
            </button>
            <button type="button" onClick={onClose} disabled={busy}>
              {t('intake.common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || !valid}>
              {t('intake.readout.confirm', { count: accepted.length })}
            </button>
          </div>
        </form>
      )}
    </IntakeDialog>
  );
}

function MeetingDateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="intake-field">
      <label htmlFor={id}>{label}</label>
      <DateInput id={id} value={value} onChange={onChange} />
    </div>
  );
}

function MeetingField({ label, value, onChange, required }: { label: string; value: string; onChange: (v: string) => void; required?: boolean }) {
  const id = useId();
  return (
    <div className="intake-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} required={required} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function CandidateEditor({
  number,
  item,
  organizations,
  tags,
  onChange,
}: {
  number: number;
  item: Item;
  organizations: Organization[];
  tags: Tag[];
  onChange: (patch: Partial<Item>) => void;
}) {
  const { t } = useTranslation();
  const ids = { accept: useId(), title: useId(), lead: useId(), due: useId(), topics: useId() };
  const titleCheck = item.accepted ? checkText(item.title, { required: t('forms.titleRequired'), limit: TITLE_LIMIT }, t) : checkText('', {}, t);
  const suggested = item.candidate.organizations;
  const suggestedIds = useMemo(() => new Set(suggested.map((s) => s.existingId).filter(Boolean)), [suggested]);
  return (
    <li className={`candidate${item.accepted ? '' : ' candidate-rejected'}`} data-testid="candidate">
      <div className="candidate-head">
        <input id={ids.accept} type="checkbox" checked={item.accepted} onChange={(e) => onChange({ accepted: e.target.checked })} aria-label={t('intake.readout.acceptLabel', { number })} />
        <label htmlFor={ids.accept} className="candidate-accept">
          {t('intake.readout.accept')}
        </label>
        <span className={`candidate-kind kind-${item.candidate.kind}`}>{t(`intake.readout.kind.${item.candidate.kind}`)}</span>
        {item.candidate.protocol && <span className="candidate-item">{t('protocol.item', { number: item.candidate.protocol.itemNumber })}</span>}
      </div>
      <div className="intake-field">
        <label htmlFor={ids.title} className="visually-hidden">
          {t('intake.readout.candidateTitle', { number })}
        </label>
        {/* No maxLength: a longer title would be cut without a word; it is kept and refused with the reason. */}
        <input
          id={ids.title}
          className="candidate-title"
          value={item.title}
          disabled={!item.accepted}
          required={item.accepted}
          aria-invalid={titleCheck.alert || undefined}
          aria-describedby={noteRef(`${ids.title}-note`, titleCheck)}
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <FieldNote id={`${ids.title}-note`} check={titleCheck} />
      </div>
      <div className="candidate-grid">
        <div className="intake-field">
          <label htmlFor={ids.lead}>{t('intake.readout.lead')}</label>
          <select id={ids.lead} value={item.lead} disabled={!item.accepted} aria-label={t('intake.readout.leadLabel', { number })} onChange={(e) => onChange({ lead: e.target.value })}>
            <option value="">{t('intake.readout.noLead')}</option>
            {suggested.length > 0 && (
              <optgroup label={t('intake.readout.suggested')}>
                {suggested.map((s) => (
                  <option key={s.existingId ?? `new:${s.name}`} value={s.existingId ? `id:${s.existingId}` : `new:${s.name}`}>
                    {s.existingId ? s.name : t('intake.readout.suggestedNew', { name: s.name })}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('intake.readout.allOrganizations')}>
              {organizations
                .filter((o) => !suggestedIds.has(o.id))
                .map((o) => (
                  <option key={o.id} value={`id:${o.id}`}>
                    {o.name}
                  </option>
                ))}
            </optgroup>
          </select>
        </div>
        <div className="intake-field">
          <label htmlFor={ids.due}>{t('intake.readout.deadline')}</label>
          <DateInput id={ids.due} value={item.dueDate} disabled={!item.accepted} aria-label={t('intake.readout.deadlineLabel', { number })} onChange={(dueDate) => onChange({ dueDate })} />
        </div>
      </div>
      {item.candidate.protocol && <ProtocolDetails details={item.candidate.protocol} />}
      <fieldset className="candidate-topics" disabled={!item.accepted} aria-label={t('intake.readout.topicsLabel', { number })}>
        <legend>{t('intake.readout.topics')}</legend>
        {tags.map((tag) => (
          <label key={tag.id} className="topic-choice">
            <input
              type="checkbox"
              checked={item.tagIds.includes(tag.id)}
              onChange={(e) => onChange({ tagIds: e.target.checked ? [...item.tagIds, tag.id] : item.tagIds.filter((x) => x !== tag.id) })}
            />
            {tag.name}
          </label>
        ))}
      </fieldset>
      <details className="candidate-source">
        <summary>{t('intake.readout.source')}</summary>
        <blockquote>{item.candidate.sentence}</blockquote>
      </details>
    </li>
  );
}

/** What a protocol's item says besides the fields: the official, the co-executors, the deadline as written, the body to report to. */
function ProtocolDetails({ details }: { details: NonNullable<ReadoutCandidate['protocol']> }) {
  const { t, i18n } = useTranslation();
  const names = details.coexecutors.map((c) => (c.existingId ? c.name : t('intake.readout.suggestedNew', { name: c.name })));
  return (
    <ul className="candidate-protocol">
      {details.leadPerson && <li>{t('protocol.leadPerson', { name: details.leadPerson })}</li>}
      {names.length > 0 && <li>{t('protocol.coexecutors', { names: names.join('; ') })}</li>}
      {details.deadlineText && <li>{t('protocol.deadlineFrom', { text: details.deadlineText })}</li>}
      {details.movedFrom && <li>{t('protocol.movedFrom', { date: formatDate(details.movedFrom, i18n.language) })}</li>}
      {details.recurrence && <li>{t(`protocol.recurrence.${details.recurrence}`)}</li>}
      {details.reportTo && <li>{t('protocol.reportTo', { body: details.reportTo })}</li>}
    </ul>
  );
}
