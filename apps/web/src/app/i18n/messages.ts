import type { fr } from './fr';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale must have: the French keys, with any text. */
export type Messages = Widen<typeof fr>;

/** A tree of messages: namespaces and keys down to texts. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** Two trees of messages as one: namespaces present in both are merged key by key. */
export type Merged<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A
    ? K extends keyof B
      ? Merged<A[K], B[K]>
      : A[K]
    : K extends keyof B
      ? B[K]
      : never;
};

/** Merges two trees of messages (a namespace can be split between two files). */
export function mergeMessages<A extends MessageTree, B extends MessageTree>(
  a: A,
  b: B,
): Merged<A, B> {
  const merged: Record<string, string | MessageTree> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = merged[key];
    merged[key] =
      typeof existing === 'object' && typeof value === 'object'
        ? mergeMessages(existing, value)
        : value;
  }
  return merged as Merged<A, B>;
}
