// The shapes and rules of team mode that the desk and the team server share. Pure: zod and the
// table declarations; never SQLite or node (the lint rule on db/sync enforces it).
export * from './hlc';
export * from './operations';
export * from './rules';
