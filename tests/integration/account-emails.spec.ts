import { createHash } from 'node:crypto';
import {
  closeFactories,
  createUser,
  type CreatedUser,
  factoryPrisma,
  TERRITORIES,
  uniqueKey,
} from '../factories';
import { CookieJar } from './support/cookies';
import { REFRESH, SIGN_IN, SIGN_UP } from './support/operations';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from './support/smtp';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const VERIFY_EMAIL = `mutation ($token: String!) { verifyEmail(token: $token) { id email emailVerified } }`;
const RESEND = `mutation { resendVerificationEmail }`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
const ME_VERIFIED = `query { me { id emailVerified } }`;
const OUTBOX = `query ($first: Int, $after: String) {
  outbox(first: $first, after: $after) {
    edges { cursor node { id toAddress subject text category createdAt sentAt error } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

type OutboxData = {
  outbox: {
    edges: {
      node: {
        id: string;
        toAddress: string;
        subject: string;
        text: string;
        category: string;
        createdAt: string;
        sentAt: string | null;
        error: string | null;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
  };
};

const signUpInput = (email: string) => ({
  email,
  password: 'a long enough password',
  displayName: 'Jeanne Dupont',
  actorType: 'CITIZEN',
  territoryId: TERRITORIES.saintEtienne,
  acceptTerms: true,
});

/** The token of the first link to `path` in a message's text. */
function tokenIn(mail: ReceivedMail, path: string): { link: string; token: string } {
  const match = new RegExp(`(https?://\\S+${path}\\?jeton=([A-Za-z0-9_-]+))`).exec(mail.text);
  if (!match) throw new Error(`No ${path} link in: ${mail.text}`);
  return { link: match[1] as string, token: match[2] as string };
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const to = (address: string) => (mail: ReceivedMail) => mail.to.includes(address);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('accounts by e-mail, with a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let api: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'http://passerelle.test' });
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
    await closeFactories();
  });

  async function requestReset(user: CreatedUser) {
    const result = await api.gql<{ requestPasswordReset: boolean }>(REQUEST_RESET, {
      email: user.email,
    });
    expect(dataOf(result).requestPasswordReset).toBe(true);
    const mail = await smtp.waitFor(
      (m) => to(user.email)(m) && m.text.includes('/reinitialiser-mot-de-passe?jeton='),
    );
    return tokenIn(mail, '/reinitialiser-mot-de-passe');
  }

  describe('e-mail verification', () => {
    it('sends a link at sign-up, in the request language, that verifies the address once', async () => {
      const email = `${uniqueKey('verify')}@example.org`;
      const signUp = await api.gql<{ signUp: { accessToken: string } }>(
        SIGN_UP,
        { input: signUpInput(email) },
        { lang: 'en' },
      );
      const accessToken = dataOf(signUp).signUp.accessToken;
      const me = await api.gql<{ me: { emailVerified: boolean } }>(
        ME_VERIFIED,
        {},
        {
          token: accessToken,
        },
      );
      expect(dataOf(me).me.emailVerified).toBe(false);

      const mail = await smtp.waitFor(to(email));
      expect(mail.subject).toBe('Confirm your e-mail address on Passerelle');
      expect(mail.text).toContain('Hello Jeanne Dupont,');
      const { link, token } = tokenIn(mail, '/verifier-email');
      expect(link.startsWith('http://passerelle.test/verifier-email?jeton=')).toBe(true);
      expect(mail.html).toContain(`href="${link}"`);

      const verified = await api.gql<{ verifyEmail: { email: string; emailVerified: boolean } }>(
        VERIFY_EMAIL,
        { token },
      );
      expect(dataOf(verified).verifyEmail).toMatchObject({ email, emailVerified: true });
      const after = await api.gql<{ me: { emailVerified: boolean } }>(
        ME_VERIFIED,
        {},
        {
          token: accessToken,
        },
      );
      expect(dataOf(after).me.emailVerified).toBe(true);

      const reused = await api.gql(VERIFY_EMAIL, { token }, { lang: 'fr' });
      expect(firstError(reused).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'TOKEN_USED',
      });
      expect(firstError(reused).message).toMatch(/déjà servi/);
    });

    it('writes in French by default', async () => {
      const email = `${uniqueKey('verify-fr')}@example.org`;
      await api.gql(SIGN_UP, { input: signUpInput(email) });
      const mail = await smtp.waitFor(to(email));
      expect(mail.subject).toBe('Confirmez votre adresse e-mail sur Passerelle');
      expect(mail.text).toContain('Bonjour Jeanne Dupont,');
    });

    it('refuses an expired link with TOKEN_EXPIRED and a garbage one with TOKEN_INVALID', async () => {
      const user = await createUser();
      const token = dataOf(
        await api.gql<{ resendVerificationEmail: boolean }>(
          RESEND,
          {},
          {
            token: await api.tokenFor(user),
          },
        ),
      ).resendVerificationEmail;
      expect(token).toBe(true);
      const link = tokenIn(await smtp.waitFor(to(user.email)), '/verifier-email');
      await factoryPrisma().accountToken.update({
        where: { tokenHash: hashOf(link.token) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });

      const expired = await api.gql(VERIFY_EMAIL, { token: link.token }, { lang: 'fr' });
      expect(firstError(expired).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOKEN_EXPIRED',
      });
      expect(firstError(expired).message).toBe('Ce lien a expiré : demandez-en un nouveau.');

      for (const garbage of ['nope', 'A'.repeat(43), `${link.token.slice(0, -1)}!`]) {
        const invalid = await api.gql(VERIFY_EMAIL, { token: garbage }, { lang: 'en' });
        expect(firstError(invalid).extensions?.reason).toBe('TOKEN_INVALID');
      }
      const row = await factoryPrisma().user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row.emailVerifiedAt).toBeNull();
    });

    it('does not send another link to a verified account', async () => {
      const user = await createUser();
      await factoryPrisma().user.update({
        where: { id: user.id },
        data: { emailVerifiedAt: new Date() },
      });
      const result = await api.gql<{ resendVerificationEmail: boolean }>(
        RESEND,
        {},
        {
          token: await api.tokenFor(user),
        },
      );
      expect(dataOf(result).resendVerificationEmail).toBe(true);
      await pause(300);
      expect(smtp.messages.filter(to(user.email))).toEqual([]);
    });

    it('asks anonymous visitors to sign in before resending', async () => {
      expect(firstError(await api.gql(RESEND)).extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('password reset', () => {
    it('sets a new password, refuses the old one and ends every session', async () => {
      const user = await createUser();
      const jar = new CookieJar();
      const signIn = await api.gql(
        SIGN_IN,
        { input: { email: user.email, password: user.password } },
        { jar },
      );
      expect(signIn.errors).toBeUndefined();

      const { token, link } = await requestReset(user);
      expect(link.startsWith('http://passerelle.test/reinitialiser-mot-de-passe?jeton=')).toBe(
        true,
      );
      const reset = await api.gql<{ resetPassword: boolean }>(RESET, {
        token,
        password: 'a brand new passphrase',
      });
      expect(dataOf(reset).resetPassword).toBe(true);

      const refreshed = await api.gql(REFRESH, {}, { jar });
      expect(firstError(refreshed).extensions?.reason).toBe('SESSION_EXPIRED');
      const old = await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } });
      expect(firstError(old).extensions?.reason).toBe('INVALID_CREDENTIALS');
      const fresh = await api.gql(SIGN_IN, {
        input: { email: user.email, password: 'a brand new passphrase' },
      });
      expect(fresh.errors).toBeUndefined();

      const reused = await api.gql(RESET, { token, password: 'yet another passphrase' });
      expect(firstError(reused).extensions?.reason).toBe('TOKEN_USED');
    });

    it('drops identity-provider links made before the address was proven, not after', async () => {
      const unproven = await createUser();
      const proven = await createUser();
      await factoryPrisma().user.update({
        where: { id: proven.id },
        data: { emailVerifiedAt: new Date() },
      });
      for (const [user, subject] of [
        [unproven, uniqueKey('squatter')],
        [proven, uniqueKey('owner')],
      ] as const) {
        await factoryPrisma().userIdentity.create({
          data: { userId: user.id, issuer: 'https://fournisseur.example.fr', subject },
        });
      }

      for (const user of [unproven, proven]) {
        const { token } = await requestReset(user);
        const reset = await api.gql(RESET, { token, password: 'a brand new passphrase' });
        expect(reset.errors).toBeUndefined();
      }

      expect(await factoryPrisma().userIdentity.count({ where: { userId: unproven.id } })).toBe(0);
      expect(await factoryPrisma().userIdentity.count({ where: { userId: proven.id } })).toBe(1);
    });

    it('applies the sign-up password rules', async () => {
      const user = await createUser();
      const { token } = await requestReset(user);
      const result = await api.gql(RESET, { token, password: 'short' }, { lang: 'en' });
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        fields: [expect.objectContaining({ field: 'password', rule: 'minLength' })],
      });
      // The token was not spent by the refused attempt.
      const retry = await api.gql(RESET, { token, password: 'a long enough passphrase' });
      expect(retry.errors).toBeUndefined();
    });

    it('keeps only the newest link of an account working', async () => {
      const user = await createUser();
      const first = await requestReset(user);
      const mails = smtp.messages.length;
      await api.gql(REQUEST_RESET, { email: user.email });
      const second = tokenIn(
        await smtp.waitFor(
          (m) =>
            to(user.email)(m) && smtp.messages.indexOf(m) >= mails && m.text.includes('jeton='),
        ),
        '/reinitialiser-mot-de-passe',
      );
      expect(second.token).not.toBe(first.token);
      const old = await api.gql(RESET, {
        token: first.token,
        password: 'a long enough passphrase',
      });
      expect(firstError(old).extensions?.reason).toBe('TOKEN_USED');
      const newest = await api.gql(RESET, {
        token: second.token,
        password: 'a long enough passphrase',
      });
      expect(newest.errors).toBeUndefined();
    });

    it('refuses an expired reset link', async () => {
      const user = await createUser();
      const { token } = await requestReset(user);
      await factoryPrisma().accountToken.update({
        where: { tokenHash: hashOf(token) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const result = await api.gql(RESET, { token, password: 'a long enough passphrase' });
      expect(firstError(result).extensions?.reason).toBe('TOKEN_EXPIRED');
    });

    it('does not accept a verification token as a reset token', async () => {
      const user = await createUser();
      await api.gql(RESEND, {}, { token: await api.tokenFor(user) });
      const { token } = tokenIn(await smtp.waitFor(to(user.email)), '/verifier-email');
      const result = await api.gql(RESET, { token, password: 'a long enough passphrase' });
      expect(firstError(result).extensions?.reason).toBe('TOKEN_INVALID');
    });

    it('answers true for an unknown address and sends nothing', async () => {
      const email = `${uniqueKey('nobody')}@example.org`;
      const result = await api.gql<{ requestPasswordReset: boolean }>(REQUEST_RESET, { email });
      expect(dataOf(result).requestPasswordReset).toBe(true);
      await pause(500);
      expect(smtp.messages.filter(to(email))).toEqual([]);
      expect(await factoryPrisma().emailMessage.count({ where: { toAddress: email } })).toBe(0);
    });

    it('lets exactly one of two concurrent uses of a token succeed', async () => {
      const user = await createUser();
      const { token } = await requestReset(user);
      const results = await Promise.all([
        api.gql(RESET, { token, password: 'first concurrent passphrase' }),
        api.gql(RESET, { token, password: 'second concurrent passphrase' }),
      ]);
      const succeeded = results.filter((result) => !result.errors);
      const failed = results.filter((result) => result.errors);
      expect(succeeded).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expect(firstError(failed[0] as (typeof results)[number]).extensions?.reason).toBe(
        'TOKEN_USED',
      );
    });
  });
});

describe('demo outbox (no SMTP_URL)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function outboxRow(address: string) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const row = await factoryPrisma().emailMessage.findFirst({ where: { toAddress: address } });
      if (row) return row;
      await pause(100);
    }
    throw new Error(`No e-mail written to ${address}`);
  }

  it('keeps the message unsent; administrators read it, participants may not', async () => {
    const user = await createUser();
    await api.gql(REQUEST_RESET, { email: user.email });
    const row = await outboxRow(user.email);
    expect(row).toMatchObject({ category: 'PASSWORD_RESET', sentAt: null, error: null });

    const admin = await createUser({ role: 'ADMIN' });
    const result = await api.gql<OutboxData>(
      OUTBOX,
      { first: 100 },
      {
        token: await api.tokenFor(admin),
      },
    );
    const { outbox } = dataOf(result);
    const node = outbox.edges.find((edge) => edge.node.toAddress === user.email)?.node;
    expect(node).toMatchObject({
      id: row.id,
      subject: 'Réinitialisez votre mot de passe Passerelle',
      category: 'PASSWORD_RESET',
      sentAt: null,
      error: null,
    });
    expect(node?.text).toMatch(/\/reinitialiser-mot-de-passe\?jeton=[A-Za-z0-9_-]{43}/);
    expect(outbox.totalCount).toBeGreaterThanOrEqual(1);

    const participant = await api.gql(
      OUTBOX,
      {},
      { token: await api.tokenFor(await createUser()) },
    );
    expect(firstError(participant).extensions?.code).toBe('FORBIDDEN');
    expect(firstError(await api.gql(OUTBOX)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lists newest first and pages with a cursor', async () => {
    const first = await createUser();
    const second = await createUser();
    await api.gql(REQUEST_RESET, { email: first.email });
    await outboxRow(first.email);
    await api.gql(REQUEST_RESET, { email: second.email });
    await outboxRow(second.email);
    const token = await api.tokenFor(await createUser({ role: 'ADMIN' }));
    // Other suites write to the same outbox meanwhile: walk pages of one message until the
    // older of ours, checking the order, the cursor and that no message comes twice.
    const seen: { id: string; toAddress: string; createdAt: string; hasNext: boolean }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100 && !seen.some((m) => m.toAddress === first.email); page += 1) {
      const outbox: OutboxData['outbox'] = dataOf(
        await api.gql<OutboxData>(OUTBOX, { first: 1, after }, { token }),
      ).outbox;
      expect(outbox.edges).toHaveLength(1);
      seen.push({ ...outbox.edges[0].node, hasNext: outbox.pageInfo.hasNextPage });
      after = outbox.pageInfo.endCursor;
    }
    const positionOf = (address: string) => seen.findIndex((m) => m.toAddress === address);
    expect(positionOf(second.email)).toBeGreaterThanOrEqual(0);
    expect(positionOf(second.email)).toBeLessThan(positionOf(first.email));
    expect(seen[positionOf(second.email)].hasNext).toBe(true);
    expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
    const times = seen.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('rate limits of password-reset requests', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ RATE_LIMIT_FACTOR: '1' });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('refuses a fourth request for one address within the hour, whatever its case', async () => {
    const email = `${uniqueKey('flood')}@example.org`;
    for (const variant of [email, email.toUpperCase(), ` ${email} `]) {
      const result = await api.gql(REQUEST_RESET, { email: variant });
      expect(result.errors).toBeUndefined();
    }
    const refused = await api.gql(REQUEST_RESET, { email });
    expect(firstError(refused).extensions?.code).toBe('RATE_LIMITED');
    // Another address from the same IP is still served.
    const other = await api.gql(REQUEST_RESET, { email: `${uniqueKey('other')}@example.org` });
    expect(other.errors).toBeUndefined();
  });
});
