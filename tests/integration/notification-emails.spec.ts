// Notification e-mails end to end: comments through GraphQL create the notifications, the
// e-mail runs (called directly, as the pg-boss cron would) deliver them to a real SMTP server,
// and the unsubscribe link read from a received e-mail changes the preferences.
import {
  DIGEST_EMAILS_CRON,
  DIGEST_EMAILS_QUEUE,
  IMMEDIATE_EMAILS_CRON,
  IMMEDIATE_EMAILS_QUEUE,
  NotificationEmailJob,
} from '../../apps/api/src/modules/notifications/notification-email.job';
import { signUnsubscribeToken } from '../../apps/api/src/modules/notifications/unsubscribe-token';
import {
  closeFactories,
  createBrief,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
} from '../factories';
import { createCurator } from './support/briefs';
import { ADD_COMMENT, FOLLOW } from './support/participation';
import { type ReceivedMail, startSmtpServer } from './support/smtp';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';
import { RESTORE } from './support/moderation';
import { notificationsOf, trustConsultation } from './support/trust';

const PREFERENCES = `query { myNotificationPreferences { kind frequency } }`;
const UPDATE_PREFERENCES = `mutation Update($preferences: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(preferences: $preferences) { kind frequency }
}`;

type Preference = { kind: string; frequency: string };

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let api: TestApp;
let job: NotificationEmailJob;

beforeAll(async () => {
  smtp = await startSmtpServer();
  api = await startTestApp({ SMTP_URL: smtp.url });
  job = api.app.get(NotificationEmailJob);
});

afterAll(async () => {
  await api?.close();
  await smtp?.close();
  await closeFactories();
});

/** A participant whose address is verified (only those receive e-mail). */
async function verifiedUser(name: string, isVerified = true): Promise<CreatedUser> {
  const user = await createUser({ displayName: name });
  if (isVerified) {
    await factoryPrisma().user.update({
      where: { id: user.id },
      data: { emailVerifiedAt: new Date() },
    });
  }
  return user;
}

async function setPreferences(user: CreatedUser, preferences: Preference[]) {
  const result = await api.gql<{ updateNotificationPreferences: Preference[] }>(
    UPDATE_PREFERENCES,
    { preferences },
    { token: await api.tokenFor(user) },
  );
  return dataOf(result).updateNotificationPreferences;
}

async function comment(user: CreatedUser, proposalId: string, parentId?: string) {
  const result = await api.gql<{ addComment: { id: string } }>(
    ADD_COMMENT,
    {
      input: {
        proposalId,
        body: `Un avis argumenté de ${user.displayName} sur cette proposition.`,
        ...(parentId ? { parentId } : {}),
      },
    },
    { token: await api.tokenFor(user) },
  );
  return dataOf(result).addComment.id;
}

/** A proposal by `author`, in a consultation open to comments. */
async function proposalOf(author: CreatedUser) {
  const consultation = await createConsultation();
  return createProposal({ consultationId: consultation.id, authorId: author.id });
}

const mailsTo = (user: CreatedUser): ReceivedMail[] =>
  smtp.messages.filter((mail) => mail.to.some((to) => to.toLowerCase() === user.email));

/** Later than every notification written so far (the database and Node share a clock). */
const soon = () => new Date(Date.now() + 1_000);

const unsubscribePath = (mail: ReceivedMail): string => {
  const match = /\/api\/email\/unsubscribe\?token=[^\s"<>]+/.exec(mail.text);
  if (!match) throw new Error(`No unsubscribe link in: ${mail.text}`);
  return match[0];
};

describe('notifications of comments', () => {
  it('tells the proposal’s author and followers of a comment, once each, not the commenter', async () => {
    const author = await verifiedUser('Autrice');
    const follower = await verifiedUser('Suiveur');
    const commenter = await verifiedUser('Commentatrice');
    const proposal = await proposalOf(author);
    dataOf(
      await api.gql(FOLLOW, { proposalId: proposal.id }, { token: await api.tokenFor(follower) }),
    );
    // The commenter follows too: still not told of their own comment.
    dataOf(
      await api.gql(FOLLOW, { proposalId: proposal.id }, { token: await api.tokenFor(commenter) }),
    );

    const commentId = await comment(commenter, proposal.id);

    for (const user of [author, follower]) {
      const notes = await notificationsOf(user.id);
      expect(notes.map((n) => n.kind)).toEqual(['PROPOSAL_COMMENTED']);
      expect(notes[0].payload).toMatchObject({
        proposalId: proposal.id,
        commentId,
        title: proposal.title,
        authorName: 'Commentatrice',
      });
    }
    expect(await notificationsOf(commenter.id)).toEqual([]);
  });

  it('tells the parent comment’s author of a reply (COMMENT_REPLY), not twice as author', async () => {
    const author = await verifiedUser('Auteur');
    const replier = await verifiedUser('Répondeur');
    const proposal = await proposalOf(author);
    // The author comments on their own proposal: nobody else to tell yet.
    const parentId = await comment(author, proposal.id);
    expect(await notificationsOf(author.id)).toEqual([]);

    await comment(replier, proposal.id, parentId);
    expect((await notificationsOf(author.id)).map((n) => n.kind)).toEqual(['COMMENT_REPLY']);
    expect(await notificationsOf(replier.id)).toEqual([]);

    // The replier now follows (commenting follows): the author's next comment tells them.
    await comment(author, proposal.id);
    expect((await notificationsOf(replier.id)).map((n) => n.kind)).toEqual(['PROPOSAL_COMMENTED']);
  });

  it('tells nobody of a held comment until a moderator approves it', async () => {
    const author = await verifiedUser('Autrice prudente');
    const newcomer = await verifiedUser('Nouvelle venue');
    const moderator = await createUser({ role: 'MODERATOR' });
    const consultation = await trustConsultation(true);
    const proposal = await createProposal({ consultationId: consultation.id, authorId: author.id });

    const commentId = await comment(newcomer, proposal.id);
    expect(await notificationsOf(author.id)).toEqual([]);

    dataOf(
      await api.gql(
        RESTORE,
        { input: { targetType: 'COMMENT', targetId: commentId, reason: 'Conforme à la charte' } },
        { token: await api.tokenFor(moderator) },
      ),
    );
    expect((await notificationsOf(author.id)).map((n) => n.kind)).toEqual(['PROPOSAL_COMMENTED']);
  });
});

describe('notifications of status changes', () => {
  it('tells the author when a published brief retains their proposal (PROPOSAL_STATUS_CHANGED)', async () => {
    const author = await verifiedUser('Retenue');
    const curator = await createCurator();
    const consultation = await createConsultation();
    const proposal = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const brief = await createBrief({
      createdById: curator.id,
      consultationIds: [consultation.id],
      status: 'IN_REVIEW',
      sections: [{ title: 'Mobilités', citations: [{ proposalId: proposal.id }] }],
    });
    dataOf(
      await api.gql(
        `mutation ($input: BriefTransitionInput!) { publishBrief(input: $input) { slug } }`,
        { input: { briefId: brief.id, expectedRevision: brief.revision } },
        { token: await api.tokenFor(curator) },
      ),
    );
    const notes = await notificationsOf(author.id);
    expect(notes.map((n) => n.kind).sort()).toEqual(['PROPOSAL_CITED', 'PROPOSAL_STATUS_CHANGED']);
    expect(notes.find((n) => n.kind === 'PROPOSAL_STATUS_CHANGED')?.payload).toMatchObject({
      proposalId: proposal.id,
      status: 'RETAINED',
    });
  });
});

describe('notification preferences', () => {
  it('lists every kind, DAILY_DIGEST by default, and stores validated changes', async () => {
    const user = await verifiedUser('Préférente');
    const token = await api.tokenFor(user);
    const initial = dataOf(
      await api.gql<{ myNotificationPreferences: Preference[] }>(PREFERENCES, {}, { token }),
    ).myNotificationPreferences;
    expect(initial.length).toBeGreaterThanOrEqual(13);
    expect(new Set(initial.map((p) => p.frequency))).toEqual(new Set(['DAILY_DIGEST']));
    expect(initial.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['COMMENT_REPLY', 'PROPOSAL_COMMENTED', 'PROPOSAL_STATUS_CHANGED']),
    );

    const updated = await setPreferences(user, [
      { kind: 'COMMENT_REPLY', frequency: 'IMMEDIATE' },
      { kind: 'PROPOSAL_CITED', frequency: 'NONE' },
    ]);
    expect(updated.find((p) => p.kind === 'COMMENT_REPLY')?.frequency).toBe('IMMEDIATE');
    expect(updated.find((p) => p.kind === 'PROPOSAL_CITED')?.frequency).toBe('NONE');
    expect(updated.find((p) => p.kind === 'PROPOSAL_COMMENTED')?.frequency).toBe('DAILY_DIGEST');

    const duplicate = await api.gql(
      UPDATE_PREFERENCES,
      {
        preferences: [
          { kind: 'COMMENT_REPLY', frequency: 'NONE' },
          { kind: 'COMMENT_REPLY', frequency: 'IMMEDIATE' },
        ],
      },
      { token },
    );
    expect(firstError(duplicate).extensions?.reason).toBe('INVALID_INPUT');
    expect(firstError(duplicate).extensions?.fields?.[0]?.field).toBe('preferences.1.kind');
    const unknown = await api.gql(
      UPDATE_PREFERENCES,
      { preferences: [{ kind: 'COMMENT_REPLY', frequency: 'WEEKLY' }] },
      { token },
    );
    expect(unknown.errors).toBeDefined();
    // Nothing changed by the refused calls.
    const after = dataOf(
      await api.gql<{ myNotificationPreferences: Preference[] }>(PREFERENCES, {}, { token }),
    ).myNotificationPreferences;
    expect(after.find((p) => p.kind === 'COMMENT_REPLY')?.frequency).toBe('IMMEDIATE');
  });
});

describe('notification e-mails', () => {
  it('sends one e-mail per IMMEDIATE notification, never twice, even with concurrent runs', async () => {
    const author = await verifiedUser('Immédiate');
    const commenter = await verifiedUser('Bavard');
    await setPreferences(author, [{ kind: 'PROPOSAL_COMMENTED', frequency: 'IMMEDIATE' }]);
    const proposal = await proposalOf(author);
    await comment(commenter, proposal.id);
    await comment(commenter, proposal.id);
    // notify() tells a user once per kind and call: two comments, two notifications.
    expect(await notificationsOf(author.id)).toHaveLength(2);

    const now = soon();
    const [first, second] = await Promise.all([job.runImmediate(now), job.runImmediate(now)]);
    expect(first + second).toBeGreaterThanOrEqual(2);
    await smtp.waitFor(() => mailsTo(author).length >= 2);
    await job.runImmediate(soon());
    // Give a stray duplicate the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mails = mailsTo(author);
    expect(mails).toHaveLength(2);
    const mail = mails[0];
    expect(mail.subject).toContain('Bavard a commenté');
    expect(mail.text).toContain(proposal.title);
    expect(mail.html).toContain(`/propositions/${proposal.id}`);
    expect(mail.text).toMatch(/\/api\/email\/unsubscribe\?token=/);
    expect(JSON.stringify(mail.headers).toLowerCase()).toContain('list-unsubscribe');
    // No one else's address: not the commenter's.
    const everything = `${mail.subject}\n${mail.text}\n${mail.html}\n${JSON.stringify(mail.headers)}`;
    expect(everything).not.toContain(commenter.email);
    expect(mailsTo(commenter)).toEqual([]);
    const rows = await notificationsOf(author.id);
    expect(rows.every((row) => row.emailedAt !== null)).toBe(true);
  });

  it('groups the day’s DAILY_DIGEST notifications by kind in one e-mail', async () => {
    const author = await verifiedUser('Résumée');
    const other = await verifiedUser('Voisine');
    const proposal = await proposalOf(author);
    const parentId = await comment(author, proposal.id);
    await comment(other, proposal.id, parentId); // COMMENT_REPLY
    await comment(other, proposal.id); // PROPOSAL_COMMENTED
    await factoryPrisma().notification.create({
      data: {
        userId: author.id,
        kind: 'PROPOSAL_STATUS_CHANGED',
        payload: { proposalId: proposal.id, title: proposal.title, status: 'RETAINED' },
      },
    });

    // The immediate run leaves digest notifications alone.
    await job.runImmediate(soon());
    expect(await job.runDigest(soon())).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(() => mailsTo(author).length >= 1);
    expect(await job.runDigest(soon())).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mails = mailsTo(author);
    expect(mails).toHaveLength(1);
    const digest = mails[0];
    expect(digest.subject).toBe('Passerelle : 3 notifications');
    expect(digest.text).toContain('Réponses à vos commentaires');
    expect(digest.text).toContain('Nouveaux commentaires');
    expect(digest.text).toContain('Changements de statut');
    expect(digest.text).toContain('est désormais reprise dans une contribution');
    expect(digest.text.indexOf('Réponses à vos commentaires')).toBeLessThan(
      digest.text.indexOf('Nouveaux commentaires'),
    );
    expect(digest.text).toContain('Ne plus recevoir aucun e-mail de notification');
    expect(`${digest.text}${digest.html}`).not.toContain(other.email);
  });

  it('sends nothing for NONE, nor to an unverified address', async () => {
    const silent = await verifiedUser('Silencieuse');
    const unverified = await verifiedUser('Non vérifié', false);
    const commenter = await verifiedUser('Causeur');
    await setPreferences(silent, [{ kind: 'PROPOSAL_COMMENTED', frequency: 'NONE' }]);
    await setPreferences(unverified, [{ kind: 'PROPOSAL_COMMENTED', frequency: 'IMMEDIATE' }]);
    const first = await proposalOf(silent);
    const second = await proposalOf(unverified);
    await comment(commenter, first.id);
    await comment(commenter, second.id);

    await job.runImmediate(soon());
    await job.runDigest(soon());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(silent)).toEqual([]);
    expect(mailsTo(unverified)).toEqual([]);
    // Still in the app, and never claimed.
    expect((await notificationsOf(silent.id)).map((n) => n.emailedAt)).toEqual([null]);
    expect((await notificationsOf(unverified.id)).map((n) => n.emailedAt)).toEqual([null]);
  });

  it('follows a preference change: from the digest to immediate', async () => {
    const author = await verifiedUser('Changeante');
    const commenter = await verifiedUser('Passant');
    const proposal = await proposalOf(author);
    await comment(commenter, proposal.id);
    await job.runImmediate(soon());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(author)).toEqual([]);

    await setPreferences(author, [{ kind: 'PROPOSAL_COMMENTED', frequency: 'IMMEDIATE' }]);
    await job.runImmediate(soon());
    await smtp.waitFor(() => mailsTo(author).length >= 1);
    expect(mailsTo(author)).toHaveLength(1);
  });
});

describe('unsubscribe link', () => {
  it('sets NONE for the e-mail’s kind from the link of a received e-mail', async () => {
    const author = await verifiedUser('Désabonnée');
    const commenter = await verifiedUser('Insistant');
    await setPreferences(author, [{ kind: 'PROPOSAL_COMMENTED', frequency: 'IMMEDIATE' }]);
    const proposal = await proposalOf(author);
    await comment(commenter, proposal.id);
    await job.runImmediate(soon());
    await smtp.waitFor(() => mailsTo(author).length >= 1);
    const mail = mailsTo(author)[0];
    const headers = JSON.stringify(mail.headers);
    expect(headers).toContain('/api/email/unsubscribe?token=');

    const page = await api.http.get(unsubscribePath(mail));
    expect(page.status).toBe(200);
    expect(page.text).toContain('vous ne recevrez plus d’e-mail pour ce type de notification');
    const english = await api.http.get(unsubscribePath(mail)).set('Accept-Language', 'en-GB');
    expect(english.text).toContain('you will no longer receive e-mails for this kind');

    const token = await api.tokenFor(author);
    const preferences = dataOf(
      await api.gql<{ myNotificationPreferences: Preference[] }>(PREFERENCES, {}, { token }),
    ).myNotificationPreferences;
    expect(preferences.find((p) => p.kind === 'PROPOSAL_COMMENTED')?.frequency).toBe('NONE');
    expect(preferences.find((p) => p.kind === 'COMMENT_REPLY')?.frequency).toBe('DAILY_DIGEST');

    await comment(commenter, proposal.id);
    await job.runImmediate(soon());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(author)).toHaveLength(1);
  });

  it('sets NONE for every kind from a digest’s link', async () => {
    const user = await verifiedUser('Plus rien');
    const path = `/api/email/unsubscribe?token=${encodeURIComponent(
      signUnsubscribeToken(api.config.jwtSecret, { userId: user.id, scope: 'all' }),
    )}`;
    const page = await api.http.get(path);
    expect(page.status).toBe(200);
    const rows = await factoryPrisma().notificationPreference.findMany({
      where: { userId: user.id },
    });
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(new Set(rows.map((row) => row.frequency))).toEqual(new Set(['NONE']));
  });

  it('answers the one-click POST of mail clients (List-Unsubscribe-Post)', async () => {
    const user = await verifiedUser('Un clic');
    const token = signUnsubscribeToken(api.config.jwtSecret, {
      userId: user.id,
      scope: 'COMMENT_REPLY',
    });
    const response = await api.http
      .post(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(response.status).toBe(200);
    const rows = await factoryPrisma().notificationPreference.findMany({
      where: { userId: user.id },
    });
    expect(rows.map((row) => [row.kind, row.frequency])).toEqual([['COMMENT_REPLY', 'NONE']]);
  });

  it('refuses a forged or malformed token with 400 and changes nothing', async () => {
    const victim = await verifiedUser('Victime');
    const forged = signUnsubscribeToken('not-the-server-secret-but-long-enough-123', {
      userId: victim.id,
      scope: 'all',
    });
    for (const token of [forged, `${victim.id}.all.AAAA`, 'nimporte-quoi', '']) {
      const response = await api.http.get(
        `/api/email/unsubscribe?token=${encodeURIComponent(token)}`,
      );
      expect(response.status).toBe(400);
      expect(response.text).toContain('Ce lien de désinscription n’est pas valide');
    }
    const missing = await api.http.get('/api/email/unsubscribe').set('Accept-Language', 'en');
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('This unsubscribe link is not valid');
    expect(
      await factoryPrisma().notificationPreference.count({ where: { userId: victim.id } }),
    ).toBe(0);
  });
});

describe('e-mail schedules', () => {
  it('registers the two cron queues in pg-boss, in Paris time, when jobs run', async () => {
    const withJobs = await startTestApp({ SMTP_URL: smtp.url, JOBS_ENABLED: 'true' });
    try {
      type Row = { name: string; cron: string; timezone: string };
      let rows: Row[] = [];
      for (let attempt = 0; attempt < 60 && rows.length < 2; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        rows = await factoryPrisma()
          .$queryRawUnsafe<Row[]>(
            `SELECT name, cron, timezone FROM pgboss.schedule WHERE name IN ($1, $2) ORDER BY name`,
            DIGEST_EMAILS_QUEUE,
            IMMEDIATE_EMAILS_QUEUE,
          )
          .catch(() => []);
      }
      expect(rows).toEqual([
        { name: DIGEST_EMAILS_QUEUE, cron: DIGEST_EMAILS_CRON, timezone: 'Europe/Paris' },
        { name: IMMEDIATE_EMAILS_QUEUE, cron: IMMEDIATE_EMAILS_CRON, timezone: 'Europe/Paris' },
      ]);
    } finally {
      await withJobs.close();
    }
  });
});
