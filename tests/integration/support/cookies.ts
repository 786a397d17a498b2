export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** Parses `Set-Cookie` response headers. */
export function parseSetCookies(header: string | string[] | undefined): SetCookie[] {
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return lines.map((line) => {
    const [pair = '', ...attributeParts] = line.split(';');
    const index = pair.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const part of attributeParts) {
      const [key = '', ...rest] = part.trim().split('=');
      attributes[key.toLowerCase()] = rest.length ? rest.join('=') : true;
    }
    return {
      name: pair.slice(0, index).trim(),
      value: decodeURIComponent(pair.slice(index + 1).trim()),
      attributes,
    };
  });
}

function isDeletion(cookie: SetCookie): boolean {
  const expires = cookie.attributes['expires'];
  return (
    cookie.value === '' ||
    (typeof expires === 'string' && new Date(expires).getTime() <= Date.now())
  );
}

/** A browser's cookie store, reduced to what the API uses (names and values, all on /graphql). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(header: string | string[] | undefined): void {
    for (const cookie of parseSetCookies(header)) {
      if (isDeletion(cookie)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies]
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('; ');
  }
}
