// Organizations and people: create, edit, merge duplicates; a reminder letter to an organization.
import { Fragment, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordTable } from '../common/RecordTable';
import type { Language, Organization, Person } from '../../../db/model';
import type { DuplicateSuggestion } from '../../../db/organization-names';
import type { OrganizationCalendar } from '../../../electron/api/contract';
import { fullOrgName, shortOrgName } from '../common/orgNames';
import { useApi } from '../app/context';
import { useReferenceData } from '../app/data';
import { useAnnounce } from '../common/Announcer';
import { Dialog } from '../common/Dialog';
import { describeError } from '../common/errors';
import { ReferenceOptions, FormActions } from '../common/choices';
import { LetterDialog } from '../due/LetterDialog';
import '../common/screen.css';

type Editing =
  | { kind: 'organization'; item: Organization | null }
  | { kind: 'person'; item: Person | null }
  | { kind: 'merge-organization'; item: Organization }
  | { kind: 'merge-person'; item: Person }
  | { kind: 'merge-suggested'; item: DuplicateSuggestion }
  | { kind: 'letter'; item: Organization };

const LANGUAGES: readonly Language[] = ['en', 'ru', 'kk', 'ky'];
const NAME_FIELD = { en: 'nameEn', ru: 'nameRu', kk: 'nameKk', ky: 'nameKy' } as const;
const SHORT_FIELD = { en: 'shortNameEn', ru: 'shortNameRu', kk: 'shortNameKk', ky: 'shortNameKy' } as const;
type LanguageField = (typeof NAME_FIELD)[Language] | (typeof SHORT_FIELD)[Language];
const LANGUAGE_FIELDS: readonly LanguageField[] = [...Object.values(NAME_FIELD), ...Object.values(SHORT_FIELD)];

export function DirectoryScreen() {
  const { t, i18n } = useTranslation();
  const referenceData = useReferenceData();
  const [editing, setEditing] = useState<Editing | null>(null);
  const language = i18n.language;
  const calendars = useOrganizationCalendars(referenceData.organizations);

  return (
    <section className="screen" aria-labelledby="directory-title">
      <h2 id="directory-title">{t('directory.title')}</h2>
      <div className="screen-head">
        <h3>{t('directory.organizations')}</h3>
        <button type="button" className="primary" onClick={() => setEditing({ kind: 'organization', item: null })}>
          {t('directory.newOrganization')}
        </button>
      </div>
      <RecordTable caption={t('directory.organizations')} columns={[t('fields.name'), t('fields.shortName'), t('fields.country'), t('directory.calendar')]} actions testId="organizations-table">
        {referenceData.organizations.map((o) => (
          <tr key={o.id}>
            <td>{fullOrgName(o, language)}</td>
            <td>{shortOrgName(o, language) === fullOrgName(o, language) ? '—' : shortOrgName(o, language)}</td>
            <td>{countryText(o.country, calendars?.byId.get(o.id), t)}</td>
            <td>{calendars?.byId.get(o.id) ? calendarText(calendars.byId.get(o.id)!, t) : ''}</td>
            <td className="row-actions">
              <button type="button" aria-label={t('directory.editLabel', { name: fullOrgName(o, language) })} onClick={() => setEditing({ kind: 'organization', item: o })}>
                {t('common.edit')}
              </button>
              <button type="button" aria-haspopup="dialog" aria-label={t('reminders.due.letterLabel', { name: fullOrgName(o, language) })} onClick={() => setEditing({ kind: 'letter', item: o })}>
                {t('reminders.due.letter')}
              </button>
              <button type="button" aria-label={t('directory.mergeLabel', { name: fullOrgName(o, language) })} onClick={() => setEditing({ kind: 'merge-organization', item: o })}>
                {t('directory.merge')}
              </button>
            </td>
          </tr>
        ))}
      </RecordTable>
      <DuplicateSuggestions onMerge={(item) => setEditing({ kind: 'merge-suggested', item })} />

      <div className="screen-head">
        <h3>{t('directory.people')}</h3>
        <button type="button" className="primary" onClick={() => setEditing({ kind: 'person', item: null })}>
          {t('directory.newPerson')}
        </button>
      </div>
      <RecordTable caption={t('directory.people')} columns={[t('fields.fullName'), t('fields.position'), t('fields.organization')]} actions testId="people-table">
        {referenceData.people.map((p) => (
          <tr key={p.id}>
            <td>{p.fullName}</td>
            <td>{p.position ?? '—'}</td>
            <td>{referenceData.orgName(p.organizationId) || '—'}</td>
            <td className="row-actions">
              <button type="button" aria-label={t('directory.editLabel', { name: p.fullName })} onClick={() => setEditing({ kind: 'person', item: p })}>
                {t('common.edit')}
              </button>
              <button type="button" aria-label={t('directory.mergeLabel', { name: p.fullName })} onClick={() => setEditing({ kind: 'merge-person', item: p })}>
                {t('directory.merge')}
              </button>
            </td>
          </tr>
        ))}
      </RecordTable>

      {editing?.kind === 'organization' && <OrganizationDialog defaultCountry={calendars?.defaultCountry ?? null} calendar={editing.item ? calendars?.byId.get(editing.item.id) : undefined} organization={editing.item} onClose={() => setEditing(null)} />}
      {editing?.kind === 'letter' && <LetterDialog organizationId={editing.item.id} organizationName={fullOrgName(editing.item, language)} onClose={() => setEditing(null)} />}
      {editing?.kind === 'person' && <PersonDialog person={editing.item} onClose={() => setEditing(null)} />}
      {editing?.kind === 'merge-suggested' && <SuggestedMergeDialog suggestion={editing.item} onClose={() => setEditing(null)} />}
      {editing?.kind === 'merge-organization' && (
        <MergeDialog
          name={fullOrgName(editing.item, language)}
          candidates={referenceData.organizations.filter((o) => o.id !== editing.item.id).map((o) => ({ id: o.id, name: fullOrgName(o, language) }))}
          onMerge={(survivorId, api) => api['organizations.merge']({ duplicateId: editing.item.id, survivorId })}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'merge-person' && (
        <MergeDialog
          name={editing.item.fullName}
          candidates={referenceData.people.filter((p) => p.id !== editing.item.id).map((p) => ({ id: p.id, name: p.fullName }))}
          onMerge={(survivorId, api) => api['people.merge']({ duplicateId: editing.item.id, survivorId })}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function useSave(onClose: () => void) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const referenceData = useReferenceData();
  return async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      announce(done);
      await referenceData.changed();
      onClose();
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  };
}

type CountryCode = OrganizationCalendar['follows'];
type CountryChoice = '' | CountryCode | 'other';

/** The calendar each organization follows (asked of the store, so the whole app agrees), refreshed with the list. */
function useOrganizationCalendars(organizations: readonly Organization[]): { defaultCountry: CountryCode; byId: Map<string, OrganizationCalendar> } | null {
  const api = useApi();
  const [value, setValue] = useState<{ defaultCountry: CountryCode; byId: Map<string, OrganizationCalendar> } | null>(null);
  useEffect(() => {
    let live = true;
    void api['calendar.organizations']({}).then(
      (r) => live && setValue({ defaultCountry: r.defaultCountry, byId: new Map(r.organizations.map((o) => [o.organizationId, o])) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, organizations]);
  return value;
}

type T = ReturnType<typeof useTranslation>['t'];

/** A country the app has a calendar for is named in the interface language; any other is shown as written. */
function countryText(country: string | null, calendar: OrganizationCalendar | undefined, t: T): string {
  if (calendar?.country) return t(`workdays.countries.${calendar.country}`);
  return country ?? '—';
}

function calendarText(calendar: OrganizationCalendar, t: T): string {
  const name = t(`workdays.countries.${calendar.follows}`);
  return calendar.country ? name : t('directory.calendarDefault', { country: name });
}

function OrganizationDialog({
  organization,
  calendar,
  defaultCountry,
  onClose,
}: {
  organization: Organization | null;
  calendar: OrganizationCalendar | undefined;
  defaultCountry: CountryCode | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const save = useSave(onClose);
  const id = useId();
  const [name, setName] = useState(organization?.name ?? '');
  const [shortName, setShortName] = useState(organization?.shortName ?? '');
  const original = organization?.country ?? '';
  const initialChoice: CountryChoice = calendar?.country ?? (original.trim() ? 'other' : '');
  const [choice, setChoice] = useState<CountryChoice>(initialChoice);
  const [otherCountry, setOtherCountry] = useState(initialChoice === 'other' ? original : '');
  // A country written another way ("Кыргызстан") is kept as written while the choice is unchanged.
  const country = choice === initialChoice && choice !== 'other' ? original : choice === 'other' ? otherCountry : choice;
  const follows = choice === 'KG' || choice === 'KZ' ? choice : defaultCountry;
  const [names, setNames] = useState<Record<LanguageField, string>>(
    () => Object.fromEntries(LANGUAGE_FIELDS.map((f) => [f, organization?.[f] ?? ''])) as Record<LanguageField, string>,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      shortName: shortName.trim() || null,
      country: country.trim() || null,
      ...(Object.fromEntries(LANGUAGE_FIELDS.map((f) => [f, names[f].trim() || null])) as Record<LanguageField, string | null>),
    };
    void save(
      () => (organization ? api['organizations.update']({ id: organization.id, patch: fields }) : api['organizations.create'](fields)),
      t('directory.saved', { name: fields.name }),
    );
  };

  const languageInput = (field: LanguageField, label: string) => (
    <>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input id={`${id}-${field}`} value={names[field]} onChange={(e) => setNames((current) => ({ ...current, [field]: e.target.value }))} />
    </>
  );

  return (
    <Dialog title={organization ? t('directory.editOrganization') : t('directory.newOrganization')} onClose={onClose} testId="organization-dialog">
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor={`${id}-name`}>{t('fields.name')}</label>
        <input id={`${id}-name`} value={name} required data-autofocus aria-describedby={`${id}-name-hint`} onChange={(e) => setName(e.target.value)} />
        <span id={`${id}-name-hint`} className="field-note form-wide">
          {t('orgNames.originalHint')}
        </span>
        <label htmlFor={`${id}-short`}>{t('fields.shortName')}</label>
        <input id={`${id}-short`} value={shortName} onChange={(e) => setShortName(e.target.value)} />
        <label htmlFor={`${id}-country`}>{t('fields.country')}</label>
        <select id={`${id}-country`} value={choice} aria-describedby={`${id}-calendar`} onChange={(e) => setChoice(e.target.value as CountryChoice)}>
          <option value="">{t('directory.countryNotSet')}</option>
          <option value="KG">{t('workdays.countries.KG')}</option>
          <option value="KZ">{t('workdays.countries.KZ')}</option>
          <option value="other">{t('directory.countryOther')}</option>
        </select>
        {choice === 'other' && (
          <>
            <label htmlFor={`${id}-country-other`}>{t('directory.countryWritten')}</label>
            <input id={`${id}-country-other`} value={otherCountry} maxLength={200} onChange={(e) => setOtherCountry(e.target.value)} />
          </>
        )}
        {follows && (
          <p id={`${id}-calendar`} className="field-note form-wide" role="status">
            {choice === 'KG' || choice === 'KZ'
              ? t('directory.followsCalendar', { country: t(`workdays.countries.${follows}`) })
              : t('directory.followsDefaultCalendar', { country: t(`workdays.countries.${follows}`) })}
          </p>
        )}
        <fieldset className="form-wide org-names">
          <legend>{t('orgNames.languageNames')}</legend>
          <div className="form-grid">
            {LANGUAGES.map((lang) => (
              <Fragment key={lang}>
                {languageInput(NAME_FIELD[lang], t(`orgNames.names.${lang}`))}
                {languageInput(SHORT_FIELD[lang], t(`orgNames.shortNames.${lang}`))}
              </Fragment>
            ))}
          </div>
        </fieldset>
        <FormActions onCancel={onClose} submit={t('common.save')} disabled={name.trim() === ''} />
      </form>
    </Dialog>
  );
}

/** Pairs that look like one organization under two names, each with a "Merge…" that asks first. */
function DuplicateSuggestions({ onMerge }: { onMerge: (suggestion: DuplicateSuggestion) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { revision, organizations } = useReferenceData();
  const [suggestions, setSuggestions] = useState<DuplicateSuggestion[]>([]);
  const headingId = useId();

  useEffect(() => {
    let current = true;
    api['organizations.duplicates']({}).then(
      (found) => {
        if (current) setSuggestions(found);
      },
      () => {
        if (current) setSuggestions([]);
      },
    );
    return () => {
      current = false;
    };
  }, [api, revision, organizations]);

  if (suggestions.length === 0) return null;
  const names = (s: DuplicateSuggestion) => ({ merge: fullOrgName(s.merge, i18n.language), keep: fullOrgName(s.keep, i18n.language) });
  return (
    <section className="duplicates" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('orgNames.duplicates')}</h4>
      <p className="field-note">{t('orgNames.duplicatesIntro')}</p>
      <ul>
        {suggestions.map((s) => (
          <li key={`${s.keep.id}|${s.merge.id}`}>
            <span>{t(`orgNames.reason.${s.reason}`, names(s))}</span>
            <button type="button" aria-label={t('orgNames.mergeLabel', names(s))} onClick={() => onMerge(s)}>
              {t('orgNames.mergeAction')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Confirms a suggested merge: which of the two is kept (the older one unless chosen otherwise). */
function SuggestedMergeDialog({ suggestion, onClose }: { suggestion: DuplicateSuggestion; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const save = useSave(onClose);
  const id = useId();
  const [keepId, setKeepId] = useState(suggestion.keep.id);
  const pair = [suggestion.keep, suggestion.merge];
  const kept = pair.find((o) => o.id === keepId) ?? suggestion.keep;
  const merged = pair.find((o) => o.id !== keepId) ?? suggestion.merge;
  const name = (o: Organization) => fullOrgName(o, i18n.language);

  return (
    <Dialog title={t('orgNames.confirmTitle')} onClose={onClose} testId="suggested-merge-dialog" description={t('orgNames.confirmText')}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save(() => api['organizations.merge']({ duplicateId: merged.id, survivorId: kept.id }), t('directory.merged', { name: name(merged), into: name(kept) }));
        }}
      >
        <fieldset className="form-wide org-keep">
          <legend className="visually-hidden">{t('orgNames.confirmTitle')}</legend>
          {pair.map((o) => (
            <label key={o.id} className="checkbox">
              <input type="radio" name={`${id}-keep`} checked={keepId === o.id} onChange={() => setKeepId(o.id)} />
              {t('orgNames.keep', { name: name(o) })}
            </label>
          ))}
        </fieldset>
        <FormActions onCancel={onClose} submit={t('orgNames.confirm')} />
      </form>
    </Dialog>
  );
}

function PersonDialog({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const save = useSave(onClose);
  const id = useId();
  const [fullName, setFullName] = useState(person?.fullName ?? '');
  const [position, setPosition] = useState(person?.position ?? '');
  const [organizationId, setOrganizationId] = useState(person?.organizationId ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { fullName: fullName.trim(), position: position.trim() || null, organizationId: organizationId || null };
    void save(() => (person ? api['people.update']({ id: person.id, patch: fields }) : api['people.create'](fields)), t('directory.saved', { name: fields.fullName }));
  };

  return (
    <Dialog title={person ? t('directory.editPerson') : t('directory.newPerson')} onClose={onClose} testId="person-dialog">
      <form className="form-grid" onSubmit={submit}>
        <label htmlFor={`${id}-name`}>{t('fields.fullName')}</label>
        <input id={`${id}-name`} value={fullName} required data-autofocus onChange={(e) => setFullName(e.target.value)} />
        <label htmlFor={`${id}-position`}>{t('fields.position')}</label>
        <input id={`${id}-position`} value={position} onChange={(e) => setPosition(e.target.value)} />
        <label htmlFor={`${id}-org`}>{t('fields.organization')}</label>
        <select id={`${id}-org`} value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
          <ReferenceOptions of="organizations" />
        </select>
        <FormActions onCancel={onClose} submit={t('common.save')} disabled={fullName.trim() === ''} />
      </form>
    </Dialog>
  );
}

function MergeDialog({
  name,
  candidates,
  onMerge,
  onClose,
}: {
  name: string;
  candidates: { id: string; name: string }[];
  onMerge: (survivorId: string, api: ReturnType<typeof useApi>) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const save = useSave(onClose);
  const id = useId();
  const [survivorId, setSurvivorId] = useState('');
  const survivor = candidates.find((c) => c.id === survivorId);

  return (
    <Dialog title={t('directory.mergeTitle', { name })} onClose={onClose} testId="merge-dialog" description={t('directory.mergeText', { name })}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (survivorId) void save(() => onMerge(survivorId, api), t('directory.merged', { name, into: survivor?.name ?? '' }));
        }}
      >
        <label htmlFor={`${id}-into`}>{t('directory.mergeInto')}</label>
        <select id={`${id}-into`} value={survivorId} required onChange={(e) => setSurvivorId(e.target.value)}>
          <option value="">{t('fields.choose')}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FormActions onCancel={onClose} submit={t('directory.merge')} disabled={!survivorId} />
      </form>
    </Dialog>
  );
}
