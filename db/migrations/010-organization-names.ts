// Migration 010: one ministry under every name. An organization keeps the name it was created with
// (`name`, `short_name`) and may record its official name and short name in each language of the
// app: English, Russian, Kazakh and Kyrgyz. Imports, the exchange, the readout and search match any
// of them (db/organization-names.ts); boards, cards and reports show the one of the interface or
// report language, the original name where none is recorded. Existing organizations get no
// language names: which language their name is in is not known, so nothing is guessed.
export const migration010 = `
ALTER TABLE organizations ADD COLUMN name_en TEXT;
ALTER TABLE organizations ADD COLUMN name_ru TEXT;
ALTER TABLE organizations ADD COLUMN name_kk TEXT;
ALTER TABLE organizations ADD COLUMN name_ky TEXT;
ALTER TABLE organizations ADD COLUMN short_name_en TEXT;
ALTER TABLE organizations ADD COLUMN short_name_ru TEXT;
ALTER TABLE organizations ADD COLUMN short_name_kk TEXT;
ALTER TABLE organizations ADD COLUMN short_name_ky TEXT;
`;
