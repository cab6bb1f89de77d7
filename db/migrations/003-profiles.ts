// Migration 3: the officials who work at this desk (issue 10, "Officials, not logins"). Every
// change, decision and report is signed with the profile in use; the rows keep the name as it was
// written then (history.actor, reports.author, extensions.decided_by), so a profile renamed or
// removed later changes no signature, and rows signed with a login name before profiles existed
// keep showing it. A profile is a signature on a shared desk, not an account.

export const migration003 = `
CREATE TABLE profiles (
  id           TEXT PRIMARY KEY NOT NULL,
  full_name    TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  position     TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX profiles_name ON profiles(full_name);
`;
