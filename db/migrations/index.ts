import { migration001 } from './001-initial';

/** Numbered migrations; index i holds the SQL that takes `user_version` from i to i + 1. */
export const MIGRATIONS: readonly string[] = [migration001];

export const SCHEMA_VERSION = MIGRATIONS.length;
