// The hybrid logical clock every operation carries (Kulkarni et al.): wall-clock milliseconds, a
// counter for events within one millisecond or behind a faster clock, and the device id as the
// tie-break. Written as one fixed-width string so that comparing two clocks is comparing two
// strings, on the desk, on the server and in PostgreSQL alike. Pure: no node, no SQLite.

export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const PATTERN = /^(\d{15})-(\d{6})-(.+)$/;

export function formatHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_DIGITS, '0')}-${String(h.counter).padStart(COUNTER_DIGITS, '0')}-${h.node}`;
}

export function parseHlc(text: string): Hlc | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

export function isHlc(text: string): boolean {
  return parseHlc(text) !== null;
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The clock for a local event at `now` (ms): never behind the last one this clock gave or saw. */
export function tick(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, node: last.node };
  return { wall: last.wall, counter: last.counter + 1, node: last.node };
}

/** The clock after receiving a remote clock at `now`: ahead of both. */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
  const wall = Math.max(last.wall, remote.wall, now);
  let counter = 0;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return { wall, counter, node: last.node };
}

/** How far a remote clock may run ahead of the server's before its operation is refused. */
export const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000;
