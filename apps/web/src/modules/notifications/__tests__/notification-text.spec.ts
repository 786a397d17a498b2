import type { NotificationNode } from '../../../shared/graphql/schema-types';
import { createI18n } from '../../../app/i18n/i18n';
import { describeNotification } from '../notification-text';

const proposalId = '00000000-0000-4000-8000-000000000001';
const clusterId = '00000000-0000-4000-8000-0000000000c1';
const notice = (change: Partial<NotificationNode>): NotificationNode => ({
  __typename: 'Notification',
  id: 'n1',
  kind: 'CONTENT_HIDDEN',
  createdAt: '2026-11-25T10:00:00.000Z',
  readAt: null,
  isRead: false,
  reason: null,
  proposal: { __typename: 'Proposal', id: proposalId, title: 'Une recyclerie par quartier' },
  commentId: null,
  clusterId: null,
  title: 'Une recyclerie par quartier',
  suspendedUntil: null,
  briefTitle: null,
  sectionTitle: null,
  authorName: null,
  excerpt: null,
  status: null,
  ...change,
});

const describeIn = (language: 'fr' | 'en', notification: NotificationNode) =>
  describeNotification(notification, createI18n(language).t, language);

describe('describeNotification', () => {
  it.each<[string, Partial<NotificationNode>, string]>([
    [
      'a hidden proposal',
      { kind: 'CONTENT_HIDDEN' },
      'Votre proposition « Une recyclerie par quartier » a été masquée par la modération.',
    ],
    [
      'a hidden comment',
      { kind: 'CONTENT_HIDDEN', commentId: 'c1' },
      'Votre commentaire a été masqué par la modération.',
    ],
    [
      'a restored proposal',
      { kind: 'CONTENT_RESTORED' },
      'Votre proposition « Une recyclerie par quartier » est de nouveau visible.',
    ],
    [
      'an approved proposal',
      { kind: 'CONTENT_APPROVED' },
      'Votre proposition « Une recyclerie par quartier » a été validée par la modération : elle est publiée.',
    ],
    [
      'a rejected comment',
      { kind: 'CONTENT_REJECTED', commentId: 'c1' },
      'Votre commentaire n’a pas été validé par la modération : il reste masqué.',
    ],
    [
      'a suspension with an end',
      { kind: 'ACCOUNT_SUSPENDED', proposal: null, suspendedUntil: '2026-12-24T12:00:00.000Z' },
      'Votre compte est suspendu jusqu’au 24 décembre 2026.',
    ],
    [
      'a suspension until reinstated',
      { kind: 'ACCOUNT_SUSPENDED', proposal: null },
      'Votre compte est suspendu jusqu’à nouvel ordre.',
    ],
    [
      'a reinstatement',
      { kind: 'ACCOUNT_REINSTATED', proposal: null },
      'Votre compte est rétabli : vous pouvez de nouveau participer.',
    ],
    [
      'an official answer',
      { kind: 'PROPOSAL_ANSWERED' },
      'Votre proposition « Une recyclerie par quartier » a reçu une réponse officielle.',
    ],
    [
      'a merge',
      { kind: 'PROPOSAL_MERGED', clusterId },
      'La proposition « Une recyclerie par quartier », que vous avez déposée ou soutenue, a été regroupée avec des propositions similaires.',
    ],
    [
      'an undone merge',
      { kind: 'PROPOSAL_UNMERGED' },
      'La proposition « Une recyclerie par quartier » n’est plus regroupée : elle retrouve son statut précédent.',
    ],
    [
      'a citation in a brief',
      {
        kind: 'PROPOSAL_CITED',
        briefTitle: 'Vers une économie circulaire',
        sectionTitle: 'Réemploi',
      },
      'Votre proposition « Une recyclerie par quartier » est citée dans la section « Réemploi » de la contribution « Vers une économie circulaire ».',
    ],
  ])('says in French what happened for %s', (_, change, sentence) => {
    expect(describeIn('fr', notice(change)).sentence).toBe(sentence);
  });

  it('quotes the moderator’s reason, or the answer’s excerpt for an official answer', () => {
    expect(describeIn('fr', notice({ reason: 'Propos injurieux.' })).detail).toBe(
      'Motif indiqué par la modération : « Propos injurieux. »',
    );
    expect(
      describeIn('fr', notice({ kind: 'PROPOSAL_ANSWERED', reason: 'Le comité la retient.' }))
        .detail,
    ).toBe('Extrait de la réponse : « Le comité la retient. »');
    expect(describeIn('fr', notice({ reason: null })).detail).toBeNull();
  });

  it('links a merge to its cluster and other notices to the proposal when it is visible', () => {
    expect(describeIn('fr', notice({ kind: 'PROPOSAL_MERGED', clusterId })).link).toEqual({
      to: `/regroupements/${clusterId}`,
      label: 'Voir le regroupement',
    });
    expect(describeIn('fr', notice({ kind: 'CONTENT_RESTORED' })).link).toEqual({
      to: `/propositions/${proposalId}`,
      label: 'Voir la proposition',
    });
    expect(describeIn('fr', notice({ kind: 'CONTENT_HIDDEN', proposal: null })).link).toBeNull();
  });

  it('links a citation in a brief to the proposal, in English too', () => {
    const cited = notice({
      kind: 'PROPOSAL_CITED',
      briefTitle: 'Towards a circular economy',
      sectionTitle: 'Reuse',
    });
    expect(describeIn('fr', cited).link).toEqual({
      to: `/propositions/${proposalId}`,
      label: 'Voir la proposition',
    });
    expect(describeIn('en', cited).sentence).toBe(
      'Your proposal “Une recyclerie par quartier” is cited in the section “Reuse” of the contribution “Towards a circular economy”.',
    );
  });

  it('falls back on the proposal’s current title, then on “sans titre”', () => {
    expect(describeIn('fr', notice({ title: null })).sentence).toContain(
      '« Une recyclerie par quartier »',
    );
    expect(describeIn('fr', notice({ title: null, proposal: null })).sentence).toContain(
      '« sans titre »',
    );
  });

  it('speaks English too', () => {
    const text = describeIn(
      'en',
      notice({ kind: 'CONTENT_HIDDEN', reason: 'Off topic.', clusterId: null }),
    );
    expect(text.sentence).toBe(
      'Your proposal “Une recyclerie par quartier” was hidden by the moderators.',
    );
    expect(text.detail).toBe('Reason given by the moderators: “Off topic.”');
    expect(text.link?.label).toBe('See the proposal');
    expect(
      describeIn(
        'en',
        notice({
          kind: 'ACCOUNT_SUSPENDED',
          proposal: null,
          suspendedUntil: '2026-12-24T12:00:00Z',
        }),
      ).sentence,
    ).toBe('Your account is suspended until 24 December 2026.');
  });

  it.each<[string, Partial<NotificationNode>, string, string]>([
    [
      'a reply to my comment',
      { kind: 'COMMENT_REPLY', commentId: 'c9', authorName: 'Aïcha' },
      'Aïcha a répondu à votre commentaire sur « Une recyclerie par quartier ».',
      'Aïcha replied to your comment on “Une recyclerie par quartier”.',
    ],
    [
      'a comment on a proposal I follow',
      { kind: 'PROPOSAL_COMMENTED', commentId: 'c9', authorName: 'Jo' },
      'Jo a commenté la proposition « Une recyclerie par quartier ».',
      'Jo commented on the proposal “Une recyclerie par quartier”.',
    ],
    [
      'a comment whose author is unknown',
      { kind: 'PROPOSAL_COMMENTED', commentId: 'c9', authorName: null },
      'Quelqu’un a commenté la proposition « Une recyclerie par quartier ».',
      'Someone commented on the proposal “Une recyclerie par quartier”.',
    ],
    [
      'a status change',
      { kind: 'PROPOSAL_STATUS_CHANGED', status: 'RETAINED' },
      'Votre proposition « Une recyclerie par quartier » a changé de statut : Reprise dans une contribution.',
      'Your proposal “Une recyclerie par quartier” changed status: Used in a contribution.',
    ],
    [
      'a status change without its status',
      { kind: 'PROPOSAL_STATUS_CHANGED', status: null },
      'Votre proposition « Une recyclerie par quartier » a changé de statut : modifié.',
      'Your proposal “Une recyclerie par quartier” changed status: changed.',
    ],
  ])('says what happened for %s (new kinds, French and English)', (_, change, fr, en) => {
    expect(describeIn('fr', notice(change)).sentence).toBe(fr);
    expect(describeIn('en', notice(change)).sentence).toBe(en);
  });

  it('quotes the comment and links to it for comment notices', () => {
    const reply = notice({
      kind: 'COMMENT_REPLY',
      commentId: 'c9',
      authorName: 'Aïcha',
      excerpt: 'Bonne idée, et les ateliers ?',
    });
    expect(describeIn('fr', reply).detail).toBe('« Bonne idée, et les ateliers ? »');
    expect(describeIn('fr', reply).link).toEqual({
      to: `/propositions/${proposalId}#commentaire-c9`,
      label: 'Voir le commentaire',
    });
    expect(describeIn('en', reply).link?.label).toBe('See the comment');
    expect(describeIn('fr', notice({ ...reply, proposal: null })).link).toBeNull();
  });

  it('gives the details of a status change, and links to the proposal', () => {
    const change = notice({
      kind: 'PROPOSAL_STATUS_CHANGED',
      status: 'RETAINED',
      reason: 'Retenue dans la contribution « Réemploi », section 1',
    });
    expect(describeIn('fr', change).detail).toBe(
      'Précision : « Retenue dans la contribution « Réemploi », section 1 »',
    );
    expect(describeIn('fr', change).link).toEqual({
      to: `/propositions/${proposalId}`,
      label: 'Voir la proposition',
    });
  });
});

describe('describeNotification for amendments and co-authoring', () => {
  const amendmentId = '00000000-0000-4000-8000-0000000000a1';

  it.each<[string, Partial<NotificationNode>, string, string]>([
    [
      'a proposed amendment',
      { kind: 'AMENDMENT_PROPOSED', authorName: 'Aïcha', amendmentId },
      'Aïcha propose un amendement à votre proposition « Une recyclerie par quartier ».',
      'Aïcha proposes an amendment to your proposal “Une recyclerie par quartier”.',
    ],
    [
      'votes with their counts',
      { kind: 'AMENDMENT_VOTED', votesFor: 3, votesAgainst: 1 },
      'Nouveaux votes sur un amendement à la proposition « Une recyclerie par quartier » : 3 pour, 1 contre.',
      'New votes on an amendment to the proposal “Une recyclerie par quartier”: 3 for, 1 against.',
    ],
    [
      'votes without counts',
      { kind: 'AMENDMENT_VOTED' },
      'Nouveaux votes sur un amendement à la proposition « Une recyclerie par quartier ».',
      'New votes on an amendment to the proposal “Une recyclerie par quartier”.',
    ],
    [
      'an accepted amendment',
      { kind: 'AMENDMENT_DECIDED', decision: 'ACCEPTED' },
      'Votre amendement à la proposition « Une recyclerie par quartier » a été accepté : il en forme la nouvelle version.',
      'Your amendment to the proposal “Une recyclerie par quartier” was accepted: it makes its new version.',
    ],
    [
      'a rejected amendment',
      { kind: 'AMENDMENT_DECIDED', decision: 'REJECTED' },
      'Votre amendement à la proposition « Une recyclerie par quartier » a été rejeté.',
      'Your amendment to the proposal “Une recyclerie par quartier” was rejected.',
    ],
    [
      'a decision the notice does not detail',
      { kind: 'AMENDMENT_DECIDED' },
      'Une décision a été prise sur votre amendement à la proposition « Une recyclerie par quartier ».',
      'A decision was made on your amendment to the proposal “Une recyclerie par quartier”.',
    ],
    [
      'an invitation to co-author',
      { kind: 'COAUTHOR_INVITED', authorName: 'Jo' },
      'Jo vous invite à co-écrire la proposition « Une recyclerie par quartier ».',
      'Jo invites you to co-author the proposal “Une recyclerie par quartier”.',
    ],
    [
      'an accepted invitation',
      { kind: 'COAUTHOR_ANSWERED', authorName: 'Jo', accepted: true },
      'Jo a accepté de co-écrire votre proposition « Une recyclerie par quartier ».',
      'Jo agreed to co-author your proposal “Une recyclerie par quartier”.',
    ],
    [
      'a declined invitation',
      { kind: 'COAUTHOR_ANSWERED', authorName: 'Jo', accepted: false },
      'Jo a décliné votre invitation à co-écrire « Une recyclerie par quartier ».',
      'Jo declined your invitation to co-author “Une recyclerie par quartier”.',
    ],
  ])('says what happened for %s, in French and English', (_, change, french, english) => {
    expect(describeIn('fr', notice(change)).sentence).toBe(french);
    expect(describeIn('en', notice(change)).sentence).toBe(english);
  });

  it.each<[string, Partial<NotificationNode>, string, string]>([
    [
      'a hidden amendment',
      { kind: 'CONTENT_HIDDEN', amendmentId },
      'Votre amendement à la proposition « Une recyclerie par quartier » a été masqué par la modération.',
      'Your amendment to the proposal “Une recyclerie par quartier” was hidden by the moderators.',
    ],
    [
      'a restored amendment',
      { kind: 'CONTENT_RESTORED', amendmentId },
      'Votre amendement à la proposition « Une recyclerie par quartier » a été rétabli : il est de nouveau visible.',
      'Your amendment to the proposal “Une recyclerie par quartier” was restored: it is visible again.',
    ],
    [
      'an approved amendment',
      { kind: 'CONTENT_APPROVED', amendmentId },
      'Votre amendement à la proposition « Une recyclerie par quartier » a été validé par la modération : il est publié.',
      'Your amendment to the proposal “Une recyclerie par quartier” was approved by the moderators: it is now published.',
    ],
    [
      'a rejected amendment held for review',
      { kind: 'CONTENT_REJECTED', amendmentId },
      'Votre amendement à la proposition « Une recyclerie par quartier » n’a pas été validé par la modération : il reste masqué.',
      'Your amendment to the proposal “Une recyclerie par quartier” was not approved by the moderators: it stays hidden.',
    ],
  ])('says what the moderation did for %s, in French and English', (_, change, french, english) => {
    expect(describeIn('fr', notice(change)).sentence).toBe(french);
    expect(describeIn('en', notice(change)).sentence).toBe(english);
  });

  it('quotes the moderator’s reason on a hidden amendment and links to the amendment', () => {
    const hidden = notice({ kind: 'CONTENT_HIDDEN', amendmentId, reason: 'Publicité.' });
    expect(describeIn('fr', hidden).detail).toBe(
      'Motif indiqué par la modération : « Publicité. »',
    );
    expect(describeIn('fr', hidden).link).toEqual({
      to: `/propositions/${proposalId}#amendement-${amendmentId}`,
      label: 'Voir l’amendement',
    });
    // Still about the proposal when the notice names no amendment.
    expect(describeIn('fr', notice({ kind: 'CONTENT_HIDDEN', amendmentId: null })).sentence).toBe(
      'Votre proposition « Une recyclerie par quartier » a été masquée par la modération.',
    );
  });

  it('quotes the decision’s reason as the decider’s, not the moderation’s', () => {
    const decided = notice({
      kind: 'AMENDMENT_DECIDED',
      decision: 'REJECTED',
      reason: 'Hors du périmètre de la commune.',
    });
    expect(describeIn('fr', decided).detail).toBe(
      'Motif de la décision : « Hors du périmètre de la commune. »',
    );
  });

  it('links an amendment notice to the amendment on the proposal page', () => {
    expect(describeIn('fr', notice({ kind: 'AMENDMENT_PROPOSED', amendmentId })).link).toEqual({
      to: `/propositions/${proposalId}#amendement-${amendmentId}`,
      label: 'Voir l’amendement',
    });
    expect(describeIn('fr', notice({ kind: 'COAUTHOR_INVITED' })).link).toEqual({
      to: `/propositions/${proposalId}`,
      label: 'Voir la proposition',
    });
  });
});
