// Attack suite: mass assignment. Every mutation input is a closed GraphQL input type: a key the
// type does not declare (author, status, counters, role, trust or verification dates…) is refused
// by GraphQL validation, as a variable or inline, and nothing is written. The schema itself is
// checked: no mutation input (nested ones included) declares such a field, except the few that
// are the very purpose of an authorised mutation (listed below, covered by the authorisation
// matrix). The API's only REST endpoints that take a body (none take JSON) are checked too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildSchema,
  getNamedType,
  type GraphQLInputObjectType,
  type GraphQLSchema,
  isInputObjectType,
} from 'graphql';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  TERRITORIES,
  uniqueKey,
} from '../factories';
import { SIGN_UP } from '../integration/support/operations';
import { CREATE_ORGANISATION } from '../integration/support/organisations';
import { COMMENT, proposalInput, SUBMIT } from '../integration/support/trust';
import {
  dataOf,
  type GqlResult,
  startTestApp,
  type TestApp,
} from '../integration/support/test-app';

/** Fields a client must never set through an input (server-owned or privileged). */
const FORBIDDEN =
  /^(id|author|authorId|user|userId|owner|ownerId|createdBy|createdById|status|role|memberRole|votesFor|votesAgainst|votesNeutral|votesCount|commentsCount|followersCount|upvotes|broadSupport|trustedAt|emailVerifiedAt|verifiedAt|termsAcceptedAt|createdAt|updatedAt|publishedAt|deletedAt|hiddenAt|erasedAt|suspendedAt|suspendedUntil|passwordHash|isAdmin|isHidden|awaitingReview|version|revision|publishedVersion)$/;

/** Inputs whose privileged field is the point of the mutation, checked by authorisation. */
const ALLOWED = new Set([
  'AnswerProposalInput.status', // curators answer a proposal (accepted, rejected…)
  'ChangeUserRoleInput.role', // administrators
  'ChangeUserRoleInput.userId',
  'InviteOrganisationMemberInput.role', // organisation administrators
  'RemoveOrganisationMemberInput.userId', // organisation administrators
  'SuspendUserInput.userId', // moderators
  'ReinstateUserInput.userId', // moderators
  'ConsultationModeratorInput.userId', // administrators name a consultation's local moderators
  'RecordExperimentInput.status', // an experiment's own stage (running, ended), set by its members
  'UpdateExperimentInput.status',
  'InviteCoAuthorInput.userId', // the proposal's author names whom they invite to co-author it
  'RemoveCoAuthorInput.userId', // the author removes a co-author; a co-author only themself
]);

function mutationInputs(schema: GraphQLSchema): GraphQLInputObjectType[] {
  const found = new Map<string, GraphQLInputObjectType>();
  const visit = (type: GraphQLInputObjectType) => {
    if (found.has(type.name)) return;
    found.set(type.name, type);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named)) visit(named);
    }
  };
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) visit(named);
    }
  }
  return [...found.values()];
}

/** A GraphQL literal for a JSON value (object keys unquoted, enum-like strings kept quoted). */
function literal(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, inner]) => `${key}: ${literal(inner)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

const codeOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.code;

describe('mass assignment', () => {
  let api: TestApp;
  let author: CreatedUser;
  let token: string;
  let consultationId: string;

  beforeAll(async () => {
    api = await startTestApp();
    author = await createUser();
    token = await api.tokenFor(author);
    consultationId = (await createConsultation()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  describe('the schema', () => {
    const schema = buildSchema(
      fs.readFileSync(path.join(__dirname, '../../apps/api/schema.graphql'), 'utf8'),
    );
    const inputs = mutationInputs(schema);

    it('reaches the inputs of every mutation, nested ones included (control)', () => {
      const names = inputs.map((type) => type.name);
      expect(names).toEqual(
        expect.arrayContaining(['SubmitProposalInput', 'SignUpInput', 'UpdateProposalInput']),
      );
      expect(names.length).toBeGreaterThan(20);
    });

    it('declares no server-owned or privileged field in any mutation input', () => {
      const offending = inputs.flatMap((type) =>
        Object.keys(type.getFields())
          .filter((field) => FORBIDDEN.test(field))
          .map((field) => `${type.name}.${field}`)
          .filter((name) => !ALLOWED.has(name)),
      );
      expect(offending).toEqual([]);
    });

    it('still has every allowed exception (the list stays honest)', () => {
      const present = new Set(
        inputs.flatMap((type) => Object.keys(type.getFields()).map((f) => `${type.name}.${f}`)),
      );
      expect([...ALLOWED].filter((name) => !present.has(name))).toEqual([]);
    });
  });

  describe('submitProposal', () => {
    it('creates a proposal from a valid input (control)', async () => {
      const input = await proposalInput(consultationId, `Contrôle ${uniqueKey('p')}`);
      const result = await api.gql<{ submitProposal: { id: string } }>(
        SUBMIT,
        { input },
        { token },
      );
      expect(dataOf(result).submitProposal.id).toEqual(expect.any(String));
    });

    it.each([
      ['authorId', () => 'ffffffff-ffff-4fff-8fff-ffffffffffff'],
      ['author', () => ({ id: 'ffffffff-ffff-4fff-8fff-ffffffffffff' })],
      ['status', () => 'ACCEPTED'],
      ['votesFor', () => 1000],
      ['commentsCount', () => 1000],
      ['publishedAt', () => '2020-01-01T00:00:00Z'],
      ['hiddenAt', () => null],
      ['version', () => 42],
    ])('refuses an extra %s (variable and inline) and creates nothing', async (key, value) => {
      const title = `Assignation ${uniqueKey('p')}`;
      const input = { ...(await proposalInput(consultationId, title)), [key]: value() };
      const asVariable = await api.gql(SUBMIT, { input }, { token });
      expect(codeOf(asVariable)).toBe('BAD_USER_INPUT');
      expect(asVariable.errors?.[0]?.message).toContain(key);
      const inline = await api.gql(
        `mutation { submitProposal(input: { consultationId: "${consultationId}", title: "${title}", ${key}: ${literal(value())} }) { id } }`,
        {},
        { token },
      );
      expect(codeOf(inline)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await factoryPrisma().proposal.count({ where: { title } })).toBe(0);
    });
  });

  describe('updateProposal', () => {
    it('refuses status, author and counters, and changes nothing', async () => {
      const proposal = await createProposal({ consultationId, authorId: author.id });
      const before = await factoryPrisma().proposal.findUniqueOrThrow({
        where: { id: proposal.id },
      });
      const other = await createUser();
      for (const [key, value] of [
        ['status', 'ACCEPTED'],
        ['authorId', other.id],
        ['votesFor', 999],
        ['commentsCount', 999],
      ] as const) {
        const result = await api.gql(
          `mutation ($input: UpdateProposalInput!) { updateProposal(input: $input) { id } }`,
          {
            input: {
              proposalId: proposal.id,
              expectedVersion: before.version,
              title: 'Un titre modifié par une attaque',
              [key]: value,
            },
          },
          { token },
        );
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
      }
      const after = await factoryPrisma().proposal.findUniqueOrThrow({
        where: { id: proposal.id },
      });
      expect(after).toEqual(before);
    });
  });

  describe('addComment', () => {
    it('refuses authorId, upvotes and hiddenAt, and writes no comment', async () => {
      const proposal = await createProposal({ consultationId, authorId: author.id });
      const other = await createUser();
      for (const [key, value] of [
        ['authorId', other.id],
        ['upvotes', 50],
        ['hiddenAt', null],
        ['awaitingReview', false],
      ] as const) {
        const result = await api.gql(
          COMMENT,
          { input: { proposalId: proposal.id, body: 'Un commentaire', [key]: value } },
          { token },
        );
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
      }
      expect(await factoryPrisma().comment.count({ where: { proposalId: proposal.id } })).toBe(0);
    });
  });

  describe('signUp', () => {
    it.each([
      ['role', 'ADMIN'],
      ['emailVerifiedAt', '2020-01-01T00:00:00Z'],
      ['trustedAt', '2020-01-01T00:00:00Z'],
      ['passwordHash', '$argon2id$forged'],
      ['id', 'ffffffff-ffff-4fff-8fff-ffffffffffff'],
    ])('refuses %s and creates no account', async (key, value) => {
      const email = `${uniqueKey('mass')}@example.org`;
      const result = await api.gql(SIGN_UP, {
        input: {
          email,
          password: 'a long enough password',
          displayName: 'Camille Attaque',
          actorType: 'CITIZEN',
          territoryId: TERRITORIES.paris,
          acceptTerms: true,
          [key]: value,
        },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(await factoryPrisma().user.count({ where: { email } })).toBe(0);
    });
  });

  describe('createOrganisation', () => {
    it('refuses a membership role, an owner or a verification date, and creates nothing', async () => {
      for (const [key, value] of [
        ['role', 'ADMIN'],
        ['memberRole', 'ADMIN'],
        ['ownerId', author.id],
        ['verifiedAt', '2020-01-01T00:00:00Z'],
      ] as const) {
        const name = `Association ${uniqueKey('o')}`;
        const result = await api.gql(
          CREATE_ORGANISATION,
          {
            input: {
              name,
              actorType: 'ASSOCIATION',
              territoryId: TERRITORIES.paris,
              [key]: value,
            },
          },
          { token },
        );
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(await factoryPrisma().organisation.count({ where: { name } })).toBe(0);
      }
    });
  });

  describe('changeUserRole', () => {
    it('is refused to a participant trying to promote themselves', async () => {
      const result = await api.gql(
        `mutation ($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { id } }`,
        { input: { userId: author.id, role: 'ADMIN' } },
        { token },
      );
      expect(result.errors?.[0]?.extensions?.reason).toBe('NOT_ALLOWED');
      const stored = await factoryPrisma().user.findUniqueOrThrow({ where: { id: author.id } });
      expect(stored.role).toBe('PARTICIPANT');
    });
  });

  describe('REST', () => {
    it('the one-click unsubscribe POST ignores a JSON body (its token decides, nothing else)', async () => {
      const response = await api.http
        .post('/api/email/unsubscribe')
        .set('Content-Type', 'application/json')
        .send({ userId: author.id, scope: 'all', role: 'ADMIN' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ outcome: 'invalid' });
      const stored = await factoryPrisma().user.findUniqueOrThrow({ where: { id: author.id } });
      expect(stored.role).toBe('PARTICIPANT');
    });
  });
});
