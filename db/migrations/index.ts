// Schema migrations. A migration that has shipped is frozen: never edit 001-initial.ts or any later
// one. Every schema change is a new numbered migration (002-….ts, appended to MIGRATIONS) with its
// own test that opens the previous version's fixture (tests/fixtures/db/v<N>-demo.sqlite, made by
// that version's tests/fixtures/make-v<N>-fixture.ts and then kept as committed) and checks every
// row survives, as tests/unit/db/migrations/fixture-v1.test.ts does for version 1. The schema
// snapshot (tests/unit/db/migrations/__snapshots__/schema.sql) is updated with the change, so the
// new schema shows in review.
import { migration001 } from './001-initial';
import { migration002 } from './002-figures';
import { migration003 } from './003-profiles';
import { migration004 } from './004-board-sort';
import { migration005 } from './005-stemmed-search';
import { migration006 } from './006-periodic';
import { migration007 } from './007-reminders';
import { migration008 } from './008-discipline-index';
import { migration009 } from './009-attachments';
import { migration010 } from './010-organization-names';
import { migration011 } from './011-team-sync';

/** Numbered migrations; index i holds the SQL that takes `user_version` from i to i + 1. */
export const MIGRATIONS: readonly string[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];

export const SCHEMA_VERSION = MIGRATIONS.length;
