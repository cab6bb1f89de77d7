/** Runs a change from the card, announcing `done` on success; false when the store refused. */
export type RunChange = (action: () => Promise<unknown>, done?: string) => Promise<boolean>;
