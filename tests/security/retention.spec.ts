// The retention job: auth events, sent or failed e-mails, stale tokens and OpenID Connect
// attempts older than their periods are purged; recent rows and pending e-mails stay.
import { randomBytes } from 'node:crypto';
import { closeFactories, createUser, factoryPrisma } from '../factories';
import { startTestApp, type TestApp } from '../integration/support/test-app';
import { PrivacyService } from '../../apps/api/src/modules/privacy/privacy.service';

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const hash = () => randomBytes(16).toString('hex');

describe('retention purge', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({
      RETENTION_AUTH_EVENTS_DAYS: '100',
      RETENTION_EMAIL_DAYS: '50',
      RETENTION_TOKENS_DAYS: '10',
    });
  });

  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('deletes what is older than its period and keeps the rest', async () => {
    const prisma = factoryPrisma();
    const user = await createUser();
    const userId = user.id;
    const oldEvent = await prisma.authEvent.create({
      data: { kind: 'SIGN_IN_FAILED', userId, createdAt: ago(101) },
    });
    const newEvent = await prisma.authEvent.create({
      data: { kind: 'SIGN_IN_FAILED', userId, createdAt: ago(99) },
    });
    const email = (createdAt: Date, sentAt: Date | null, error: string | null = null) =>
      prisma.emailMessage.create({
        data: {
          userId,
          toAddress: user.email,
          subject: 's',
          text: 't',
          html: 'h',
          category: 'NOTIFICATION',
          createdAt,
          sentAt,
          error,
        },
      });
    const oldSent = await email(ago(51), ago(51));
    const oldFailed = await email(ago(51), null, 'SMTP down');
    const oldPending = await email(ago(51), null);
    const newSent = await email(ago(49), ago(49));
    const refresh = (expiresAt: Date, revokedAt: Date | null) =>
      prisma.refreshToken.create({
        data: { userId, familyId: crypto.randomUUID(), tokenHash: hash(), expiresAt, revokedAt },
      });
    const expiredLongAgo = await refresh(ago(11), null);
    const revokedLongAgo = await refresh(new Date(Date.now() + 20 * DAY), ago(11));
    const revokedRecently = await refresh(new Date(Date.now() + 20 * DAY), ago(9));
    const live = await refresh(new Date(Date.now() + 20 * DAY), null);
    const token = (expiresAt: Date, usedAt: Date | null) =>
      prisma.accountToken.create({
        data: { userId, purpose: 'PASSWORD_RESET', tokenHash: hash(), expiresAt, usedAt },
      });
    const usedLongAgo = await token(new Date(Date.now() + DAY), ago(11));
    const expiredToken = await token(ago(11), null);
    const freshToken = await token(new Date(Date.now() + DAY), null);
    const attempt = (expiresAt: Date) =>
      prisma.oidcLoginAttempt.create({
        data: { stateHash: hash(), nonce: 'n', codeVerifier: 'v', expiresAt },
      });
    const oldAttempt = await attempt(ago(11));
    const recentAttempt = await attempt(ago(1));

    const counts = await api.app.get(PrivacyService).purgeExpired();
    expect(counts.authEvents).toBeGreaterThanOrEqual(1);

    const exists = async (find: () => Promise<unknown>) => (await find()) !== null;
    expect(await exists(() => prisma.authEvent.findUnique({ where: { id: oldEvent.id } }))).toBe(
      false,
    );
    expect(await exists(() => prisma.authEvent.findUnique({ where: { id: newEvent.id } }))).toBe(
      true,
    );
    for (const [row, kept] of [
      [oldSent, false],
      [oldFailed, false],
      [oldPending, true],
      [newSent, true],
    ] as const) {
      expect(await exists(() => prisma.emailMessage.findUnique({ where: { id: row.id } }))).toBe(
        kept,
      );
    }
    for (const [row, kept] of [
      [expiredLongAgo, false],
      [revokedLongAgo, false],
      [revokedRecently, true],
      [live, true],
    ] as const) {
      expect(await exists(() => prisma.refreshToken.findUnique({ where: { id: row.id } }))).toBe(
        kept,
      );
    }
    for (const [row, kept] of [
      [usedLongAgo, false],
      [expiredToken, false],
      [freshToken, true],
    ] as const) {
      expect(await exists(() => prisma.accountToken.findUnique({ where: { id: row.id } }))).toBe(
        kept,
      );
    }
    expect(
      await exists(() =>
        prisma.oidcLoginAttempt.findUnique({ where: { stateHash: oldAttempt.stateHash } }),
      ),
    ).toBe(false);
    expect(
      await exists(() =>
        prisma.oidcLoginAttempt.findUnique({ where: { stateHash: recentAttempt.stateHash } }),
      ),
    ).toBe(true);

    // A second run finds nothing more of these.
    const again = await api.app.get(PrivacyService).purgeExpired();
    expect(again).toMatchObject({ refreshTokens: 0, accountTokens: 0, oidcLoginAttempts: 0 });
  });
});
