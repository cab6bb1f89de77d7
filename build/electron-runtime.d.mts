export type ElectronRuntime =
  | { ok: true; binary: string; version: string; abi: string | null; dir: string }
  | { ok: false; reason: string; dir?: string; version?: string };

export function electronRuntime(options?: { download?: boolean }): ElectronRuntime;
