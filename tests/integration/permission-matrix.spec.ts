import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  referenceThemes,
  uniqueKey,
} from '../factories';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The permission matrix of every moderation and administration operation: each one is called
 * as an anonymous visitor, a participant, the author of the content it acts on, a moderator, a
 * curator and an administrator, on fresh data, and the outcome is compared with the declared
 * policy. An operation missing from POLICY fails the suite (see the last test).
 */
type Caller = 'anonymous' | 'participant' | 'author' | 'moderator' | 'curator' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'participant', 'author', 'moderator', 'curator', 'admin'];

interface Fixture {
  author: CreatedUser;
  consultationId: string;
  proposalId: string;
  otherProposalId: string;
}

interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

interface Operation {
  /** Who may: everyone else is refused (UNAUTHENTICATED when anonymous, FORBIDDEN otherwise). */
  allowed: Caller[];
  call: (fixture: Fixture, api: TestApp) => Promise<Call>;
}

const REASON = 'Contraire à la charte de participation';
const PHASE = {
  kind: 'PROPOSING',
  startsAt: '2027-01-01T00:00:00.000Z',
  endsAt: '2027-03-01T00:00:00.000Z',
};
const STAFF: Caller[] = ['moderator', 'admin'];
const SIGNED_IN: Caller[] = ['participant', 'author', 'moderator', 'curator', 'admin'];

async function adminToken(api: TestApp) {
  return api.tokenFor(await createUser({ role: 'ADMIN' }));
}

const decision = (name: string) => async (fixture: Fixture) => ({
  query: `mutation ($input: ModerationDecisionInput!) { ${name}(input: $input) { targetId } }`,
  variables: { input: { targetType: 'PROPOSAL', targetId: fixture.proposalId, reason: REASON } },
});

const CURATORS: Caller[] = ['curator', 'admin'];

const briefMatrixSlug = () =>
  uniqueKey('matrice-note')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

/** A fresh DRAFT brief on the fixture's consultation, created by an administrator. */
async function newBrief(fixture: Fixture, api: TestApp): Promise<string> {
  const created = await api.gql<{ createBrief: { id: string } }>(
    `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { id } }`,
    {
      input: {
        title: 'Contribution de la matrice',
        slug: briefMatrixSlug(),
        consultationIds: [fixture.consultationId],
      },
    },
    { token: await adminToken(api) },
  );
  const id = created.data?.createBrief.id;
  if (!id) throw new Error(`createBrief failed: ${created.text}`);
  return id;
}

/** Declared policy: one entry per moderation or administration operation of the schema. */
const POLICY: Record<string, Operation> = {
  reportContent: {
    // Never one's own content (OWN_CONTENT_REPORT is FORBIDDEN).
    allowed: ['participant', 'moderator', 'curator', 'admin'],
    call: async (fixture) => ({
      query: `mutation ($input: ReportContentInput!) { reportContent(input: $input) { id } }`,
      variables: {
        input: { targetType: 'PROPOSAL', targetId: fixture.proposalId, reason: 'SPAM' },
      },
    }),
  },
  hideContent: { allowed: STAFF, call: decision('hideContent') },
  restoreContent: {
    allowed: STAFF,
    call: async (fixture) => {
      await factoryPrisma().proposal.update({
        where: { id: fixture.proposalId },
        data: { hiddenAt: new Date() },
      });
      return decision('restoreContent')(fixture);
    },
  },
  dismissReports: { allowed: STAFF, call: decision('dismissReports') },
  moderationQueue: {
    allowed: STAFF,
    call: async () => ({ query: `{ moderationQueue(first: 5) { totalCount } }` }),
  },
  auditLog: {
    allowed: STAFF,
    call: async () => ({ query: `{ auditLog(first: 5) { totalCount } }` }),
  },
  answerProposal: {
    allowed: STAFF,
    call: async (fixture) => ({
      query: `mutation ($input: AnswerProposalInput!) { answerProposal(input: $input) { id status } }`,
      variables: {
        input: {
          proposalId: fixture.proposalId,
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
      variables: {
        input: { userId: (await createUser()).id, reason: REASON, durationDays: 7 },
      },
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
    call: async (fixture) => ({
      query: `mutation ($input: MergeProposalsInput!) { mergeProposals(input: $input) { id } }`,
      variables: {
        input: {
          leadProposalId: fixture.proposalId,
          proposalIds: [fixture.otherProposalId],
          reason: REASON,
        },
      },
    }),
  },
  undoMerge: {
    allowed: STAFF,
    call: async (fixture, api) => {
      const merged = await api.gql<{ mergeProposals: { id: string } }>(
        `mutation ($input: MergeProposalsInput!) { mergeProposals(input: $input) { id } }`,
        {
          input: {
            leadProposalId: fixture.proposalId,
            proposalIds: [fixture.otherProposalId],
            reason: 'Deux propositions identiques',
          },
        },
        { token: await adminToken(api) },
      );
      const clusterId = merged.data?.mergeProposals.id;
      if (!clusterId) throw new Error(`merge failed: ${merged.text}`);
      return {
        query: `mutation ($input: UndoMergeInput!) { undoMerge(input: $input) { id isActive } }`,
        variables: { input: { clusterId, reason: 'Ce ne sont pas des doublons' } },
      };
    },
  },
  createConsultation: {
    allowed: ['admin'],
    call: async () => ({
      query: `mutation ($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }`,
      variables: {
        input: {
          slug: uniqueKey('matrice'),
          title: 'Consultation sur les circuits courts',
          description: 'Comment relocaliser l’alimentation dans les territoires ?',
          themeIds: [(await referenceThemes())[0]?.id],
          phases: [PHASE],
        },
      },
    }),
  },
  updateConsultation: {
    allowed: ['admin'],
    call: async (fixture) => ({
      query: `mutation ($input: UpdateConsultationInput!) { updateConsultation(input: $input) { id } }`,
      variables: {
        input: { consultationId: fixture.consultationId, title: 'Titre revu par l’équipe' },
      },
    }),
  },
  changeUserRole: {
    allowed: ['admin'],
    call: async () => ({
      query: `mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { id role } }`,
      variables: { input: { userId: (await createUser()).id, role: 'MODERATOR' } },
    }),
  },
  users: {
    allowed: ['admin'],
    call: async () => ({ query: `{ users(first: 5) { totalCount } }` }),
  },
  myNotifications: {
    allowed: SIGNED_IN,
    call: async () => ({ query: `{ myNotifications(first: 5) { totalCount unreadCount } }` }),
  },
  markNotificationsRead: {
    allowed: SIGNED_IN,
    call: async () => ({ query: `mutation { markNotificationsRead }` }),
  },
  // Accounts by e-mail (issue 7): the outbox is administrators' only.
  resendVerificationEmail: {
    allowed: SIGNED_IN,
    call: async () => ({ query: `mutation { resendVerificationEmail }` }),
  },
  outbox: {
    allowed: ['admin'],
    call: async () => ({ query: `{ outbox(first: 5) { totalCount } }` }),
  },
  // Notification e-mail preferences (issue 7): every signed-in account, its own only.
  myNotificationPreferences: {
    allowed: SIGNED_IN,
    call: async () => ({ query: `{ myNotificationPreferences { kind frequency } }` }),
  },
  updateNotificationPreferences: {
    allowed: SIGNED_IN,
    call: async () => ({
      query: `mutation { updateNotificationPreferences(preferences: [{ kind: COMMENT_REPLY, frequency: IMMEDIATE }]) { kind frequency } }`,
    }),
  },
  // Brief drafting (issue 5): curators and administrators only.
  briefs: {
    allowed: CURATORS,
    call: async () => ({ query: `{ briefs { id } }` }),
  },
  briefDraft: {
    allowed: CURATORS,
    call: async (fixture, api) => ({
      query: `query ($id: ID!) { briefDraft(id: $id) { id } }`,
      variables: { id: await newBrief(fixture, api) },
    }),
  },
  createBrief: {
    allowed: CURATORS,
    call: async (fixture) => ({
      query: `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { id } }`,
      variables: {
        input: {
          title: 'Contribution de la matrice',
          slug: briefMatrixSlug(),
          consultationIds: [fixture.consultationId],
        },
      },
    }),
  },
  updateBrief: {
    allowed: CURATORS,
    call: async (fixture, api) => ({
      query: `mutation ($input: UpdateBriefInput!) { updateBrief(input: $input) { id } }`,
      variables: {
        input: {
          briefId: await newBrief(fixture, api),
          expectedRevision: 1,
          title: 'Titre revu par l’équipe',
        },
      },
    }),
  },
  submitBriefForReview: {
    allowed: CURATORS,
    call: async (fixture, api) => ({
      query: `mutation ($input: BriefTransitionInput!) { submitBriefForReview(input: $input) { id } }`,
      variables: { input: { briefId: await newBrief(fixture, api), expectedRevision: 1 } },
    }),
  },
  returnBriefToDraft: {
    allowed: CURATORS,
    call: async (fixture, api) => {
      const briefId = await newBrief(fixture, api);
      await factoryPrisma().brief.update({ where: { id: briefId }, data: { status: 'IN_REVIEW' } });
      return {
        query: `mutation ($input: BriefTransitionInput!) { returnBriefToDraft(input: $input) { id } }`,
        variables: { input: { briefId, expectedRevision: 1 } },
      };
    },
  },
  // Brief publication (issue 5): an IN_REVIEW brief citing the fixture's proposal.
  publishBrief: {
    allowed: CURATORS,
    call: async (fixture) => {
      const brief = await factoryPrisma().brief.create({
        data: {
          slug: briefMatrixSlug(),
          title: 'Contribution à publier',
          status: 'IN_REVIEW',
          createdById: fixture.author.id,
          updatedById: fixture.author.id,
          consultations: { create: [{ consultationId: fixture.consultationId }] },
          sections: {
            create: [
              {
                position: 0,
                title: 'Section',
                // Every synthesis paragraph links to a source, or publication is refused.
                synthesis: 'Les participants demandent une **tarification solidaire** [1].',
                citations: { create: [{ position: 0, proposalId: fixture.proposalId }] },
              },
            ],
          },
        },
      });
      return {
        query: `mutation ($input: BriefTransitionInput!) { publishBrief(input: $input) { id publishedVersion } }`,
        variables: { input: { briefId: brief.id, expectedRevision: 1 } },
      };
    },
  },
  // Participation dashboard (issue 6): public with small cells suppressed, exact for curators.
  participationDashboard: {
    allowed: CALLERS,
    call: async (fixture) => ({
      query: `query ($id: ID) { participationDashboard(consultationId: $id) { totals { participants } } }`,
      variables: { id: fixture.consultationId },
    }),
  },
  curatorDashboard: {
    allowed: CURATORS,
    call: async (fixture) => ({
      query: `query ($id: ID) { curatorDashboard(consultationId: $id) { totals { participants } } }`,
      variables: { id: fixture.consultationId },
    }),
  },
};

describe('permission matrix of moderation and administration', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function fixture(): Promise<Fixture> {
    const consultation = await createConsultation();
    const author = await createUser();
    const proposal = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const other = await createProposal({
      consultationId: consultation.id,
      authorId: (await createUser()).id,
    });
    return {
      author,
      consultationId: consultation.id,
      proposalId: proposal.id,
      otherProposalId: other.id,
    };
  }

  async function tokenOf(caller: Caller, data: Fixture): Promise<string | undefined> {
    switch (caller) {
      case 'anonymous':
        return undefined;
      case 'author':
        return api.tokenFor(data.author);
      case 'participant':
        return api.tokenFor(await createUser());
      default:
        return api.tokenFor(await createUser({ role: caller.toUpperCase() as 'ADMIN' }));
    }
  }

  const cases = Object.entries(POLICY).flatMap(([name, operation]) =>
    CALLERS.map((caller) => ({ name, caller, operation })),
  );

  it.each(cases)('$name as $caller', async ({ name, caller, operation }) => {
    const data = await fixture();
    const { query, variables } = await operation.call(data, api);
    const result = await api.gql(query, variables, { token: await tokenOf(caller, data) });
    if (operation.allowed.includes(caller)) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.[name]).toBeDefined();
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe(
        caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      );
      expect(result.data?.[name] ?? null).toBeNull();
    }
  });

  it('declares a policy for every moderation and administration operation of the schema', async () => {
    const { data } = await api.gql<{
      __schema: {
        queryType: { fields: { name: string }[] };
        mutationType: { fields: { name: string }[] };
      };
    }>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    const names = [
      ...(data?.__schema.queryType.fields ?? []),
      ...(data?.__schema.mutationType.fields ?? []),
    ].map((field) => field.name);
    const governed =
      /^(report|hide|restore|dismiss|moderation|audit|answer|suspend|reinstate|merge|undoMerge|createConsultation|updateConsultation|changeUserRole|users$|myNotifications|myNotificationPreferences|updateNotificationPreferences|markNotifications|briefs$|briefDraft|createBrief|updateBrief|submitBrief|returnBrief|publishBrief|participationDashboard|curatorDashboard|resendVerification|outbox)/;
    const undeclared = names.filter((name) => governed.test(name) && !(name in POLICY));
    expect(undeclared).toEqual([]);
    expect(names.length).toBeGreaterThan(20);
  });
});
