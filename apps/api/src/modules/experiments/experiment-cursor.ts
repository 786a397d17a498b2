import { isUuid } from '../../common/graphql/ids';
import { type ExperimentCursor } from './experiment-list.repository';

/** An opaque cursor for a keyset position (a date and an id that breaks ties). */
export function encodeExperimentCursor(cursor: ExperimentCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** The position encoded by encodeExperimentCursor, or null for anything else. */
export function decodeExperimentCursor(value: string): ExperimentCursor | null {
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
