export function contractChannels(): Promise<string[]>;
