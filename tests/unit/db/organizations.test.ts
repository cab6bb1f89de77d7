// An organization an official adds by hand (organizations.create): a name is required and a name
// already listed is refused, whatever its case, quotes or spacing; imports still create directly.
import { describe, expect, it } from 'vitest';
import { addOrganization, createOrganization, listOrganizations } from '../../../db/organizations';
import { StoreError } from '../../../db/errors';
import { tempStore } from '../../support/temp';
import { smallWorld } from '../../support/fixtures';

function refusal(run: () => unknown): StoreError {
  try {
    run();
  } catch (err) {
    if (err instanceof StoreError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('adding an organization by hand', () => {
  it('refuses a name already listed, naming the listed one, and stores nothing', async () => {
    const { ctx } = await tempStore();
    smallWorld(ctx);
    const before = listOrganizations(ctx);
    for (const name of ['Ministry of Economy and Commerce', '  ministry of economy   and commerce ', '«Министерство энергетики Республики Казахстан»', 'МИНИСТЕРСТВО ЭНЕРГЕТИКИ РЕСПУБЛИКИ КАЗАХСТАН']) {
      const err = refusal(() => addOrganization(ctx, { name }));
      expect(err.code).toBe('conflict');
      expect(err.key).toBe('organizationDuplicate');
      expect(before.map((o) => o.name)).toContain(err.params?.name);
    }
    expect(refusal(() => addOrganization(ctx, { name: '   ' })).key).toBe('organizationNameRequired');
    expect(listOrganizations(ctx)).toEqual(before);
  });

  it('adds a new name, trimmed', async () => {
    const { ctx } = await tempStore();
    smallWorld(ctx);
    const added = addOrganization(ctx, { name: '  Ministry of Water Resources ', country: 'Kyrgyzstan' });
    expect(added.name).toBe('Ministry of Water Resources');
    expect(listOrganizations(ctx).map((o) => o.id)).toContain(added.id);
  });

  it('leaves imports and merges free to create a namesake, to be merged later', async () => {
    const { ctx } = await tempStore();
    smallWorld(ctx);
    createOrganization(ctx, { name: 'Ministry of Economy and Commerce' });
    expect(listOrganizations(ctx).filter((o) => o.name === 'Ministry of Economy and Commerce')).toHaveLength(2);
  });
});
