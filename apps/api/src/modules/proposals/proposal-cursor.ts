import { isUuid } from '../../common/graphql/ids';

/** The keyset position of a proposal in a list ordered by (createdAt, id). */
export interface ProposalCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: ProposalCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString(
    'base64url',
  );
}

/** The position encoded in a cursor, or null when the cursor was not made by encodeCursor. */
export function decodeCursor(value: string): ProposalCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [createdAt, id] = parsed as unknown[];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !isUuid(id)) return null;
    const date = new Date(createdAt);
    return Number.isNaN(date.getTime()) ? null : { createdAt: date, id };
  } catch {
    return null;
  }
}
