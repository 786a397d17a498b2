import { randomBytes } from 'node:crypto';

/** A short key unique across test files and runs, for e-mails, slugs and names. */
export function uniqueKey(prefix = 't'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
