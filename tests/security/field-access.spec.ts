import { closeFactories, factoryPrisma } from '../factories';
import { dataOf, startTestApp, type TestApp } from '../integration/support/test-app';
import { rootFieldsReaching, typesWithField } from './support/matrix-schema';
import { plantSecrets, type SecretsFixture } from './support/matrix-secrets';
import { CALLERS, type Caller, createWorld, type MatrixWorld } from './support/matrix-world';

/**
 * Field-level access: e-mail addresses, per-user votes and opinion groups, and moderation data
 * (reports and who filed them, hidden and held content, suspension reasons, moderators' reasons,
 * the audit log and the outbox) are readable only by those who may, whatever path of the schema
 * reaches them. The schema half walks apps/api/schema.graphql; the data half plants unique
 * strings and reads every path as each caller.
 */

const STAFF_DECISIONS = [
  'Mutation.dismissReports',
  'Mutation.hideContent',
  'Mutation.restoreContent',
  'Query.moderationQueue',
];

/** Types holding private data, and the only root fields a response may reach them from. */
const PRIVATE_TYPES: Record<string, string[]> = {
  // The account itself: its own (me, its credentials, its e-mailed token) or administrators'.
  User: [
    'Mutation.changePassword',
    'Mutation.changeUserRole',
    'Mutation.refreshSession',
    'Mutation.signIn',
    'Mutation.signUp',
    'Mutation.verifyEmail',
    'Query.me',
    'Query.users',
  ],
  EmailMessage: ['Query.outbox'],
  // A report is shown to moderators, and to its reporter when filed.
  Report: [...STAFF_DECISIONS, 'Mutation.reportContent'],
  ModerationItem: STAFF_DECISIONS,
  ModerationUser: [...STAFF_DECISIONS, 'Mutation.reinstateUser', 'Mutation.suspendUser'],
  AuthorHistory: [...STAFF_DECISIONS, 'Mutation.reinstateUser', 'Mutation.suspendUser'],
  AuditLogEntry: ['Query.auditLog'],
  // IP addresses and browsers of sign-ins.
  AuthEvent: ['Query.authEvents'],
  Brief: [
    'Mutation.createBrief',
    'Mutation.returnBriefToDraft',
    'Mutation.submitBriefForReview',
    'Mutation.updateBrief',
    'Query.briefDraft',
    'Query.briefs',
  ],
};

/** Fields carrying private data, and the only types that may declare them. */
const PRIVATE_FIELDS: Record<string, string[]> = {
  email: ['User'],
  toAddress: ['EmailMessage'],
  suspensionReason: ['ModerationUser', 'User'],
  details: ['Report'],
  ip: ['AuthEvent'],
  userAgent: ['AuthEvent'],
  reporter: ['Report'],
  myVote: ['Proposal'],
  myGroup: ['ConsultationOpinionGroups'],
};

describe('field-level access', () => {
  describe('in the schema', () => {
    const reaching = rootFieldsReaching();

    it.each(Object.entries(PRIVATE_TYPES))(
      '%s is reachable only from its declared root fields',
      (type, allowed) => {
        expect([...(reaching.get(type) ?? [])].sort()).toEqual([...allowed].sort());
      },
    );

    it.each(Object.entries(PRIVATE_FIELDS))('only %s types declare it', (field, types) => {
      expect(typesWithField(field)).toEqual(types);
    });

    it('gives the public view of an account (Participant) no e-mail, role or suspension', () => {
      expect(typesWithField('displayName')).toContain('Participant');
      for (const field of ['email', 'role', 'suspensionReason', 'suspendedUntil', 'votes']) {
        expect(typesWithField(field)).not.toContain('Participant');
      }
    });
  });

  describe('in responses', () => {
    let api: TestApp;
    let world: MatrixWorld;
    let fixture: SecretsFixture;

    beforeAll(async () => {
      api = await startTestApp();
      world = await createWorld(api);
      fixture = await plantSecrets(world);
    });
    afterAll(async () => {
      await api.close();
      await closeFactories();
    });

    it.each(CALLERS)(
      'as %s, every path shows exactly the private data the caller may read',
      async (caller) => {
        const texts = await Promise.all(
          fixture.probes.map(async (probe) => {
            const result = await api.gql(probe.query, probe.variables, {
              token: world.tokenOf(caller),
            });
            // A probe that does not even validate would read nothing and prove nothing.
            const invalid = (result.errors ?? []).filter(
              (error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED',
            );
            expect({ probe: probe.name, invalid }).toEqual({ probe: probe.name, invalid: [] });
            return { probe: probe.name, text: result.text };
          }),
        );
        const mismatches = fixture.secrets.flatMap((secret) => {
          const via = texts.filter(({ text }) => text.includes(secret.value)).map((t) => t.probe);
          const allowed = secret.readableBy.includes(caller);
          if (!allowed && via.length > 0) return [`${secret.name} leaked via ${via.join(', ')}`];
          if (allowed && via.length === 0) return [`${secret.name} not readable`];
          return [];
        });
        expect(mismatches).toEqual([]);
      },
    );

    const VOTES = `query ($id: ID!, $consultationId: ID) {
      proposal(id: $id) { id myVote }
      proposals(first: 50, filter: { consultationId: $consultationId }) { edges { node { id myVote } } }
    }`;

    it.each(CALLERS)("as %s, reads the owner's vote only when the owner", async (caller) => {
      const result = dataOf(
        await api.gql<{
          proposal: { myVote: string | null };
          proposals: { edges: { node: { id: string; myVote: string | null } }[] };
        }>(
          VOTES,
          { id: fixture.votedProposalId, consultationId: world.read.votingConsultation.id },
          { token: world.tokenOf(caller) },
        ),
      );
      const expected = caller === 'owner' ? 'FOR' : null;
      expect(result.proposal.myVote).toBe(expected);
      const listed = result.proposals.edges.find((e) => e.node.id === fixture.votedProposalId);
      expect(listed?.node.myVote).toBe(expected);
    });

    it("gives administrators no one's votes or comments through the account list", async () => {
      const result = dataOf(
        await api.gql<{
          users: {
            edges: {
              node: { id: string; votes: { totalCount: number }; comments: { totalCount: number } };
            }[];
          };
        }>(
          `query ($search: String) { users(first: 5, search: $search) { edges { node {
            id votes { totalCount edges { node { value } } } comments { totalCount } } } } }`,
          { search: world.users.owner.email },
          { token: world.tokens.admin },
        ),
      );
      const owner = result.users.edges.find((edge) => edge.node.id === world.users.owner.id);
      expect(owner?.node.votes.totalCount).toBe(0);
      expect(owner?.node.comments.totalCount).toBe(0);
      // The owner does have them: the account list hides them, they exist.
      const own = dataOf(
        await api.gql<{ me: { votes: { totalCount: number }; comments: { totalCount: number } } }>(
          `{ me { votes { totalCount } comments { totalCount } } }`,
          {},
          { token: world.tokens.owner },
        ),
      );
      expect(own.me.votes.totalCount).toBeGreaterThan(0);
      expect(own.me.comments.totalCount).toBeGreaterThan(0);
    });

    describe('opinion groups', () => {
      const GROUPS = `query ($slug: String!) { consultation(slug: $slug) { opinionGroups {
        groups { groupId label } myGroup { groupId label } } } }`;
      const membership: Partial<Record<Caller, number>> = { owner: 0, other: 1 };

      beforeAll(async () => {
        const consultationId = world.read.votingConsultation.id;
        const prisma = factoryPrisma();
        await prisma.opinionGroupRun.create({
          data: {
            consultationId,
            votesCount: 10,
            groupCount: 2,
            silhouette: 0.5,
            participantsClustered: 2,
            proposalsMapped: 2,
            explainedVariance: [0.6, 0.3],
            groups: {
              create: [
                { groupId: 0, label: 'A', size: 1, totalSize: 1 },
                { groupId: 1, label: 'B', size: 1, totalSize: 1 },
              ],
            },
          },
        });
        await prisma.opinionGroupMember.createMany({
          data: [
            { consultationId, userId: world.users.owner.id, groupId: 0, isClustered: true },
            { consultationId, userId: world.users.other.id, groupId: 1, isClustered: true },
          ],
        });
      });

      it.each(CALLERS)('as %s, myGroup is the own group only', async (caller) => {
        const result = dataOf(
          await api.gql<{
            consultation: {
              opinionGroups: { groups: unknown[]; myGroup: { groupId: number } | null };
            };
          }>(
            GROUPS,
            { slug: world.read.votingConsultation.slug },
            { token: world.tokenOf(caller) },
          ),
        );
        expect(result.consultation.opinionGroups.groups).toHaveLength(2);
        const own = membership[caller];
        expect(result.consultation.opinionGroups.myGroup?.groupId ?? null).toBe(own ?? null);
      });
    });
  });
});
