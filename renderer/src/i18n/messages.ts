// The shape of the UI's messages, one file of them per language (en.ts is the reference).

/** A tree of UI messages: every leaf is the text of one message. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralBase<K> = K extends `${infer B}_${PluralForm}` ? B : never;

/**
 * The shape every language's messages must have: the keys of the English ones, each leaf a string.
 * A plural (`x_one`, `x_other` in English) needs its `_other` form; the other forms are optional,
 * since each language has its own (Russian `_few` and `_many`).
 */
export type MessagesOf<T> = {
  [K in keyof T as K extends `${string}_${PluralForm}` ? never : K]: T[K] extends string ? string : MessagesOf<T[K]>;
} & {
  [K in keyof T as K extends string ? `${PluralBase<K>}_other` : never]: string;
} & {
  [K in keyof T as K extends string ? `${PluralBase<K>}_${Exclude<PluralForm, 'other'>}` : never]?: string;
};
