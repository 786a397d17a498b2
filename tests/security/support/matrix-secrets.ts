// Field-level fixtures: private strings (hidden and held content, report details, a reporter's
// name, a suspension reason, a moderator's reason, e-mail addresses) planted in the database,
// each with the callers allowed to read it, and probes that read every path of the schema that
// could carry them.
import { randomBytes } from 'node:crypto';
import { createBrief, createProposal, createUser, factoryPrisma } from '../../factories';
import { dataOf } from '../../integration/support/test-app';
import { type Caller, type MatrixWorld } from './matrix-world';

/** A lower-case word found nowhere else (so a substring search of a response finds only it). */
const secretWord = (label: string) => `${label}${randomBytes(5).toString('hex')}`;

export interface Secret {
  name: string;
  value: string;
  /** Exactly these callers must find it in what they can read (and nobody else). */
  readableBy: readonly Caller[];
}

export interface Probe {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface SecretsFixture {
  secrets: Secret[];
  probes: Probe[];
  /** A public proposal the owner voted FOR on. */
  votedProposalId: string;
}

const OWNER_AND_MODERATORS: readonly Caller[] = ['owner', 'moderator', 'admin'];
const MODERATORS: readonly Caller[] = ['moderator', 'admin'];

const REPORT = `mutation ($input: ReportContentInput!) { reportContent(input: $input) { id } }`;
const HIDE = `mutation ($input: ModerationDecisionInput!) { hideContent(input: $input) { targetId } }`;
const SUSPEND = `mutation ($input: SuspendUserInput!) { suspendUser(input: $input) { id } }`;
const MERGE = `mutation ($input: MergeProposalsInput!) { mergeProposals(input: $input) { id } }`;
const CAST_VOTE = `mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }`;

const PROPOSAL_TEXT = `id title summary body bodyHtml experiment measuredImpact officialAnswer
  author { id displayName } revisions { title summary body } statusHistory { reason }
  comments(first: 10) { edges { node { id body bodyHtml author { id displayName }
    replies { id body bodyHtml author { displayName } } } } }`;

export async function plantSecrets(world: MatrixWorld): Promise<SecretsFixture> {
  const { api, users, tokens } = world;
  const consultationId = world.read.votingConsultation.id;
  const words = {
    hidden: secretWord('masquee'),
    awaiting: secretWord('attente'),
    hiddenComment: secretWord('commentairemasque'),
    awaitingComment: secretWord('commentaireattente'),
    decision: secretWord('decision'),
    details: secretWord('signalement'),
    reporter: secretWord('signaleur'),
    suspension: secretWord('suspension'),
  };
  const prisma = factoryPrisma();

  // The owner's proposal, hidden by a moderator (whose reason goes to the owner and the log).
  const hidden = await createProposal({
    consultationId,
    authorId: users.owner.id,
    organisationId: world.read.organisationId,
    title: `Proposition ${words.hidden} sur les circuits courts`,
  });
  await prisma.proposal.update({
    where: { id: hidden.id },
    data: { body: `Un corps ${words.hidden} assez long pour être valide et cherché. `.repeat(2) },
  });
  // Before it was hidden: another participant voted on it, and it became the lead of a cluster.
  dataOf(
    await api.gql(
      CAST_VOTE,
      { input: { proposalId: hidden.id, value: 'AGAINST' } },
      { token: tokens.other },
    ),
  );
  const duplicate = await createProposal({ consultationId, authorId: (await createUser()).id });
  const cluster = dataOf(
    await api.gql<{ mergeProposals: { id: string } }>(
      MERGE,
      { input: { leadProposalId: hidden.id, proposalIds: [duplicate.id], reason: 'Doublons' } },
      { token: tokens.moderator },
    ),
  ).mergeProposals;
  dataOf(
    await api.gql(
      HIDE,
      {
        input: {
          targetType: 'PROPOSAL',
          targetId: hidden.id,
          reason: `Contraire à la charte ${words.decision}`,
        },
      },
      { token: tokens.moderator },
    ),
  );
  // The owner's proposal held by pre-moderation.
  const awaiting = await createProposal({
    consultationId,
    authorId: users.owner.id,
    organisationId: world.read.organisationId,
    title: `Proposition ${words.awaiting} en attente de relecture`,
  });
  await prisma.proposal.update({
    where: { id: awaiting.id },
    data: { hiddenAt: new Date(), awaitingReview: true },
  });

  // A public proposal with the owner's hidden and held comments, and a visible one.
  const author = await createUser();
  const publicProposal = await createProposal({ consultationId, authorId: author.id });
  const hiddenComment = await prisma.comment.create({
    data: {
      proposalId: publicProposal.id,
      authorId: users.owner.id,
      body: `Un avis ${words.hiddenComment}`,
      bodyHtml: `<p>Un avis ${words.hiddenComment}</p>`,
      hiddenAt: new Date(),
    },
  });
  await prisma.comment.create({
    data: {
      proposalId: publicProposal.id,
      authorId: users.owner.id,
      parentId: hiddenComment.id,
      body: `Une réponse ${words.awaitingComment}`,
      bodyHtml: `<p>Une réponse ${words.awaitingComment}</p>`,
      hiddenAt: new Date(),
      awaitingReview: true,
    },
  });
  await prisma.comment.create({
    data: { proposalId: publicProposal.id, authorId: users.other.id, body: 'Un avis visible.' },
  });

  // A reporter nobody else knows, reporting the public proposal and an account.
  const reporter = await createUser({ displayName: `Dominique ${words.reporter}` });
  const reporterToken = await api.tokenFor(reporter);
  dataOf(
    await api.gql(
      REPORT,
      {
        input: {
          targetType: 'PROPOSAL',
          targetId: publicProposal.id,
          reason: 'OTHER',
          details: `Des propos ${words.details}`,
        },
      },
      { token: reporterToken },
    ),
  );
  const suspended = await createUser();
  dataOf(
    await api.gql(
      REPORT,
      { input: { targetType: 'USER', targetId: suspended.id, reason: 'SPAM' } },
      { token: reporterToken },
    ),
  );
  dataOf(
    await api.gql(
      SUSPEND,
      { input: { userId: suspended.id, reason: `Messages répétés ${words.suspension}` } },
      { token: tokens.moderator },
    ),
  );
  await createProposal({ consultationId, authorId: suspended.id });

  // The owner's vote on the public proposal.
  dataOf(
    await api.gql(
      CAST_VOTE,
      { input: { proposalId: publicProposal.id, value: 'FOR' } },
      { token: tokens.owner },
    ),
  );

  // A working copy citing what was later hidden (curators are not moderators).
  const brief = await createBrief({
    createdById: users.curator.id,
    consultationIds: [consultationId],
    status: 'DRAFT',
    sections: [{ citations: [{ proposalId: hidden.id }, { commentId: hiddenComment.id }] }],
  });

  const secrets: Secret[] = [
    { name: 'hidden proposal', value: words.hidden, readableBy: OWNER_AND_MODERATORS },
    { name: 'proposal awaiting review', value: words.awaiting, readableBy: OWNER_AND_MODERATORS },
    { name: 'hidden comment', value: words.hiddenComment, readableBy: OWNER_AND_MODERATORS },
    {
      name: 'comment awaiting review',
      value: words.awaitingComment,
      readableBy: OWNER_AND_MODERATORS,
    },
    { name: "moderator's reason", value: words.decision, readableBy: OWNER_AND_MODERATORS },
    { name: 'report details', value: words.details, readableBy: MODERATORS },
    { name: "reporter's name", value: words.reporter, readableBy: MODERATORS },
    { name: "reporter's id", value: reporter.id, readableBy: MODERATORS },
    { name: 'suspension reason', value: words.suspension, readableBy: MODERATORS },
    { name: "owner's e-mail", value: users.owner.email, readableBy: ['owner', 'admin'] },
    { name: "other's e-mail", value: users.other.email, readableBy: ['other', 'admin'] },
    { name: "reporter's e-mail", value: reporter.email, readableBy: ['admin'] },
    { name: "suspended account's e-mail", value: suspended.email, readableBy: ['admin'] },
  ];

  const userSearch = (search: string): Probe => ({
    name: `users(search: ${search.slice(0, 12)}…)`,
    query: `query ($search: String) { users(first: 2, search: $search) { edges { node {
      id email displayName suspensionReason
      proposals(first: 10) { edges { node { title body } } }
      comments(first: 10) { edges { node { body } } } } } } }`,
    variables: { search },
  });

  const probes: Probe[] = [
    {
      name: 'proposal(hidden)',
      query: `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_TEXT} } }`,
      variables: { id: hidden.id },
    },
    {
      name: 'proposal(awaiting)',
      query: `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_TEXT} } }`,
      variables: { id: awaiting.id },
    },
    {
      name: 'proposal(public).comments',
      query: `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL_TEXT} } }`,
      variables: { id: publicProposal.id },
    },
    {
      name: 'proposals(consultation)',
      query: `query ($id: ID) { proposals(first: 50, filter: { consultationId: $id }) {
        edges { node { id title summary body author { displayName } } } } }`,
      variables: { id: consultationId },
    },
    {
      name: 'proposals(search)',
      query: `query ($search: String) { proposals(first: 50, search: $search) {
        edges { highlight { title { text } snippet { text } } node { title summary } } } }`,
      variables: { search: words.hidden },
    },
    {
      name: 'proposals(search held)',
      query: `query ($search: String) { proposals(first: 50, search: $search) {
        edges { highlight { title { text } snippet { text } } node { title summary } } } }`,
      variables: { search: words.awaiting },
    },
    {
      name: 'similarProposals',
      query: `query ($title: String!) { similarProposals(title: $title) { proposal { title summary } } }`,
      variables: { title: `Proposition ${words.hidden} sur les circuits courts` },
    },
    {
      name: 'organisation.proposals',
      query: `query ($id: ID!) { organisation(id: $id) { proposals(first: 50) { edges { node { title body } } }
        members { user { id displayName } } } }`,
      variables: { id: world.read.organisationId },
    },
    {
      name: 'me',
      query: `{ me { id email displayName suspensionReason
        proposals(first: 20) { edges { node { title body } } }
        comments(first: 20) { edges { node { body } } } } }`,
    },
    {
      name: 'me.votes',
      query: `{ me { votes(first: 50) { edges { node { proposal { title body } } } } } }`,
    },
    {
      name: 'proposalCluster',
      query: `query ($id: ID!) { proposalCluster(id: $id) { lead { title } members { title body } } }`,
      variables: { id: cluster.id },
    },
    {
      name: 'proposal.cluster',
      query: `query ($id: ID!) { proposal(id: $id) { cluster { members { title summary } } } }`,
      variables: { id: duplicate.id },
    },
    {
      name: 'myNotifications',
      query: `{ myNotifications(first: 50) { edges { node { title reason excerpt authorName
        proposal { title body } } } } }`,
    },
    {
      name: 'moderationQueue',
      query: `query ($id: ID) { moderationQueue(first: 50, consultationId: $id) { edges { node {
        proposal { title body } comment { body }
        reports { details reporter { id displayName } }
        author { displayName suspensionReason } } } } }`,
      variables: { id: consultationId },
    },
    {
      name: 'moderationQueue(USER)',
      query: `{ moderationQueue(first: 50, targetType: USER) { edges { node {
        user { id displayName } reports { details reporter { id displayName } }
        author { displayName suspensionReason } } } } }`,
    },
    {
      name: 'auditLog',
      query: `{ auditLog(first: 50) { edges { node { reason metadata actor { displayName } } } } }`,
    },
    {
      name: 'briefDraft citations',
      query: `query ($id: ID!) { briefDraft(id: $id) { sections { citations {
        proposal { title body } comment { body bodyHtml } sourceProposal { title } } } } }`,
      variables: { id: brief.id },
    },
    {
      name: 'briefs citations',
      query: `{ briefs { sections { citations { proposal { title } comment { body } } } } }`,
    },
    userSearch(users.owner.email),
    userSearch(users.other.email),
    userSearch(reporter.email),
    userSearch(suspended.email),
  ];

  return { secrets, probes, votedProposalId: publicProposal.id };
}
