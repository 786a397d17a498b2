import { createConsultation, createProposal, createUser, factoryPrisma } from '../../factories';
import { type TestApp } from './test-app';

// GraphQL operations of the moderation specs.
export const REPORT = `mutation Report($input: ReportContentInput!) {
  reportContent(input: $input) { id targetType targetId reason details status createdAt reporter { id } }
}`;
const ITEM_FIELDS = `targetType targetId isHidden openReportsCount firstReportedAt lastReportedAt
  proposal { id isHidden } comment { id isHidden body } user { id }
  reports { id reason status reporter { id } }`;
export const HIDE = `mutation Hide($input: ModerationDecisionInput!) { hideContent(input: $input) { ${ITEM_FIELDS} } }`;
export const RESTORE = `mutation Restore($input: ModerationDecisionInput!) { restoreContent(input: $input) { ${ITEM_FIELDS} } }`;
export const DISMISS = `mutation Dismiss($input: ModerationDecisionInput!) { dismissReports(input: $input) { ${ITEM_FIELDS} } }`;
export const QUEUE = `query Queue($first: Int, $after: String, $targetType: ReportTargetType, $reason: ReportReason,
  $consultationId: ID, $orderBy: ModerationQueueOrder) {
  moderationQueue(first: $first, after: $after, targetType: $targetType, reason: $reason,
    consultationId: $consultationId, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ITEM_FIELDS} } }
  }
}`;
export const AUDIT_LOG = `query Audit($first: Int, $after: String, $action: String, $actorId: ID, $targetType: String, $targetId: ID) {
  auditLog(first: $first, after: $after, action: $action, actorId: $actorId, targetType: $targetType, targetId: $targetId) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action targetType targetId reason metadata createdAt actor { id } } }
  }
}`;
export const PROPOSAL_VISIBILITY = `query P($id: ID!) { proposal(id: $id) { id isHidden
  comments { edges { node { id isHidden body bodyHtml author { id } replies { id isHidden body } } } } } }`;
export const LIST_IDS = `query L($filter: ProposalFilter, $search: String) {
  proposals(first: 50, filter: $filter, search: $search) { totalCount edges { node { id isHidden } } }
}`;

export type Role = 'PARTICIPANT' | 'MODERATOR' | 'CURATOR' | 'ADMIN';

/** A consultation (with a report threshold), an author, a proposal and a comment on it. */
export async function moderationFixture(threshold?: number) {
  const consultation = await createConsultation();
  if (threshold !== undefined) {
    await factoryPrisma().consultation.update({
      where: { id: consultation.id },
      data: { settings: { reportThreshold: threshold } },
    });
  }
  const author = await createUser();
  const proposal = await createProposal({ consultationId: consultation.id, authorId: author.id });
  const comment = await factoryPrisma().comment.create({
    data: {
      proposalId: proposal.id,
      authorId: author.id,
      body: 'Un commentaire',
      bodyHtml: '<p>Un commentaire</p>',
    },
  });
  return {
    consultationId: consultation.id,
    author,
    proposalId: proposal.id,
    commentId: comment.id,
  };
}

/** A signed-in account with a role, and its Bearer token. */
export async function signedIn(api: TestApp, role: Role = 'PARTICIPANT') {
  const user = await createUser({ role });
  return { id: user.id, token: await api.tokenFor(user) };
}
