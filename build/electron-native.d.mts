import type { ElectronRuntime } from './electron-runtime.mjs';

export function electronSqlitePath(runtime: Extract<ElectronRuntime, { ok: true }>): string;
export function ensureElectronSqlite(runtime: Extract<ElectronRuntime, { ok: true }>): { ok: true; path: string } | { ok: false; reason: string };
