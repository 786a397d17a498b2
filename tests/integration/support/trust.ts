import { createConsultation, factoryPrisma, referenceThemes, TERRITORIES } from '../../factories';

// GraphQL operations and fixtures of the trust specs (suspension, pre-moderation, notifications).
const MODERATION_USER_FIELDS = `id displayName actorType role createdAt suspendedUntil isSuspended
  suspensionReason history { proposalsCount commentsCount hiddenContentCount reportsAgainstCount
  suspensionsCount memberSince }`;

export const SUSPEND = `mutation Suspend($input: SuspendUserInput!) {
  suspendUser(input: $input) { ${MODERATION_USER_FIELDS} }
}`;
export const REINSTATE = `mutation Reinstate($input: ReinstateUserInput!) {
  reinstateUser(input: $input) { ${MODERATION_USER_FIELDS} }
}`;
export const ME_SUSPENSION = `query Me { me { id isSuspended suspendedUntil suspensionReason } }`;

export const NOTIFICATION_FIELDS = `id kind createdAt readAt isRead reason commentId clusterId title
  suspendedUntil proposal { id }`;
export const MY_NOTIFICATIONS = `query Mine($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    edges { cursor node { ${NOTIFICATION_FIELDS} } }
  }
}`;
export const MARK_READ = `mutation MarkRead($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;

export const SUBMIT = `mutation Submit($input: SubmitProposalInput!) {
  submitProposal(input: $input) { id isHidden awaitingReview }
}`;
export const COMMENT = `mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) { id isHidden awaitingReview body }
}`;
export const PROPOSAL = `query P($id: ID!) { proposal(id: $id) { id isHidden awaitingReview commentsCount
  comments { edges { node { id isHidden awaitingReview body } } } } }`;
export const PROPOSAL_LIST = `query L($filter: ProposalFilter) {
  proposals(first: 50, filter: $filter) { totalCount edges { node { id awaitingReview } } }
}`;
export const AWAITING_QUEUE = `query Queue($awaitingReview: Boolean, $consultationId: ID) {
  moderationQueue(first: 50, awaitingReview: $awaitingReview, consultationId: $consultationId,
    orderBy: NEWEST) {
    totalCount
    edges { node { targetType targetId isHidden awaitingReview
      author { id role isSuspended history { proposalsCount commentsCount hiddenContentCount } } } }
  }
}`;

export type NotificationNode = {
  id: string;
  kind: string;
  createdAt: string;
  readAt: string | null;
  isRead: boolean;
  reason: string | null;
  commentId: string | null;
  clusterId: string | null;
  title: string | null;
  suspendedUntil: string | null;
  proposal: { id: string } | null;
};
export type NotificationsData = {
  myNotifications: {
    totalCount: number;
    unreadCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: NotificationNode }[];
  };
};

/** A consultation open for proposals, with pre-moderation on or off. */
export async function trustConsultation(preModeration: boolean) {
  const consultation = await createConsultation();
  await factoryPrisma().consultation.update({
    where: { id: consultation.id },
    data: { settings: { preModeration } },
  });
  return consultation;
}

/** A valid submitProposal input for a consultation. */
export async function proposalInput(consultationId: string, title = 'Des cantines locales') {
  const themes = await referenceThemes();
  return {
    consultationId,
    title,
    summary: 'Approvisionner les cantines scolaires auprès des producteurs du territoire.',
    body: 'La commune de Mouans-Sartoux a montré qu’une régie agricole municipale peut nourrir toutes ses cantines en bio.',
    themeIds: [themes[0].id],
    territoryId: TERRITORIES.saintEtienne,
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
  };
}

/** The notifications stored for an account, newest first. */
export function notificationsOf(userId: string) {
  return factoryPrisma().notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
}
