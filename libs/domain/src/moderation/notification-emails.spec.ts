import { validateInput } from '../shared/validation';
import {
  commentRecipients,
  DEFAULT_EMAIL_FREQUENCY,
  type EmailNotification,
  escapeHtml,
  groupByKind,
  NOTIFICATION_KINDS,
  notificationLink,
  notificationPreferencesInputSchema,
  notificationSentence,
  renderDigestEmail,
  renderNotificationEmail,
  resolveNotificationPreferences,
} from './notification-emails';
import { NotificationKind } from './notifications';

const links = { baseUrl: 'https://p.example', unsubscribeUrl: 'https://p.example/api/u?token=x&y' };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 6, minute));
const note = (
  kind: NotificationKind,
  payload: EmailNotification['payload'] = {},
  minute = 0,
): EmailNotification => ({ kind, payload, createdAt: at(minute) });

describe('notification preferences', () => {
  it('lists every kind, the three new ones included, with the daily digest by default', () => {
    expect(NOTIFICATION_KINDS).toEqual(expect.arrayContaining(Object.values(NotificationKind)));
    expect(NOTIFICATION_KINDS).toContain('COMMENT_REPLY');
    expect(NOTIFICATION_KINDS).toContain('PROPOSAL_COMMENTED');
    expect(NOTIFICATION_KINDS).toContain('PROPOSAL_STATUS_CHANGED');
    expect(DEFAULT_EMAIL_FREQUENCY).toBe('DAILY_DIGEST');
  });

  it('fills the kinds without a stored choice with the default', () => {
    const resolved = resolveNotificationPreferences([
      { kind: 'COMMENT_REPLY', frequency: 'IMMEDIATE' },
    ]);
    expect(resolved).toHaveLength(NOTIFICATION_KINDS.length);
    expect(resolved.find((p) => p.kind === 'COMMENT_REPLY')?.frequency).toBe('IMMEDIATE');
    expect(resolved.find((p) => p.kind === 'PROPOSAL_CITED')?.frequency).toBe('DAILY_DIGEST');
  });

  it('accepts known kinds and frequencies', () => {
    const input = { preferences: [{ kind: 'PROPOSAL_COMMENTED', frequency: 'NONE' }] };
    expect(validateInput(notificationPreferencesInputSchema, input)).toEqual(input);
  });

  it.each([
    ['an unknown kind', [{ kind: 'SOMETHING', frequency: 'NONE' }], 'preferences.0.kind'],
    [
      'an unknown frequency',
      [{ kind: 'COMMENT_REPLY', frequency: 'WEEKLY' }],
      'preferences.0.frequency',
    ],
    [
      'a repeated kind',
      [
        { kind: 'COMMENT_REPLY', frequency: 'NONE' },
        { kind: 'COMMENT_REPLY', frequency: 'IMMEDIATE' },
      ],
      'preferences.1.kind',
    ],
  ])('refuses %s', (_name, preferences, field) => {
    expect(() => validateInput(notificationPreferencesInputSchema, { preferences })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        fields: expect.arrayContaining([expect.objectContaining({ field })]),
      }),
    );
  });
});

describe('commentRecipients', () => {
  it('tells the author and the followers once each, never the commenter', () => {
    expect(
      commentRecipients({
        commenterId: 'c',
        proposalAuthorId: 'a',
        followerIds: ['f1', 'a', 'c', 'f1', 'f2'],
        parentAuthorId: null,
      }),
    ).toEqual([
      { userId: 'a', kind: 'PROPOSAL_COMMENTED' },
      { userId: 'f1', kind: 'PROPOSAL_COMMENTED' },
      { userId: 'f2', kind: 'PROPOSAL_COMMENTED' },
    ]);
  });

  it('tells the parent comment’s author of the reply only, even when they follow', () => {
    expect(
      commentRecipients({
        commenterId: 'c',
        proposalAuthorId: 'a',
        followerIds: ['p', 'f'],
        parentAuthorId: 'p',
      }),
    ).toEqual([
      { userId: 'p', kind: 'COMMENT_REPLY' },
      { userId: 'a', kind: 'PROPOSAL_COMMENTED' },
      { userId: 'f', kind: 'PROPOSAL_COMMENTED' },
    ]);
    expect(
      commentRecipients({
        commenterId: 'c',
        proposalAuthorId: 'a',
        followerIds: [],
        parentAuthorId: 'a',
      }),
    ).toEqual([{ userId: 'a', kind: 'COMMENT_REPLY' }]);
  });

  it('tells nobody when the commenter replies to themselves on their own proposal', () => {
    expect(
      commentRecipients({
        commenterId: 'c',
        proposalAuthorId: 'c',
        followerIds: ['c'],
        parentAuthorId: 'c',
      }),
    ).toEqual([]);
  });
});

describe('e-mail texts', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it.each(['fr', 'en'] as const)('has a sentence for every kind and target (%s)', (lang) => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const payload of [{ title: 'T', commentId: 'c1', briefTitle: 'B' }, {}]) {
        const sentence = notificationSentence(note(kind, payload), lang);
        expect(sentence.length).toBeGreaterThan(5);
      }
    }
    expect(notificationSentence(note('CONTENT_HIDDEN', { title: 'T' }), lang)).not.toBe(
      notificationSentence(note('CONTENT_HIDDEN', { title: 'T', commentId: 'c' }), lang),
    );
  });

  it('tells the author of a hidden or restored amendment it is theirs', () => {
    const amendment = { title: 'Monnaie locale', amendmentId: 'a1' };
    expect(notificationSentence(note('CONTENT_HIDDEN', amendment), 'fr')).toBe(
      'Votre amendement à « Monnaie locale » a été masqué.',
    );
    expect(notificationSentence(note('CONTENT_RESTORED', amendment), 'fr')).toBe(
      'Votre amendement à « Monnaie locale » est rétabli.',
    );
    expect(notificationSentence(note('CONTENT_HIDDEN', amendment), 'en')).toBe(
      'Your amendment to “Monnaie locale” was hidden.',
    );
    expect(notificationSentence(note('CONTENT_RESTORED', amendment), 'en')).toBe(
      'Your amendment to “Monnaie locale” was restored.',
    );
  });

  it('names the commenter and the new status', () => {
    expect(
      notificationSentence(note('COMMENT_REPLY', { title: 'Vélos', authorName: 'Aïcha' }), 'fr'),
    ).toBe('Aïcha a répondu à votre commentaire sur « Vélos ».');
    expect(
      notificationSentence(note('PROPOSAL_COMMENTED', { title: 'Bikes', authorName: 'Ann' }), 'en'),
    ).toBe('Ann commented on “Bikes”.');
    expect(
      notificationSentence(
        note('PROPOSAL_STATUS_CHANGED', { title: 'Vélos', status: 'RETAINED' }),
        'fr',
      ),
    ).toBe('Votre proposition « Vélos » est désormais reprise dans une contribution.');
    expect(
      notificationSentence(note('PROPOSAL_STATUS_CHANGED', { title: 'X', status: 'ODD' }), 'en'),
    ).toBe('Your proposal “X” is now ODD.');
  });

  it('tells of amendments and co-authoring, in French and English', () => {
    const fr = (kind: NotificationKind, payload: EmailNotification['payload']) =>
      notificationSentence(note(kind, payload), 'fr');
    const en = (kind: NotificationKind, payload: EmailNotification['payload']) =>
      notificationSentence(note(kind, payload), 'en');
    expect(fr('AMENDMENT_PROPOSED', { title: 'Vélos', authorName: 'Aïcha' })).toBe(
      'Aïcha propose un amendement à la proposition « Vélos ».',
    );
    expect(en('AMENDMENT_PROPOSED', { title: 'Bikes' })).toBe(
      'Someone proposes an amendment to the proposal “Bikes”.',
    );
    expect(fr('AMENDMENT_VOTED', { title: 'Vélos', votesFor: 3, votesAgainst: 1 })).toBe(
      'Un amendement à « Vélos » compte désormais 3 pour et 1 contre.',
    );
    expect(en('AMENDMENT_VOTED', { title: 'Bikes' })).toBe(
      'An amendment to “Bikes” now has 0 for and 0 against.',
    );
    expect(fr('AMENDMENT_DECIDED', { title: 'Vélos', decision: 'ACCEPTED' })).toBe(
      'Votre amendement à « Vélos » a été accepté.',
    );
    expect(fr('AMENDMENT_DECIDED', { title: 'Vélos', decision: 'REJECTED' })).toBe(
      'Votre amendement à « Vélos » a été rejeté.',
    );
    expect(en('AMENDMENT_DECIDED', { title: 'Bikes', decision: 'ACCEPTED' })).toBe(
      'Your amendment to “Bikes” was accepted.',
    );
    expect(en('AMENDMENT_DECIDED', { title: 'Bikes', decision: 'REJECTED' })).toBe(
      'Your amendment to “Bikes” was rejected.',
    );
    expect(fr('COAUTHOR_INVITED', { title: 'Vélos', authorName: 'Léa' })).toBe(
      'Léa vous invite à co-écrire la proposition « Vélos ».',
    );
    expect(en('COAUTHOR_INVITED', { title: 'Bikes', authorName: 'Lea' })).toBe(
      'Lea invites you to co-author the proposal “Bikes”.',
    );
    expect(fr('COAUTHOR_ANSWERED', { title: 'Vélos', authorName: 'Léa', accepted: true })).toBe(
      'Léa a accepté de co-écrire « Vélos ».',
    );
    expect(fr('COAUTHOR_ANSWERED', { title: 'Vélos', accepted: false })).toBe(
      'La personne invitée a décliné votre invitation à co-écrire « Vélos ».',
    );
    expect(en('COAUTHOR_ANSWERED', { title: 'Bikes', authorName: 'Lea', accepted: true })).toBe(
      'Lea agreed to co-author “Bikes”.',
    );
    expect(en('COAUTHOR_ANSWERED', { title: 'Bikes', accepted: false })).toBe(
      'The invitee declined your invitation to co-author “Bikes”.',
    );
    expect(fr('COAUTHOR_INVITED', { proposalTitle: 'Vélos', actorName: 'Léa' })).toBe(
      'Léa vous invite à co-écrire la proposition « Vélos ».',
    );
    const digest = renderDigestEmail(
      [note('AMENDMENT_DECIDED', { title: 'Vélos', decision: 'ACCEPTED' })],
      'fr',
      links,
    );
    expect(digest.html).toContain('<h2>Décisions sur vos amendements</h2>');
  });

  it('links to the cluster, the comment, the proposal or the notifications list', () => {
    const base = links.baseUrl;
    expect(
      notificationLink(note('PROPOSAL_MERGED', { clusterId: 'k', proposalId: 'p' }), base),
    ).toBe(`${base}/regroupements/k`);
    expect(notificationLink(note('PROPOSAL_MERGED', { proposalId: 'p' }), base)).toBe(
      `${base}/propositions/p`,
    );
    expect(notificationLink(note('COMMENT_REPLY', { proposalId: 'p', commentId: 'c' }), base)).toBe(
      `${base}/propositions/p#commentaire-c`,
    );
    expect(
      notificationLink(note('AMENDMENT_VOTED', { proposalId: 'p', amendmentId: 'a' }), base),
    ).toBe(`${base}/propositions/p#amendement-a`);
    expect(notificationLink(note('ACCOUNT_SUSPENDED'), base)).toBe(`${base}/notifications`);
  });

  it('writes one immediate e-mail, escaped, with the excerpt and the unsubscribe link', () => {
    const email = renderNotificationEmail(
      note('PROPOSAL_COMMENTED', {
        title: '<b>Vélos</b>',
        proposalId: 'p1',
        commentId: 'c1',
        authorName: 'Jo & co',
        excerpt: 'Bonne idée <script>',
      }),
      'fr',
      links,
    );
    expect(email.subject).toBe('Passerelle : Jo & co a commenté « <b>Vélos</b> ».');
    expect(email.text).toContain('« Bonne idée <script> »');
    expect(email.text).toContain(`Ne plus recevoir ces e-mails : ${links.unsubscribeUrl}`);
    expect(email.html).toContain('Jo &amp; co a commenté « &lt;b&gt;Vélos&lt;/b&gt; ».');
    expect(email.html).toContain('<blockquote>Bonne idée &lt;script&gt;</blockquote>');
    expect(email.html).toContain('href="https://p.example/api/u?token=x&amp;y"');
    expect(email.html).not.toContain('<script>');
    const english = renderNotificationEmail(
      note('PROPOSAL_ANSWERED', { title: 'Bikes', reason: 'Yes' }),
      'en',
      links,
    );
    expect(english.subject).toBe('Passerelle: Your proposal “Bikes” received an official answer.');
    expect(english.text).toContain('“Yes”');
    expect(english.text).toContain('Stop these e-mails: ');
    const bare = renderNotificationEmail(note('ACCOUNT_REINSTATED'), 'fr', links);
    expect(bare.html).not.toContain('<blockquote>');
  });

  it('groups the digest by kind, in the usual kind order, oldest first', () => {
    const items = [
      note('PROPOSAL_COMMENTED', { title: 'B', authorName: 'X' }, 5),
      note('COMMENT_REPLY', { title: 'A', authorName: 'Y' }, 3),
      note('PROPOSAL_COMMENTED', { title: 'A', authorName: 'Z' }, 1),
    ];
    const groups = groupByKind(items);
    expect(groups.map((g) => g.kind)).toEqual(['COMMENT_REPLY', 'PROPOSAL_COMMENTED']);
    expect(groups[1].items.map((i) => i.createdAt.getUTCMinutes())).toEqual([1, 5]);
    const digest = renderDigestEmail(items, 'fr', links);
    expect(digest.subject).toBe('Passerelle : 3 notifications');
    expect(digest.text.indexOf('Réponses à vos commentaires')).toBeLessThan(
      digest.text.indexOf('Nouveaux commentaires'),
    );
    expect(digest.text.indexOf('Z a commenté')).toBeLessThan(digest.text.indexOf('X a commenté'));
    expect(digest.html).toContain('<h2>Nouveaux commentaires</h2>');
    expect(digest.text).toContain('Ne plus recevoir aucun e-mail de notification');
    const one = renderDigestEmail([items[0]], 'en', links);
    expect(one.subject).toBe('Passerelle: 1 notification');
    expect(one.html).toContain('<h2>New comments</h2>');
    expect(renderDigestEmail([items[0], items[1]], 'en', links).subject).toBe(
      'Passerelle: 2 notifications',
    );
    expect(renderDigestEmail([items[0]], 'fr', links).subject).toBe('Passerelle : 1 notification');
  });
});
