/**
 * Where to send the browser after an OpenID Connect sign-in: a same-site path only. Anything
 * that a browser could read as another site (`//evil`, `/\evil`, `https://evil`, control
 * characters, encoded slashes or backslashes) falls back to `/`, so `?next=` is never an open
 * redirect.
 */
export function safeReturnTo(next: unknown): string {
  if (typeof next !== 'string' || next === '' || next.length > 1000) return '/';
  if (!next.startsWith('/') || next.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  if (/^\/(%2f|%5c)/i.test(next)) return '/';
  let parsed: URL;
  try {
    parsed = new URL(next, 'https://passerelle.invalid');
  } catch {
    return '/';
  }
  if (parsed.origin !== 'https://passerelle.invalid') return '/';
  // The API's own routes (e.g. the start URL again) are not pages to come back to.
  if (parsed.pathname.startsWith('/api/') || parsed.pathname === '/graphql') return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
