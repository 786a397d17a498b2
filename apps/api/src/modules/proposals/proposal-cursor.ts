import { isUuid } from '../../common/graphql/ids';

/** The sort keys of proposal lists (GraphQL enum ProposalOrderBy). */
export const ProposalOrderBy = {
  NEWEST: 'NEWEST',
  OLDEST: 'OLDEST',
  TOP: 'TOP',
  HOT: 'HOT',
  CONTROVERSIAL: 'CONTROVERSIAL',
  MOST_COMMENTED: 'MOST_COMMENTED',
  RELEVANCE: 'RELEVANCE',
  /** Group-aware agreement: high only when every opinion group agrees. */
  CONSENSUS: 'CONSENSUS',
  /** The proposals that split the opinion groups most. */
  DIVISIVE: 'DIVISIVE',
} as const;
export type ProposalOrderBy = (typeof ProposalOrderBy)[keyof typeof ProposalOrderBy];

/**
 * The keyset position of a proposal in a list: its sort key (a date for NEWEST and OLDEST, a
 * number otherwise) and its id, which breaks ties. The order is part of the cursor so a cursor
 * of one order is refused by another.
 */
export interface ProposalCursor {
  orderBy: ProposalOrderBy;
  key: Date | number;
  id: string;
}

const isDateOrder = (orderBy: ProposalOrderBy) => orderBy === 'NEWEST' || orderBy === 'OLDEST';

export function encodeCursor(cursor: ProposalCursor): string {
  const key = cursor.key instanceof Date ? cursor.key.toISOString() : cursor.key;
  return Buffer.from(JSON.stringify([cursor.orderBy, key, cursor.id])).toString('base64url');
}

/** The position encoded in a cursor, or null when it was not made by encodeCursor for `orderBy`. */
export function decodeCursor(value: string, orderBy: ProposalOrderBy): ProposalCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [order, key, id] = parsed as unknown[];
    if (order !== orderBy || typeof id !== 'string' || !isUuid(id)) return null;
    if (isDateOrder(orderBy)) {
      if (typeof key !== 'string') return null;
      const date = new Date(key);
      return Number.isNaN(date.getTime()) ? null : { orderBy, key: date, id };
    }
    return typeof key === 'number' && Number.isFinite(key) ? { orderBy, key, id } : null;
  } catch {
    return null;
  }
}
