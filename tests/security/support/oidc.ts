import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { CookieJar } from '../../integration/support/cookies';

/** The local OpenID Connect provider (oidc-provider.mjs) running in a child process. */
export interface TestProvider {
  issuer: string;
  registerClient(client: {
    client_id: string;
    client_secret: string;
    redirect_uris: string[];
    userinfo_signed_response_alg?: string;
  }): Promise<void>;
  /** The account the next interactions sign in, with its claims. */
  signInAs(sub: string, claims: Record<string, unknown>): Promise<void>;
  misbehave(mode: 'none' | 'wrong-audience' | 'wrong-issuer'): Promise<void>;
  stop(): Promise<void>;
}

export async function startProvider(): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /OIDC_PROVIDER_READY (\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`The test provider exited (${String(code)}): ${stderr}`)),
    );
  });
  const control = async (route: string, body: unknown) => {
    const response = await fetch(`${issuer}/__test/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 204) throw new Error(`Provider control ${route}: ${response.status}`);
  };
  return {
    issuer,
    registerClient: (client) => control('client', client),
    signInAs: (sub, claims) => control('login', { sub, claims }),
    misbehave: (mode) => control('misbehave', { mode }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Hop {
  url: string;
  status: number;
  location: string | null;
}

/**
 * A browser reduced to what the flow needs: plain fetch, redirects followed by hand, one cookie
 * jar per origin (the API's and the provider's).
 */
export class TestBrowser {
  private readonly jars = new Map<string, CookieJar>();

  jar(origin: string): CookieJar {
    let jar = this.jars.get(origin);
    if (!jar) {
      jar = new CookieJar();
      this.jars.set(origin, jar);
    }
    return jar;
  }

  async get(url: string): Promise<Hop> {
    const origin = new URL(url).origin;
    const cookie = this.jar(origin).header();
    const response = await fetch(url, {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    this.jar(origin).store(response.headers.getSetCookie());
    await response.arrayBuffer();
    const location = response.headers.get('location');
    return {
      url,
      status: response.status,
      location: location === null ? null : new URL(location, url).toString(),
    };
  }

  /** Follows redirects from `url` until one leaves for a URL starting with `stopAt` (returned). */
  async followUntil(url: string, stopAt: string, maxHops = 15): Promise<string> {
    let next = url;
    for (let hop = 0; hop < maxHops; hop++) {
      const answer = await this.get(next);
      if (!answer.location) throw new Error(`No redirect from ${next} (status ${answer.status})`);
      if (answer.location.startsWith(stopAt)) return answer.location;
      next = answer.location;
    }
    throw new Error(`Too many redirects from ${url}`);
  }
}
