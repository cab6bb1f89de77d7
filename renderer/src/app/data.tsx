// What many views need: the reference lists (organizations, people, meetings, topics, boards)
// and a counter that moves whenever something changed, so open views reload.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, Meeting, Organization, Person, Tag } from '../../../db/model';
import { useApi } from './context';
import { useAnnounce } from '../common/Announcer';
import { describeError } from '../common/errors';
import { fullOrgName, shortOrgName } from '../common/orgNames';

/** Dispatched on `window` when this desk signs in to a team server: the change signal starts waiting then. */
export const TEAM_SIGNED_IN_EVENT = 'ministry:team-signed-in';

export interface ReferenceData {
  organizations: Organization[];
  people: Person[];
  meetings: Meeting[];
  tags: Tag[];
  boards: Board[];
  /** Bumped after every change; views that show stored data reload when it moves. */
  revision: number;
  /** Reloads the lists and bumps the revision. */
  changed(): Promise<void>;
  /** The organization's short name in the interface language (db/organization-names.ts). */
  orgName(id: string | null | undefined): string;
  /** Its full name in the interface language. */
  orgFullName(id: string | null | undefined): string;
  personName(id: string | null | undefined): string;
  meetingTitle(id: string | null | undefined): string;
  tagName(id: string | null | undefined): string;
}

/** How long one wait on the change signal lasts, and the pause after a failed one. */
const CHANGES_WAIT_S = 25;
const CHANGES_RETRY_MS = 5000;

const ReferenceDataContext = createContext<ReferenceData | null>(null);

export function useReferenceData(): ReferenceData {
  const referenceData = useContext(ReferenceDataContext);
  if (!referenceData) throw new Error('useReferenceData outside ReferenceDataProvider');
  return referenceData;
}

export function ReferenceDataProvider({ children, language }: { children: ReactNode; language: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [lists, setLists] = useState({
    organizations: [] as Organization[],
    people: [] as Person[],
    meetings: [] as Meeting[],
    tags: [] as Tag[],
    boards: [] as Board[],
  });
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    try {
      const [organizations, people, meetings, tags, boards] = await Promise.all([
        api['organizations.list']({}),
        api['people.list']({}),
        api['meetings.list']({}),
        api['tags.list']({}),
        api['boards.list']({}),
      ]);
      setLists({ organizations, people, meetings, tags, boards });
    } catch (err) {
      announce(describeError(err, t), 'error');
    }
  }, [api, announce, t]);

  useEffect(() => {
    void load();
  }, [load, language]);

  const changed = useCallback(async () => {
    await load();
    setRevision((r) => r + 1);
  }, [load]);

  // Changes from others (pulled from the team server) move the app's change signal: wait on it and
  // reload the open views when it moves. One pending request at a time; after a failure, a pause.
  useEffect(() => {
    let live = true;
    let wake: (() => void) | null = null;
    const onSignedIn = () => wake?.();
    window.addEventListener(TEAM_SIGNED_IN_EVENT, onSignedIn);
    void (async () => {
      // A desk that is not signed in to a team server keeps no request open: it waits for a sign-in.
      try {
        if (!(await api['team.status']({})).signedIn) await new Promise<void>((resolve) => (wake = resolve));
      } catch {
        return;
      }
      let seen: number | undefined;
      while (live) {
        try {
          const { revision: now } = await api['team.changes'](seen === undefined ? {} : { after: seen, waitSeconds: CHANGES_WAIT_S });
          if (!live) return;
          if (seen !== undefined && now !== seen) await changed();
          seen = now;
        } catch {
          await new Promise((resolve) => window.setTimeout(resolve, CHANGES_RETRY_MS));
        }
      }
    })();
    return () => {
      live = false;
      window.removeEventListener(TEAM_SIGNED_IN_EVENT, onSignedIn);
    };
  }, [api, changed]);

  const value = useMemo<ReferenceData>(() => {
    const orgs = new Map(lists.organizations.map((o) => [o.id, shortOrgName(o, language)]));
    const orgFullNames = new Map(lists.organizations.map((o) => [o.id, fullOrgName(o, language)]));
    const people = new Map(lists.people.map((p) => [p.id, p.fullName]));
    const meetings = new Map(lists.meetings.map((m) => [m.id, m.title]));
    const tags = new Map(lists.tags.map((tag) => [tag.id, tag.name]));
    const name = (map: Map<string, string>) => (id: string | null | undefined) => (id ? (map.get(id) ?? '') : '');
    return {
      ...lists,
      revision,
      changed,
      orgName: name(orgs),
      orgFullName: name(orgFullNames),
      personName: name(people),
      meetingTitle: name(meetings),
      tagName: name(tags),
    };
  }, [lists, revision, changed, language]);

  return <ReferenceDataContext.Provider value={value}>{children}</ReferenceDataContext.Provider>;
}
