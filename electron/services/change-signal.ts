// A counter that moves whenever something outside this window changed the store (today: operations
// pulled from the team server), and a wait on it. The renderer asks `team.changes` with the
// revision it has seen; the answer comes as soon as the counter moves, or when the wait is over,
// so open screens reload within a moment of a change and an idle desk costs one pending request.
export class ChangeSignal {
  private current = 0;
  private readonly waiters = new Set<() => void>();

  get revision(): number {
    return this.current;
  }

  bump(): void {
    this.current++;
    for (const wake of [...this.waiters]) wake();
  }

  /** The revision once it differs from `after` (at once if it already does), or after `ms` at the latest. */
  wait(after: number | undefined, ms: number): Promise<number> {
    if (after === undefined || after !== this.current || ms <= 0) return Promise.resolve(this.current);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.current);
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      this.waiters.add(done);
    });
  }
}
