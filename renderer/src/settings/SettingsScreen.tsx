// Settings: the profiles of this desk (add, edit, use, remove) and the signature block each report
// kind ends with. A profile is a signature on a shared desk, not a login.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Profile } from '../../../db/model';
import type { ProfileList, ReportSignature, SignatureView, SignedKind } from '../../../electron/api/contract';
import { useApi } from '../app/context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { RecordTable } from '../common/RecordTable';
import { EMPTY_PROFILE, ProfileFields, SignatureFields, type ProfileDraft } from './fields';
import { ControlNumberSettings } from './ControlNumberSettings';
import { WorkingDaysSettings } from './WorkingDaysSettings';
import '../common/screen.css';
import './settings.css';

const KINDS: SignedKind[] = ['status', 'overdue', 'register', 'card'];

export function SettingsScreen({ info, onProfileChanged }: { info: AppInfo; onProfileChanged: (info: AppInfo) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const id = useId();
  const [list, setList] = useState<ProfileList | null>(null);
  const [editing, setEditing] = useState<Profile | null>(null);
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_PROFILE);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<SignedKind>('status');
  const [signature, setSignature] = useState<SignatureView | null>(null);
  const [signatureDraft, setSignatureDraft] = useState<ReportSignature | null>(null);

  const refreshInfo = useCallback(async () => onProfileChanged(await api['app.info']({})), [api, onProfileChanged]);

  // Read again whenever the app's info is: the header may have switched the profile in use.
  useEffect(() => {
    void api['profiles.list']({}).then(setList, (err: unknown) => setError(describeError(err, t)));
  }, [api, t, info]);

  useEffect(() => {
    let live = true;
    void api['profiles.signature']({ kind }).then(
      (view) => {
        if (!live) return;
        setSignature(view);
        setSignatureDraft(view.saved);
      },
      (err: unknown) => live && setError(describeError(err, t)),
    );
    return () => {
      live = false;
    };
  }, [api, kind, t, list?.currentId]);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (err) {
      const message = describeError(err, t);
      setError(message);
      announce(message, 'error');
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.fullName.trim() === '') {
      setError(t('profile.nameRequired'));
      return;
    }
    void run(async () => {
      if (editing) {
        setList(await api['profiles.update']({ id: editing.id, ...draft }));
        announce(t('settings.saved'));
      } else {
        setList(await api['profiles.create']({ ...draft }));
        announce(t('settings.added', { name: draft.fullName.trim() }));
      }
      setEditing(null);
      setDraft(EMPTY_PROFILE);
      await refreshInfo();
    });
  };

  const use = (profile: Profile) =>
    run(async () => {
      const info = await api['profiles.use']({ id: profile.id });
      setList(await api['profiles.list']({}));
      onProfileChanged(info);
      announce(t('profile.switched', { name: profile.fullName }));
    });

  const remove = (profile: Profile) => {
    if (!window.confirm(t('settings.removeConfirm', { name: profile.fullName }))) return;
    void run(async () => {
      setList(await api['profiles.delete']({ id: profile.id }));
      announce(t('settings.removed'));
    });
  };

  const saveSignature = (event: FormEvent) => {
    event.preventDefault();
    if (!signatureDraft) return;
    void run(async () => {
      const view = await api['profiles.saveSignature']({ kind, signature: signatureDraft });
      setSignature(view);
      setSignatureDraft(view.saved);
      announce(t('settings.signatureSaved'));
    });
  };

  return (
    <section className="screen settings-screen" aria-labelledby={`${id}-title`}>
      <div className="screen-head">
        <h2 id={`${id}-title`}>{t('settings.title')}</h2>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <section className="settings-section" aria-labelledby={`${id}-profiles`}>
        <h3 id={`${id}-profiles`}>{t('settings.profilesTitle')}</h3>
        <p className="settings-note">{t('settings.profilesNote')}</p>
        {list && list.profiles.length > 0 && (
          <RecordTable caption={t('settings.profilesTitle')} columns={[t('profile.fullName'), t('profile.position'), t('profile.organization'), t('profile.phone')]} actions testId="profiles">
            {list.profiles.map((p) => {
              const inUse = p.id === list.currentId;
              return (
                <tr key={p.id}>
                  <td>
                    <span className={inUse ? 'profile-in-use' : undefined}>{p.fullName}</span>
                    {inUse && <span className="muted"> — {t('settings.inUse')}</span>}
                  </td>
                  <td>{p.position}</td>
                  <td>{p.organization}</td>
                  <td>{p.phone}</td>
                  <td>
                    <div className="row-actions">
                      {!inUse && (
                        <button type="button" disabled={busy} aria-label={t('settings.useProfile', { name: p.fullName })} onClick={() => void use(p)}>
                          {t('settings.use')}
                        </button>
                      )}
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t('settings.editProfile', { name: p.fullName })}
                        onClick={() => {
                          setEditing(p);
                          setDraft({ fullName: p.fullName, position: p.position, organization: p.organization, phone: p.phone });
                        }}
                      >
                        {t('common.edit')}
                      </button>
                      {!inUse && (
                        <button type="button" disabled={busy} aria-label={t('settings.removeProfile', { name: p.fullName })} onClick={() => remove(p)}>
                          {t('common.remove')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </RecordTable>
        )}
        <form onSubmit={submit} aria-labelledby={`${id}-form`}>
          <h4 id={`${id}-form`}>{editing ? t('settings.editTitle') : t('settings.addTitle')}</h4>
          <ProfileFields value={draft} onChange={setDraft} />
          <div className="row-actions start">
            <button type="submit" className="primary" disabled={busy}>
              {editing ? t('common.save') : t('settings.add')}
            </button>
            {editing && (
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setDraft(EMPTY_PROFILE);
                }}
              >
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      </section>
      <section className="settings-section" aria-labelledby={`${id}-signatures`}>
        <h3 id={`${id}-signatures`}>{t('settings.signaturesTitle')}</h3>
        <p className="settings-note">{t('settings.signaturesNote')}</p>
        <form onSubmit={saveSignature}>
          <label className="field-inline">
            <span>{t('settings.kind')}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as SignedKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`signedKinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {signature && signatureDraft && <SignatureFields value={signatureDraft} fromProfile={signature.effective} onChange={setSignatureDraft} />}
          <div className="row-actions start">
            <button type="submit" className="primary" disabled={busy || !signatureDraft}>
              {t('common.save')}
            </button>
          </div>
        </form>
      </section>
      <ControlNumberSettings />
      <WorkingDaysSettings />
    </section>
  );
}
