// Profiles (db/profiles.ts): what an official gives, what is refused in words, the profile in use,
// and the signature block's defaults.
import { describe, expect, it } from 'vitest';
import {
  createProfile,
  currentProfile,
  deleteProfile,
  effectiveSignature,
  listProfiles,
  saveSignature,
  savedSignature,
  selectProfile,
  updateProfile,
} from '../../../db/profiles';
import { StoreError } from '../../../db/errors';
import { tempStore } from '../../support/temp';

function refusal(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('profiles', () => {
  it('keeps name, position, organization and phone, tidied', async () => {
    const { ctx } = await tempStore();
    const p = createProfile(ctx, { fullName: '  Әсел   Өмірбекова ', position: ' бас маман ', organization: 'Бақылау департаменті', phone: '+7 (7172) 74-50-00 доб. 12' });
    expect(p).toMatchObject({ fullName: 'Әсел Өмірбекова', position: 'бас маман', organization: 'Бақылау департаменті', phone: '+7 (7172) 74-50-00 доб. 12' });
    expect(listProfiles(ctx).map((x) => x.id)).toEqual([p.id]);
  });

  it('refuses an empty name and a phone that is not one, in words, and stores nothing', async () => {
    const { ctx } = await tempStore();
    expect(refusal(() => createProfile(ctx, { fullName: '   ' }))).toMatchObject({ code: 'validation', key: 'profileNameRequired' });
    const phone = refusal(() => createProfile(ctx, { fullName: 'Aida', phone: 'call me' }));
    expect(phone).toMatchObject({ code: 'validation', key: 'profilePhoneInvalid', params: { phone: 'call me' } });
    expect(phone.message).toContain('is not a phone number');
    expect(refusal(() => createProfile(ctx, { fullName: 'Aida', phone: '12' })).key).toBe('profilePhoneInvalid');
    expect(listProfiles(ctx)).toEqual([]);
    const p = createProfile(ctx, { fullName: 'Aida', phone: '+996 555 12 34 56' });
    expect(refusal(() => updateProfile(ctx, p.id, { fullName: '' })).key).toBe('profileNameRequired');
    expect(listProfiles(ctx)[0]?.fullName).toBe('Aida');
  });

  it('will not remove the profile in use; another one goes and its signatures stay', async () => {
    const { ctx } = await tempStore();
    const a = createProfile(ctx, { fullName: 'Aida' });
    const b = createProfile(ctx, { fullName: 'Bakyt' });
    selectProfile(ctx, a.id);
    expect(refusal(() => deleteProfile(ctx, a.id))).toMatchObject({ code: 'conflict', key: 'profileInUse' });
    deleteProfile(ctx, b.id);
    expect(listProfiles(ctx).map((p) => p.fullName)).toEqual(['Aida']);
    expect(currentProfile(ctx)?.id).toBe(a.id);
  });

  it('signs "prepared by" with the profile in use unless the report kind says otherwise', async () => {
    const { ctx } = await tempStore();
    const a = createProfile(ctx, { fullName: 'Айгерим Садыкова', position: 'главный специалист', phone: '+996 312 62 00 00' });
    selectProfile(ctx, a.id);
    expect(effectiveSignature(ctx, 'status')).toEqual({
      preparedName: 'Айгерим Садыкова',
      preparedPosition: 'главный специалист',
      preparedPhone: '+996 312 62 00 00',
      approvedPosition: '',
      approvedName: '',
    });
    saveSignature(ctx, 'status', { preparedName: '', preparedPosition: '', preparedPhone: ' 62-00-01 ', approvedPosition: 'Заведующий отделом', approvedName: 'К. Омурбеков' });
    expect(savedSignature(ctx, 'status').preparedPhone).toBe('62-00-01');
    expect(effectiveSignature(ctx, 'status')).toMatchObject({ preparedName: 'Айгерим Садыкова', preparedPhone: '62-00-01', approvedName: 'К. Омурбеков' });
    // Each kind keeps its own.
    expect(effectiveSignature(ctx, 'overdue').approvedName).toBe('');
  });
});
