// The officials of this desk (issue 10, "Officials, not logins"): their profiles, the one in use
// (every change, decision and report is signed with it) and the signature block each report kind
// ends with. The profile in use belongs to the desk, not to a window: see README, "Officials".
import { z } from 'zod';
import type { AppInfo, Profile } from '../../../db/model';
import { profilesTable } from '../../../db/schema/profiles';
import { channel, empty, field, id } from '../channel';

/** The report kinds a signature block is kept for: the four reports, the instruction's card and the reminder letter. */
export const SIGNED_KINDS = ['status', 'overdue', 'register', 'discipline', 'card', 'letter'] as const;
export type SignedKind = (typeof SIGNED_KINDS)[number];

const c = profilesTable.columns;
const line = z.string().max(200);

export const profileInput = z.strictObject({
  fullName: field(c.fullName, z.string().max(200)),
  position: field(c.position, line).optional(),
  organization: field(c.organization, line).optional(),
  phone: field(c.phone, z.string().max(60)).optional(),
});

/** "Prepared by" (blank fields come from the profile in use) and "approved by" (the head). */
export const reportSignature = z.strictObject({
  preparedName: line,
  preparedPosition: line,
  preparedPhone: z.string().max(60),
  approvedPosition: line,
  approvedName: line,
});
export type ReportSignature = z.infer<typeof reportSignature>;

export interface ProfileList {
  profiles: Profile[];
  /** The profile in use at this desk, or null while none was chosen. */
  currentId: string | null;
}

export interface SignatureView {
  kind: SignedKind;
  /** As saved in the settings (blank "prepared by" fields mean: the profile in use). */
  saved: ReportSignature;
  /** As it prints now: the saved one with the profile in use filled in. */
  effective: ReportSignature;
}

export const profileChannels = {
  'profiles.list': channel<ProfileList>()(empty),
  'profiles.create': channel<ProfileList>()(profileInput.extend({ use: z.boolean().optional() })),
  'profiles.update': channel<ProfileList>()(profileInput.extend({ id })),
  'profiles.delete': channel<ProfileList>()(z.strictObject({ id })),
  /** Switches the desk to this profile; what is signed from now on carries its name. */
  'profiles.use': channel<AppInfo>()(z.strictObject({ id })),
  'profiles.signature': channel<SignatureView>()(z.strictObject({ kind: z.enum(SIGNED_KINDS) })),
  'profiles.saveSignature': channel<SignatureView>()(z.strictObject({ kind: z.enum(SIGNED_KINDS), signature: reportSignature })),
} as const;
