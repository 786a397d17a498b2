import { type Language } from '@passerelle/domain';
import { invalidArgument, isUuid } from '../../common/graphql/ids';

/** A keyset position in a list ordered by (a date, id). */
export interface KeysetCursor {
  at: Date;
  id: string;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** A connection without items. */
export const EMPTY_PAGE: Page<never> = {
  edges: [],
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: 0,
};

export function encodeKeyset(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** The position encoded in a cursor, or null when it was not made by encodeKeyset. */
export function decodeKeyset(value: string): KeysetCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id)) return null;
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? null : { at: date, id };
  } catch {
    return null;
  }
}

/** Checks `first` (1..max) and decodes `after`, or throws BAD_USER_INPUT naming the argument. */
export function pageArgs(
  first: number | null | undefined,
  after: string | null | undefined,
  defaults: { first: number; max: number },
  lang: Language,
): { take: number; after: KeysetCursor | null } {
  const take = first ?? defaults.first;
  if (!Number.isInteger(take) || take < 1 || take > defaults.max) {
    throw invalidArgument(
      'first',
      'range',
      {
        fr: `Demandez entre 1 et ${defaults.max} éléments par page.`,
        en: `Ask for 1 to ${defaults.max} items per page.`,
      },
      lang,
    );
  }
  const cursor = after ? decodeKeyset(after) : null;
  if (after && !cursor) {
    throw invalidArgument(
      'after',
      'cursor',
      {
        fr: 'Curseur invalide : reprenez la liste depuis le début.',
        en: 'Invalid cursor: start the list again from the beginning.',
      },
      lang,
    );
  }
  return { take, after: cursor };
}

/** Builds a connection from `take + 1` rows read after the cursor. */
export function toPage<T>(
  rows: T[],
  take: number,
  totalCount: number,
  keyOf: (row: T) => KeysetCursor,
): Page<T> {
  const nodes = rows.slice(0, take);
  const edges = nodes.map((node) => ({ cursor: encodeKeyset(keyOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
