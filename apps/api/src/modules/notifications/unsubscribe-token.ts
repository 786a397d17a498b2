import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationKind } from '@passerelle/domain';

/** What an unsubscribe link stops: one kind of notification, or every kind. */
export type UnsubscribeScope = NotificationKind | 'all';

export interface UnsubscribeTarget {
  userId: string;
  scope: UnsubscribeScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A key of its own for these links, derived from the JWT secret (never the secret itself). */
function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('passerelle:email-unsubscribe:v1').digest();
}

function signatureOf(secret: string, message: string): Buffer {
  return createHmac('sha256', keyOf(secret)).update(message).digest();
}

/**
 * `<userId>.<kind or "all">.<HMAC-SHA256 base64url>`: no expiry (an old e-mail's link still
 * works), nothing secret inside, and only the server can make one.
 */
export function signUnsubscribeToken(secret: string, target: UnsubscribeTarget): string {
  const message = `${target.userId}.${target.scope}`;
  return `${message}.${signatureOf(secret, message).toString('base64url')}`;
}

/** The target of a genuine token, or null (malformed, unknown kind, forged signature). */
export function verifyUnsubscribeToken(
  secret: string,
  token: string | null | undefined,
): UnsubscribeTarget | null {
  if (typeof token !== 'string' || token.length > 300) return null;
  const [userId, scope, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !scope || !signature || !UUID.test(userId)) return null;
  if (scope !== 'all' && !(scope in NotificationKind)) return null;
  const expected = signatureOf(secret, `${userId}.${scope}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
