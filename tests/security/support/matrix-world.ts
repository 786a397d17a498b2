// The callers of the authorisation matrix and the data they act on: one account per caller and
// read-only fixtures created once per file (factories insert straight into the database), plus
// helpers creating fresh rows for the mutations that change them.
import { createHash, randomBytes } from 'node:crypto';
import {
  createBrief,
  createConsultation,
  createOrganisation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  PHASES,
  rewriteBrief,
  uniqueKey,
} from '../../factories';
import { dataOf, type TestApp } from '../../integration/support/test-app';

/**
 * Who calls: `owner` is the participant who wrote the content an operation acts on (proposal,
 * comment, vote, organisation, invitation), `other` a participant who did not.
 */
export type Caller = 'anonymous' | 'owner' | 'other' | 'moderator' | 'curator' | 'admin';
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

export const CALLERS: readonly Caller[] = [
  'anonymous',
  'owner',
  'other',
  'moderator',
  'curator',
  'admin',
];
export const EVERYONE: readonly Caller[] = CALLERS;
export const SIGNED_IN: readonly Caller[] = ['owner', 'other', 'moderator', 'curator', 'admin'];
export const STAFF: readonly Caller[] = ['moderator', 'admin'];
export const CURATORS: readonly Caller[] = ['curator', 'admin'];
export const ADMINS: readonly Caller[] = ['admin'];
export const OWNER: readonly Caller[] = ['owner'];

const ROLE_OF: Record<SignedInCaller, 'PARTICIPANT' | 'MODERATOR' | 'CURATOR' | 'ADMIN'> = {
  owner: 'PARTICIPANT',
  other: 'PARTICIPANT',
  moderator: 'MODERATOR',
  curator: 'CURATOR',
  admin: 'ADMIN',
};

/** Read-only data shared by every read operation (never changed by a test). */
export interface ReadFixtures {
  /** PROPOSING open. */
  consultation: { id: string; slug: string };
  /** PROPOSING over, VOTING open. */
  votingConsultation: { id: string; slug: string };
  /** Public, by the owner, in the voting consultation, with a comment of the owner. */
  proposalId: string;
  commentId: string;
  organisationId: string;
  clusterId: string;
  draftBriefId: string;
  /** Published twice (versions 1 and 2). */
  publishedBriefSlug: string;
}

export interface MatrixWorld {
  api: TestApp;
  users: Record<SignedInCaller, CreatedUser>;
  tokens: Record<SignedInCaller, string>;
  read: ReadFixtures;
  /** The id of a caller's account (undefined when anonymous). */
  idOf(caller: Caller): string | undefined;
  tokenOf(caller: Caller): string | undefined;
}

/** Sends a GraphQL request as an administrator and fails loudly when it does not succeed. */
export async function asAdmin<T>(
  world: Pick<MatrixWorld, 'api' | 'tokens'>,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return dataOf(await world.api.gql<T>(query, variables, { token: world.tokens.admin }));
}

const PUBLISH = `mutation ($input: BriefTransitionInput!) { publishBrief(input: $input) { id publishedVersion } }`;
const MERGE = `mutation ($input: MergeProposalsInput!) { mergeProposals(input: $input) { id } }`;

export async function createWorld(api: TestApp): Promise<MatrixWorld> {
  const entries = await Promise.all(
    (Object.keys(ROLE_OF) as SignedInCaller[]).map(
      async (caller) => [caller, await createUser({ role: ROLE_OF[caller] })] as const,
    ),
  );
  const users = Object.fromEntries(entries) as Record<SignedInCaller, CreatedUser>;
  const tokens = Object.fromEntries(
    await Promise.all(entries.map(async ([caller, user]) => [caller, await api.tokenFor(user)])),
  ) as Record<SignedInCaller, string>;
  const partial = { api, tokens };

  const consultation = await createConsultation();
  const votingConsultation = await createConsultation({ phases: PHASES.proposingClosed() });
  const proposal = await createProposal({
    consultationId: votingConsultation.id,
    authorId: users.owner.id,
  });
  const comment = await factoryPrisma().comment.create({
    data: { proposalId: proposal.id, authorId: users.owner.id, body: 'Un commentaire partagé.' },
  });
  const organisation = await createOrganisation({ memberIds: [users.owner.id] });

  const lead = await createProposal({
    consultationId: votingConsultation.id,
    authorId: users.owner.id,
  });
  const member = await createProposal({
    consultationId: votingConsultation.id,
    authorId: (await createUser()).id,
  });
  const cluster = await asAdmin<{ mergeProposals: { id: string } }>(partial, MERGE, {
    input: { leadProposalId: lead.id, proposalIds: [member.id], reason: 'Deux doublons' },
  });

  const draft = await createBrief({
    createdById: users.curator.id,
    consultationIds: [votingConsultation.id],
    status: 'DRAFT',
  });
  const published = await createBrief({
    createdById: users.curator.id,
    consultationIds: [votingConsultation.id],
    sections: [{ citations: [{ proposalId: proposal.id }] }],
  });
  await asAdmin(partial, PUBLISH, { input: { briefId: published.id, expectedRevision: 1 } });
  const revision = await rewriteBrief(published.id, {
    title: 'Contribution révisée',
    sections: [{ title: 'Section révisée', citations: [{ proposalId: proposal.id }] }],
  });
  await asAdmin(partial, PUBLISH, {
    input: { briefId: published.id, expectedRevision: revision },
  });

  return {
    api,
    users,
    tokens,
    read: {
      consultation,
      votingConsultation,
      proposalId: proposal.id,
      commentId: comment.id,
      organisationId: organisation.id,
      clusterId: cluster.mergeProposals.id,
      draftBriefId: draft.id,
      publishedBriefSlug: published.slug,
    },
    idOf: (caller) => (caller === 'anonymous' ? undefined : users[caller].id),
    tokenOf: (caller) => (caller === 'anonymous' ? undefined : tokens[caller]),
  };
}

/** A fresh public proposal of the owner (VOTING open unless `proposing`). */
export async function freshProposal(
  world: MatrixWorld,
  options: { proposing?: boolean; authorId?: string } = {},
): Promise<string> {
  const consultation = options.proposing ? world.read.consultation : world.read.votingConsultation;
  const proposal = await createProposal({
    consultationId: consultation.id,
    authorId: options.authorId ?? world.users.owner.id,
  });
  return proposal.id;
}

/** A fresh draft of the owner, in the consultation open to proposals (only the owner reads it). */
export async function freshDraft(world: MatrixWorld): Promise<string> {
  const proposal = await createProposal({
    consultationId: world.read.consultation.id,
    authorId: world.users.owner.id,
    status: 'DRAFT',
  });
  return proposal.id;
}

/** A fresh comment of the owner on a fresh public proposal. */
export async function freshComment(world: MatrixWorld): Promise<string> {
  const proposalId = await freshProposal(world, { authorId: (await createUser()).id });
  const comment = await factoryPrisma().comment.create({
    data: { proposalId, authorId: world.users.owner.id, body: 'Un commentaire à modifier.' },
  });
  return comment.id;
}

/** A single-use account token (as e-mailed) for a fresh account. */
export async function freshAccountToken(
  purpose: 'VERIFY_EMAIL' | 'PASSWORD_RESET',
): Promise<string> {
  const user = await createUser();
  const token = randomBytes(32).toString('base64url');
  await factoryPrisma().accountToken.create({
    data: {
      userId: user.id,
      purpose,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    },
  });
  return token;
}

/** A URL-safe unique slug. */
export function freshSlug(prefix: string): string {
  return uniqueKey(prefix)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}
