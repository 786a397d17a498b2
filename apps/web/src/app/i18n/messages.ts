import type { fr } from './fr';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale must have: the French keys, with any text. */
export type Messages = Widen<typeof fr>;
