// The officials who work at this desk: each gives a profile (full name, position, organization,
// phone) and every change, decision and report is signed with the one in use. The rows keep the
// name as it was signed; a profile is a signature on a shared desk, not a security boundary.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { getSetting, setSetting } from './settings';
import type { Profile } from './model';
import { profilesTable, toDomain, type ProfileRow } from './schema/index';

export type { Profile };

export interface ProfileInput {
  fullName: string;
  position?: string;
  organization?: string;
  phone?: string;
}

/** The settings key of the profile in use at this desk. */
export const CURRENT_PROFILE = 'currentProfileId';

const toProfile = toDomain(profilesTable);

/** Digits, spaces, + ( ) - . / and an extension ("доб. 123", "ext 12"): what officials write as a phone number. */
const PHONE = /^\+?[\d\s().\-–/]*(?:\s*(?:доб|ext|вн|ішкі|ички)\.?\s*\d+)?$/iu;

function clean(input: ProfileInput): Required<ProfileInput> {
  const fullName = input.fullName.trim().replace(/\s+/g, ' ');
  if (fullName === '') throw new StoreError('validation', 'Enter the full name: every change is signed with it.', 'profileNameRequired');
  const phone = (input.phone ?? '').trim();
  if (phone !== '' && (!PHONE.test(phone) || (phone.match(/\d/g)?.length ?? 0) < 5)) {
    throw new StoreError('validation', `“${phone.slice(0, 60)}” is not a phone number: use digits, spaces, +, brackets and dashes (an extension as “ext. 123”).`, 'profilePhoneInvalid', {
      phone: phone.slice(0, 60),
    });
  }
  return { fullName, position: (input.position ?? '').trim(), organization: (input.organization ?? '').trim(), phone };
}

export function listProfiles(ctx: StoreContext): Profile[] {
  return (ctx.stmt('SELECT * FROM profiles ORDER BY full_name COLLATE NOCASE, created_at').all() as ProfileRow[]).map(toProfile);
}

export function getProfile(ctx: StoreContext, id: string): Profile {
  const row = ctx.stmt('SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  if (!row) throw new StoreError('not_found', 'This profile no longer exists; choose another one.', 'profileNotFound');
  return toProfile(row);
}

export function createProfile(ctx: StoreContext, input: ProfileInput, id: string = newId()): Profile {
  const p = clean(input);
  const at = ctx.timestamp();
  ctx
    .stmt('INSERT INTO profiles (id, full_name, position, organization, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, p.fullName, p.position, p.organization, p.phone, at, at);
  return getProfile(ctx, id);
}

/** Changes a profile; what it signed before keeps the name it had then. */
export function updateProfile(ctx: StoreContext, id: string, input: ProfileInput): Profile {
  getProfile(ctx, id);
  const p = clean(input);
  ctx
    .stmt('UPDATE profiles SET full_name = ?, position = ?, organization = ?, phone = ?, updated_at = ? WHERE id = ?')
    .run(p.fullName, p.position, p.organization, p.phone, ctx.timestamp(), id);
  return getProfile(ctx, id);
}

/** Removes a profile that is not in use; its signatures stay on the rows it signed. */
export function deleteProfile(ctx: StoreContext, id: string): void {
  ctx.transaction(() => {
    getProfile(ctx, id);
    if (currentProfileId(ctx) === id) {
      throw new StoreError('conflict', 'This profile is in use: switch to another one before removing it.', 'profileInUse');
    }
    ctx.stmt('DELETE FROM profiles WHERE id = ?').run(id);
  });
}

/** The profile in use at this desk, if it still exists. */
export function currentProfileId(ctx: StoreContext): string | null {
  const id = getSetting<string | null>(ctx, CURRENT_PROFILE, null);
  if (typeof id !== 'string') return null;
  return ctx.stmt('SELECT 1 FROM profiles WHERE id = ?').get(id) ? id : null;
}

export function currentProfile(ctx: StoreContext): Profile | null {
  const id = currentProfileId(ctx);
  return id === null ? null : getProfile(ctx, id);
}

export function selectProfile(ctx: StoreContext, id: string): Profile {
  const profile = getProfile(ctx, id);
  setSetting(ctx, CURRENT_PROFILE, id);
  return profile;
}

// ---- the signature block of the справка, per report kind ----

export interface ReportSignature {
  /** "Prepared by": empty fields are taken from the profile in use. */
  preparedName: string;
  preparedPosition: string;
  preparedPhone: string;
  /** "Approved by": the head's position and name; nothing is printed when both are empty. */
  approvedPosition: string;
  approvedName: string;
}

export const EMPTY_SIGNATURE: ReportSignature = { preparedName: '', preparedPosition: '', preparedPhone: '', approvedPosition: '', approvedName: '' };

const signatureKey = (kind: string) => `reportSignature.${kind}`;

/** The signature saved in the settings for a report kind (blank fields where none was saved). */
export function savedSignature(ctx: StoreContext, kind: string): ReportSignature {
  const saved = getSetting<Partial<ReportSignature> | null>(ctx, signatureKey(kind), null);
  const out = { ...EMPTY_SIGNATURE };
  if (saved && typeof saved === 'object') {
    for (const key of Object.keys(out) as (keyof ReportSignature)[]) if (typeof saved[key] === 'string') out[key] = saved[key];
  }
  return out;
}

export function saveSignature(ctx: StoreContext, kind: string, signature: ReportSignature): ReportSignature {
  const trimmed = Object.fromEntries(Object.entries(signature).map(([k, v]) => [k, v.trim()])) as unknown as ReportSignature;
  setSetting(ctx, signatureKey(kind), trimmed);
  return trimmed;
}

/** The signature as printed: the saved (or given) one, with "prepared by" filled from the profile in use where blank. */
export function effectiveSignature(ctx: StoreContext, kind: string, given?: ReportSignature): ReportSignature {
  const base = given ?? savedSignature(ctx, kind);
  const profile = currentProfile(ctx);
  return {
    preparedName: base.preparedName || profile?.fullName || '',
    preparedPosition: base.preparedPosition || profile?.position || '',
    preparedPhone: base.preparedPhone || profile?.phone || '',
    approvedPosition: base.approvedPosition,
    approvedName: base.approvedName,
  };
}
