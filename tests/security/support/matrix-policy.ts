// The declared authorisation policy: one entry per Query and Mutation field of
// apps/api/schema.graphql. `allowed` names who may call it (everyone else is refused:
// UNAUTHENTICATED when anonymous, FORBIDDEN otherwise); `outcomes` overrides one caller's
// expected outcome, e.g. a domain refusal of the owner. `call` builds the request, creating fresh
// data when the operation changes something.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { REFRESH_COOKIE } from '../../../apps/api/src/common/auth/auth-user';
import {
  createBrief,
  createUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
} from '../../factories';
import { CookieJar } from '../../integration/support/cookies';
import { ACCOUNT_POLICY } from './matrix-policy-accounts';
import { COAUTHOR_POLICY } from './matrix-policy-coauthors';
import { AMENDMENT_POLICY } from './matrix-policy-amendments';
import { EXPERIMENT_POLICY } from './matrix-policy-experiments';
import { LOCAL_SPACE_POLICY } from './matrix-policy-local-spaces';
import { ORGANISATION_SEARCH_POLICY } from './matrix-policy-organisation-search';
import { dataOf } from '../../integration/support/test-app';
import {
  ADMINS,
  asAdmin,
  type Caller,
  CURATORS,
  EVERYONE,
  freshAccountToken,
  freshComment,
  freshDraft,
  freshProposal,
  freshSlug,
  type MatrixWorld,
  OWNER,
  SIGNED_IN,
  STAFF,
} from './matrix-world';

/** What a caller must get: success, a generic refusal, or a domain refusal (code and reason). */
export type Outcome =
  | 'ok'
  | 'unauthenticated'
  | 'forbidden'
  | { code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND'; reason: string };

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** Cookies sent with the request (e.g. the refresh cookie), besides the caller's token. */
  jar?: CookieJar;
  /** Replaces the caller's shared token, e.g. by one of a session the operation may end. */
  token?: string;
}

export interface OperationPolicy {
  /** Who may call it; the others are refused. */
  allowed: readonly Caller[];
  /** Per-caller exceptions to `allowed` (a domain refusal, a not-found that hides existence). */
  outcomes?: Partial<Record<Caller, Outcome>>;
  call(world: MatrixWorld, caller: Caller): Promise<Call>;
}

/** The outcome a caller must get from an operation. */
export function expectedOutcome(
  policy: Pick<OperationPolicy, 'allowed' | 'outcomes'>,
  caller: Caller,
): Outcome {
  const declared = policy.outcomes?.[caller];
  if (declared) return declared;
  if (policy.allowed.includes(caller)) return 'ok';
  return caller === 'anonymous' ? 'unauthenticated' : 'forbidden';
}

export function describeOutcome(outcome: Outcome): string {
  return typeof outcome === 'string' ? outcome : `${outcome.code} ${outcome.reason}`;
}

const REASON = 'Contraire à la charte de participation';
const PHASE = {
  kind: 'PROPOSING',
  startsAt: '2027-01-01T00:00:00.000Z',
  endsAt: '2027-03-01T00:00:00.000Z',
};
const CAST_VOTE = `mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }`;
const MERGE = `mutation ($input: MergeProposalsInput!) { mergeProposals(input: $input) { id } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }`;

const INVITATION_NOT_FOUND: Outcome = { code: 'NOT_FOUND', reason: 'INVITATION_NOT_FOUND' };
const PROPOSAL_NOT_FOUND: Outcome = { code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' };

/** A token of a new session of the caller's account (undefined when anonymous). */
export async function freshSession(
  world: MatrixWorld,
  caller: Caller,
): Promise<string | undefined> {
  return caller === 'anonymous' ? undefined : world.api.tokenFor(world.users[caller]);
}

const query =
  (text: string, variables?: (world: MatrixWorld) => Record<string, unknown>) =>
  async (world: MatrixWorld): Promise<Call> => ({ query: text, variables: variables?.(world) });

const decision =
  (name: string, prepare?: (proposalId: string) => Promise<unknown>) =>
  async (world: MatrixWorld): Promise<Call> => {
    const proposalId = await freshProposal(world);
    await prepare?.(proposalId);
    return {
      query: `mutation ($input: ModerationDecisionInput!) { ${name}(input: $input) { targetId isHidden } }`,
      variables: { input: { targetType: 'PROPOSAL', targetId: proposalId, reason: REASON } },
    };
  };

const brief = async (world: MatrixWorld, status: 'DRAFT' | 'IN_REVIEW', cite = false) =>
  createBrief({
    createdById: world.users.curator.id,
    consultationIds: [world.read.votingConsultation.id],
    status,
    sections: cite ? [{ citations: [{ proposalId: await freshProposal(world) }] }] : [],
  });

const briefTransition = (name: string, status: 'DRAFT' | 'IN_REVIEW', cite = false) =>
  async function (world: MatrixWorld): Promise<Call> {
    const { id } = await brief(world, status, cite);
    return {
      query: `mutation ($input: BriefTransitionInput!) { ${name}(input: $input) { id } }`,
      variables: { input: { briefId: id, expectedRevision: 1 } },
    };
  };

/** A fresh organisation with one member, managed by the owner when `ownerManages`. */
async function freshOrganisation(world: MatrixWorld, ownerManages: boolean) {
  const member = await createUser();
  const { id } = await factoryPrisma().organisation.create({
    data: {
      name: `Coopérative ${freshSlug('matrice')}`,
      actorType: 'ASSOCIATION',
      territoryId: TERRITORIES.saintEtienne,
      members: {
        create: [
          { userId: member.id, role: 'MEMBER' as const },
          ...(ownerManages ? [{ userId: world.users.owner.id, role: 'MANAGER' as const }] : []),
        ],
      },
    },
  });
  return { organisationId: id, memberId: member.id };
}

async function proposalInput(world: MatrixWorld) {
  const themes = await referenceThemes();
  return {
    title: 'Des cantines 100 % locales dans chaque commune',
    summary: 'Approvisionner les cantines scolaires auprès des producteurs du territoire.',
    body: 'La commune de Mouans-Sartoux a montré qu’une régie agricole municipale peut nourrir toutes ses cantines en bio.',
    themeIds: [themes[0]?.id],
    territoryId: TERRITORIES.saintEtienne,
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
    consultationId: world.read.consultation.id,
  };
}

export const POLICY: Record<string, OperationPolicy> = {
  ...ACCOUNT_POLICY,
  ...EXPERIMENT_POLICY,
  ...AMENDMENT_POLICY,
  ...COAUTHOR_POLICY,
  ...LOCAL_SPACE_POLICY,
  ...ORGANISATION_SEARCH_POLICY,

  // ---- Queries: public reads ----
  briefVersionDiff: {
    allowed: EVERYONE,
    call: query(
      `query ($slug: String!) { briefVersionDiff(slug: $slug, from: 1, to: 2) { hasChanges } }`,
      (world) => ({ slug: world.read.publishedBriefSlug }),
    ),
  },
  consultation: {
    allowed: EVERYONE,
    call: query(`query ($slug: String!) { consultation(slug: $slug) { id } }`, (world) => ({
      slug: world.read.consultation.slug,
    })),
  },
  consultations: { allowed: EVERYONE, call: query(`{ consultations { id } }`) },
  // Null when anonymous: allowed, the caller only ever reads their own account.
  me: { allowed: EVERYONE, call: query(`{ me { id } }`) },
  organisation: {
    allowed: EVERYONE,
    call: query(`query ($id: ID!) { organisation(id: $id) { id name } }`, (world) => ({
      id: world.read.organisationId,
    })),
  },
  participationDashboard: {
    allowed: EVERYONE,
    call: query(
      `query ($id: ID) { participationDashboard(consultationId: $id) { scope totals { participants } } }`,
      (world) => ({ id: world.read.votingConsultation.id }),
    ),
  },
  proposal: {
    allowed: EVERYONE,
    call: query(`query ($id: ID!) { proposal(id: $id) { id title } }`, (world) => ({
      id: world.read.proposalId,
    })),
  },
  proposalCluster: {
    allowed: EVERYONE,
    call: query(`query ($id: ID!) { proposalCluster(id: $id) { id } }`, (world) => ({
      id: world.read.clusterId,
    })),
  },
  proposals: { allowed: EVERYONE, call: query(`{ proposals(first: 5) { totalCount } }`) },
  publishedBrief: {
    allowed: EVERYONE,
    call: query(`query ($slug: String!) { publishedBrief(slug: $slug) { id } }`, (world) => ({
      slug: world.read.publishedBriefSlug,
    })),
  },
  publishedBriefs: { allowed: EVERYONE, call: query(`{ publishedBriefs { id } }`) },
  similarProposals: {
    allowed: EVERYONE,
    call: query(
      `{ similarProposals(title: "Des cantines locales dans chaque commune") { similarity } }`,
    ),
  },
  territories: { allowed: EVERYONE, call: query(`{ territories(search: "Paris") { id } }`) },
  territory: { allowed: EVERYONE, call: query(`{ territory(id: "COMMUNE-75056") { id } }`) },
  themes: { allowed: EVERYONE, call: query(`{ themes { id } }`) },

  // ---- Queries: signed in, one's own data ----
  myNotificationPreferences: {
    allowed: SIGNED_IN,
    call: query(`{ myNotificationPreferences { kind frequency } }`),
  },
  myNotifications: {
    allowed: SIGNED_IN,
    call: query(`{ myNotifications(first: 5) { totalCount unreadCount } }`),
  },
  myOrganisationInvitations: {
    allowed: SIGNED_IN,
    call: query(`{ myOrganisationInvitations { id } }`),
  },

  // ---- Queries: staff ----
  auditLog: { allowed: STAFF, call: query(`{ auditLog(first: 5) { totalCount } }`) },
  moderationQueue: { allowed: STAFF, call: query(`{ moderationQueue(first: 5) { totalCount } }`) },
  briefDraft: {
    allowed: CURATORS,
    call: query(`query ($id: ID!) { briefDraft(id: $id) { id } }`, (world) => ({
      id: world.read.draftBriefId,
    })),
  },
  briefs: { allowed: CURATORS, call: query(`{ briefs { id } }`) },
  curatorDashboard: {
    allowed: CURATORS,
    call: query(
      `query ($id: ID) { curatorDashboard(consultationId: $id) { scope totals { participants } } }`,
      (world) => ({ id: world.read.votingConsultation.id }),
    ),
  },
  outbox: { allowed: ADMINS, call: query(`{ outbox(first: 5) { totalCount } }`) },
  users: { allowed: ADMINS, call: query(`{ users(first: 5) { totalCount } }`) },

  // ---- Mutations: accounts (public: the credential is in the input or the cookie) ----
  signUp: {
    allowed: EVERYONE,
    call: async () => ({
      query: `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
      variables: {
        input: {
          email: `${freshSlug('inscription')}@example.org`,
          password: 'correct horse battery staple',
          displayName: 'Camille Matrice',
          actorType: 'CITIZEN',
          territoryId: TERRITORIES.paris,
          acceptTerms: true,
        },
      },
    }),
  },
  signIn: {
    allowed: EVERYONE,
    call: async () => {
      const user = await createUser();
      return {
        query: SIGN_IN,
        variables: { input: { email: user.email, password: user.password } },
      };
    },
  },
  // On a session of its own: signing out ends the session of the token it was sent with.
  signOut: {
    allowed: EVERYONE,
    call: async (world, caller) => ({
      query: `mutation { signOut }`,
      token: await freshSession(world, caller),
    }),
  },
  // The refresh cookie of a session of the caller's own (as signIn sets it); anonymous has none.
  refreshSession: {
    allowed: SIGNED_IN,
    call: async (world, caller) => {
      const query = `mutation { refreshSession { accessToken } }`;
      if (caller === 'anonymous') return { query };
      const refreshToken = randomBytes(32).toString('base64url');
      await factoryPrisma().refreshToken.create({
        data: {
          userId: world.users[caller].id,
          familyId: randomUUID(),
          tokenHash: createHash('sha256').update(refreshToken).digest('hex'),
          expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
        },
      });
      const jar = new CookieJar();
      jar.set(REFRESH_COOKIE, refreshToken);
      return { query, jar };
    },
  },
  requestPasswordReset: {
    allowed: EVERYONE,
    call: query(`mutation { requestPasswordReset(email: "personne@example.org") }`),
  },
  resetPassword: {
    allowed: EVERYONE,
    call: async () => ({
      query: `mutation ($token: String!) { resetPassword(token: $token, password: "un nouveau mot de passe") }`,
      variables: { token: await freshAccountToken('PASSWORD_RESET') },
    }),
  },
  verifyEmail: {
    allowed: EVERYONE,
    call: async () => ({
      query: `mutation ($token: String!) { verifyEmail(token: $token) { id } }`,
      variables: { token: await freshAccountToken('VERIFY_EMAIL') },
    }),
  },
  resendVerificationEmail: {
    allowed: SIGNED_IN,
    call: query(`mutation { resendVerificationEmail }`),
  },

  // ---- Mutations: participation ----
  submitProposal: {
    allowed: SIGNED_IN,
    call: async (world) => ({
      query: `mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`,
      variables: { input: await proposalInput(world) },
    }),
  },
  updateProposal: {
    allowed: OWNER,
    call: async (world) => {
      const { consultationId: _unused, ...fields } = await proposalInput(world);
      return {
        query: `mutation ($input: UpdateProposalInput!) { updateProposal(input: $input) { id } }`,
        variables: {
          input: {
            ...fields,
            proposalId: await freshProposal(world, { proposing: true }),
            expectedVersion: 1,
          },
        },
      };
    },
  },
  publishProposal: {
    allowed: OWNER,
    // A draft is read by its author only: to anyone else it does not exist.
    outcomes: {
      other: PROPOSAL_NOT_FOUND,
      moderator: PROPOSAL_NOT_FOUND,
      curator: PROPOSAL_NOT_FOUND,
      admin: PROPOSAL_NOT_FOUND,
    },
    call: async (world) => ({
      query: `mutation ($input: PublishProposalInput!) { publishProposal(input: $input) { id status } }`,
      variables: { input: { proposalId: await freshDraft(world) } },
    }),
  },
  withdrawProposal: {
    allowed: OWNER,
    call: async (world) => ({
      query: `mutation ($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { id status } }`,
      variables: { input: { proposalId: await freshProposal(world) } },
    }),
  },
  castVote: {
    allowed: SIGNED_IN,
    call: async (world) => ({
      query: CAST_VOTE,
      variables: { input: { proposalId: await freshProposal(world), value: 'FOR' } },
    }),
  },
  retractVote: {
    allowed: SIGNED_IN,
    call: async (world, caller) => {
      const proposalId = await freshProposal(world);
      const token = world.tokenOf(caller);
      if (token) {
        dataOf(await world.api.gql(CAST_VOTE, { input: { proposalId, value: 'FOR' } }, { token }));
      }
      return {
        query: `mutation ($id: ID!) { retractVote(proposalId: $id) { id myVote } }`,
        variables: { id: proposalId },
      };
    },
  },
  // The caller's own vote on a proposal merged afterwards.
  moveVote: {
    allowed: SIGNED_IN,
    call: async (world, caller) => {
      const author = (await createUser()).id;
      const lead = await freshProposal(world, { authorId: author });
      const member = await freshProposal(world, { authorId: author });
      const token = world.tokenOf(caller);
      if (token) {
        dataOf(
          await world.api.gql(
            CAST_VOTE,
            { input: { proposalId: member, value: 'FOR' } },
            { token },
          ),
        );
      }
      await asAdmin(world, MERGE, {
        input: { leadProposalId: lead, proposalIds: [member], reason: 'Deux doublons' },
      });
      return {
        query: `mutation ($input: MoveVoteInput!) { moveVote(input: $input) { id } }`,
        variables: { input: { fromProposalId: member, toProposalId: lead } },
      };
    },
  },
  followProposal: {
    allowed: SIGNED_IN,
    call: query(`mutation ($id: ID!) { followProposal(proposalId: $id) { id } }`, (world) => ({
      id: world.read.proposalId,
    })),
  },
  unfollowProposal: {
    allowed: SIGNED_IN,
    call: query(`mutation ($id: ID!) { unfollowProposal(proposalId: $id) { id } }`, (world) => ({
      id: world.read.proposalId,
    })),
  },
  addComment: {
    allowed: SIGNED_IN,
    call: async (world) => ({
      query: `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      variables: {
        input: {
          proposalId: await freshProposal(world, { authorId: (await createUser()).id }),
          body: 'Un avis sur la proposition.',
        },
      },
    }),
  },
  editComment: {
    allowed: OWNER,
    call: async (world) => ({
      query: `mutation ($input: EditCommentInput!) { editComment(input: $input) { id } }`,
      variables: { input: { commentId: await freshComment(world), body: 'Un avis corrigé.' } },
    }),
  },
  deleteComment: {
    allowed: OWNER,
    call: async (world) => ({
      query: `mutation ($id: ID!) { deleteComment(commentId: $id) { id isDeleted } }`,
      variables: { id: await freshComment(world) },
    }),
  },
  upvoteComment: {
    allowed: SIGNED_IN,
    outcomes: { owner: { code: 'FORBIDDEN', reason: 'OWN_COMMENT_UPVOTE' } },
    call: async (world) => ({
      query: `mutation ($id: ID!) { upvoteComment(commentId: $id) { id upvotes } }`,
      variables: { id: await freshComment(world) },
    }),
  },
  removeCommentUpvote: {
    allowed: SIGNED_IN,
    call: async (world) => ({
      query: `mutation ($id: ID!) { removeCommentUpvote(commentId: $id) { id upvotes } }`,
      variables: { id: await freshComment(world) },
    }),
  },
  reportContent: {
    allowed: SIGNED_IN,
    // Never one's own content.
    outcomes: { owner: { code: 'FORBIDDEN', reason: 'OWN_CONTENT_REPORT' } },
    call: async (world) => ({
      query: `mutation ($input: ReportContentInput!) { reportContent(input: $input) { id } }`,
      variables: {
        input: { targetType: 'PROPOSAL', targetId: await freshProposal(world), reason: 'SPAM' },
      },
    }),
  },
  markNotificationsRead: { allowed: SIGNED_IN, call: query(`mutation { markNotificationsRead }`) },
  updateNotificationPreferences: {
    allowed: SIGNED_IN,
    call: query(
      `mutation { updateNotificationPreferences(preferences: [{ kind: COMMENT_REPLY, frequency: IMMEDIATE }]) { kind frequency } }`,
    ),
  },

  // ---- Mutations: organisations (the owner manages the organisation or is the invitee) ----
  createOrganisation: {
    allowed: SIGNED_IN,
    call: async () => ({
      query: `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
      variables: {
        input: {
          name: `Coopérative ${freshSlug('matrice')}`,
          actorType: 'ASSOCIATION',
          territoryId: TERRITORIES.saintEtienne,
        },
      },
    }),
  },
  inviteOrganisationMember: {
    allowed: OWNER,
    call: async (world) => {
      const { organisationId } = await freshOrganisation(world, true);
      const invitee = await createUser();
      return {
        query: `mutation ($input: InviteOrganisationMemberInput!) { inviteOrganisationMember(input: $input) { id } }`,
        variables: { input: { organisationId, email: invitee.email } },
      };
    },
  },
  removeOrganisationMember: {
    allowed: OWNER,
    call: async (world) => {
      const { organisationId, memberId } = await freshOrganisation(world, true);
      return {
        query: `mutation ($input: RemoveOrganisationMemberInput!) { removeOrganisationMember(input: $input) { id } }`,
        variables: { input: { organisationId, userId: memberId } },
      };
    },
  },
  // Someone else's invitation is not found (its existence is not revealed).
  respondToOrganisationInvitation: {
    allowed: OWNER,
    outcomes: {
      other: INVITATION_NOT_FOUND,
      moderator: INVITATION_NOT_FOUND,
      curator: INVITATION_NOT_FOUND,
      admin: INVITATION_NOT_FOUND,
    },
    call: async (world) => {
      const { organisationId, memberId } = await freshOrganisation(world, false);
      const invitation = await factoryPrisma().organisationInvitation.create({
        data: { organisationId, inviteeId: world.users.owner.id, invitedById: memberId },
      });
      return {
        query: `mutation ($input: RespondToOrganisationInvitationInput!) { respondToOrganisationInvitation(input: $input) { id status } }`,
        variables: { input: { invitationId: invitation.id, accept: false } },
      };
    },
  },

  // ---- Mutations: moderation ----
  hideContent: { allowed: STAFF, call: decision('hideContent') },
  restoreContent: {
    allowed: STAFF,
    call: decision('restoreContent', (id) =>
      factoryPrisma().proposal.update({ where: { id }, data: { hiddenAt: new Date() } }),
    ),
  },
  dismissReports: { allowed: STAFF, call: decision('dismissReports') },
  answerProposal: {
    allowed: STAFF,
    call: async (world) => ({
      query: `mutation ($input: AnswerProposalInput!) { answerProposal(input: $input) { id status } }`,
      variables: {
        input: {
          proposalId: await freshProposal(world),
          status: 'UNDER_REVIEW',
          answer: 'La commission examine cette proposition.',
        },
      },
    }),
  },
  suspendUser: {
    allowed: STAFF,
    call: async () => ({
      query: `mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id isSuspended } }`,
      variables: { input: { userId: (await createUser()).id, reason: REASON, durationDays: 7 } },
    }),
  },
  reinstateUser: {
    allowed: STAFF,
    call: async () => {
      const target = await createUser();
      await factoryPrisma().user.update({
        where: { id: target.id },
        data: { suspendedAt: new Date(), suspensionReason: REASON },
      });
      return {
        query: `mutation ($input: ReinstateUserInput!) { reinstateUser(input: $input) { id isSuspended } }`,
        variables: { input: { userId: target.id, reason: 'Suspension levée après échange' } },
      };
    },
  },
  mergeProposals: {
    allowed: STAFF,
    call: async (world) => ({
      query: MERGE,
      variables: {
        input: {
          leadProposalId: await freshProposal(world),
          proposalIds: [await freshProposal(world)],
          reason: REASON,
        },
      },
    }),
  },
  undoMerge: {
    allowed: STAFF,
    call: async (world) => {
      const merged = await asAdmin<{ mergeProposals: { id: string } }>(world, MERGE, {
        input: {
          leadProposalId: await freshProposal(world),
          proposalIds: [await freshProposal(world)],
          reason: 'Deux propositions identiques',
        },
      });
      return {
        query: `mutation ($input: UndoMergeInput!) { undoMerge(input: $input) { id isActive } }`,
        variables: {
          input: { clusterId: merged.mergeProposals.id, reason: 'Ce ne sont pas des doublons' },
        },
      };
    },
  },

  // ---- Mutations: curation ----
  createBrief: {
    allowed: CURATORS,
    call: async (world) => ({
      query: `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { id } }`,
      variables: {
        input: {
          title: 'Contribution de la matrice',
          slug: freshSlug('matrice-note'),
          consultationIds: [world.read.votingConsultation.id],
        },
      },
    }),
  },
  updateBrief: {
    allowed: CURATORS,
    call: async (world) => ({
      query: `mutation ($input: UpdateBriefInput!) { updateBrief(input: $input) { id } }`,
      variables: {
        input: {
          briefId: (await brief(world, 'DRAFT')).id,
          expectedRevision: 1,
          title: 'Titre revu par l’équipe',
        },
      },
    }),
  },
  submitBriefForReview: {
    allowed: CURATORS,
    call: briefTransition('submitBriefForReview', 'DRAFT'),
  },
  returnBriefToDraft: {
    allowed: CURATORS,
    call: briefTransition('returnBriefToDraft', 'IN_REVIEW'),
  },
  publishBrief: { allowed: CURATORS, call: briefTransition('publishBrief', 'IN_REVIEW', true) },

  // ---- Mutations: administration ----
  createConsultation: {
    allowed: ADMINS,
    call: async () => ({
      query: `mutation ($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
      variables: {
        input: {
          slug: freshSlug('matrice'),
          title: 'Consultation sur les circuits courts',
          description: 'Comment relocaliser l’alimentation dans les territoires ?',
          themeIds: [(await referenceThemes())[0]?.id],
          phases: [PHASE],
        },
      },
    }),
  },
  updateConsultation: {
    allowed: ADMINS,
    call: async (world) => ({
      query: `mutation ($input: UpdateConsultationInput!) { updateConsultation(input: $input) { id } }`,
      variables: {
        input: { consultationId: world.read.consultation.id, title: 'Titre revu par l’équipe' },
      },
    }),
  },
  changeUserRole: {
    allowed: ADMINS,
    call: async () => ({
      query: `mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { id role } }`,
      variables: { input: { userId: (await createUser()).id, role: 'MODERATOR' } },
    }),
  },
};
