// Demo data for amendments and co-authoring (issue 11): on three demo proposals of the national
// consultation, an amendment still open to votes (on a proposal of the demo participant, who may
// decide it), one accepted by the proposal's author — applied as revision 2, credited to its
// author, who then accepted to co-author the proposal — and one rejected with its reason.
// Idempotent (skipped when the first amendment exists) and deterministic (demoId keys, dates
// derived from the proposals').
import { renderMarkdown } from '../../apps/api/src/common/markdown/markdown';
import type { Prisma, PrismaClient } from '../../apps/api/src/generated/prisma/client';
import { DEMO_PROPOSALS } from './demo-content';

type DemoId = (key: string) => string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Texts {
  title: string;
  summary: string;
  body: string;
}

/** The demo proposal's text as written, to derive the amended texts from exact sentences. */
function demoProposal(key: string) {
  const proposal = DEMO_PROPOSALS.find((p) => p.key === key);
  if (!proposal) throw new Error(`Demo amendments need the demo proposal "${key}"`);
  return proposal;
}

/** Replaces one exact passage, failing loudly if the demo text no longer contains it. */
function replaced(text: string, passage: string, by: string): string {
  if (!text.includes(passage)) throw new Error(`Demo amendment: passage not found: ${passage}`);
  return text.replace(passage, by);
}

const REPAIR = demoProposal('repair-cafes-mediatheques');
const LIGHTING = demoProposal('sobriete-eclairage-public');
const DEPOSIT = demoProposal('consigne-verre-regionale');

interface DemoAmendment {
  key: string;
  proposal: string;
  author: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  amend: (current: Texts) => Texts;
  reason: string;
  votes: { voter: string; value: 'FOR' | 'AGAINST' }[];
  /** Decided by the proposal's author, with a reason when one was given. */
  decisionReason?: string;
}

const AMENDMENTS: readonly DemoAmendment[] = [
  {
    key: 'eclairage-bilan-habitants',
    proposal: LIGHTING.key,
    author: 'yann',
    status: 'ACCEPTED',
    amend: (current) => ({
      title: current.title,
      summary: replaced(
        current.summary,
        'là où c’est possible : des économies immédiates et un bénéfice pour la biodiversité.',
        'là où c’est possible, après concertation avec les habitants : des économies immédiates, un bénéfice pour la biodiversité et un ciel nocturne retrouvé.',
      ),
      body: replaced(
        current.body,
        `- ${LIGHTING.propositions[1]}`,
        `- ${LIGHTING.propositions[1]}\n- Publier un bilan partagé avec les habitants après un an d’extinction, quartier par quartier (consommation, sécurité, faune nocturne).`,
      ),
    }),
    reason:
      'Un bilan public, construit avec les habitants, répond aux inquiétudes sur la sécurité et aide les communes voisines à se lancer à leur tour.',
    votes: [
      { voter: 'claire', value: 'FOR' },
      { voter: 'lucie', value: 'FOR' },
      { voter: 'hugo', value: 'FOR' },
    ],
  },
  {
    key: 'reparation-ressourceries',
    proposal: REPAIR.key,
    author: 'jeanne',
    status: 'PENDING',
    amend: (current) => ({
      title:
        'Des ateliers de réparation et des ressourceries dans les médiathèques et les maisons de quartier',
      summary: current.summary,
      body: replaced(
        current.body,
        REPAIR.propositions[1],
        'Financer une « outilthèque » partagée par quartier, ouverte aux ressourceries et aux recycleries de l’économie sociale et solidaire.',
      ),
    }),
    reason:
      'Les ressourceries de l’ESS collectent déjà les objets à réparer : les associer aux ateliers donne une seconde vie aux pièces détachées et crée des emplois d’insertion.',
    votes: [
      { voter: 'lucie', value: 'FOR' },
      { voter: 'thomas', value: 'FOR' },
      { voter: 'amina', value: 'FOR' },
      { voter: 'hugo', value: 'FOR' },
      { voter: 'marc', value: 'AGAINST' },
    ],
  },
  {
    key: 'consigne-obligation-distribution',
    proposal: DEPOSIT.key,
    author: 'pierre',
    status: 'REJECTED',
    amend: (current) => ({
      title: current.title,
      summary: current.summary,
      body: replaced(
        current.body,
        DEPOSIT.propositions[2],
        'Obliger la grande distribution à reprendre les contenants consignés dès 2027.',
      ),
    }),
    reason:
      'Sans obligation, la grande distribution ne suivra pas : l’engagement volontaire des enseignes a déjà montré ses limites.',
    votes: [
      { voter: 'elise', value: 'FOR' },
      { voter: 'karim', value: 'AGAINST' },
      { voter: 'maite', value: 'AGAINST' },
    ],
    decisionReason:
      'Une obligation relève de la loi, pas d’une filière régionale : nous gardons ici une démarche volontaire, et l’obligation mérite une proposition à part.',
  },
];

export async function seedDemoAmendments(
  prisma: PrismaClient,
  demoId: DemoId,
  { now = new Date(), log = console.log }: { now?: Date; log?: (line: string) => void } = {},
): Promise<void> {
  const started = performance.now();
  const amendmentId = (key: string) => demoId(`amendment:${key}`);
  if (
    await prisma.amendment.findUnique({
      where: { id: amendmentId(AMENDMENTS[0].key) },
      select: { id: true },
    })
  ) {
    log('Demo amendments present');
    return;
  }
  const userId = (key: string) => demoId(`user:${key}`);
  const proposalIds = AMENDMENTS.map((a) => demoId(`proposal:${a.proposal}`));
  const proposals = await prisma.proposal.findMany({
    where: { id: { in: proposalIds } },
    select: {
      id: true,
      authorId: true,
      title: true,
      summary: true,
      body: true,
      status: true,
      version: true,
      experiment: true,
      measuredImpact: true,
      createdAt: true,
    },
  });
  // A database where these proposals were edited or moved on since the demo was written: the
  // amendments would not apply to their texts, so none is added.
  const untouched = proposals.filter((p) => p.version === 1 && p.status === 'PUBLISHED');
  if (untouched.length !== AMENDMENTS.length) {
    log('Demo amendments skipped: their proposals changed since the demo was seeded');
    return;
  }
  const proposalOf = (key: string) => {
    const found = proposals.find((p) => p.id === demoId(`proposal:${key}`));
    if (!found) throw new Error(`Missing demo proposal "${key}"`);
    return found;
  };
  /** `days` after `from`, but always in the past. */
  const after = (from: Date, days: number) =>
    new Date(Math.min(from.getTime() + days * DAY, now.getTime() - HOUR));

  const amendments: Prisma.AmendmentCreateManyInput[] = [];
  const votes: Prisma.AmendmentVoteCreateManyInput[] = [];
  let applied: {
    proposal: ReturnType<typeof proposalOf>;
    texts: Texts;
    amendmentId: string;
    authorId: string;
    decidedAt: Date;
  } | null = null;

  for (const a of AMENDMENTS) {
    const proposal = proposalOf(a.proposal);
    const texts = a.amend(proposal);
    const id = amendmentId(a.key);
    const createdAt = after(proposal.createdAt, 1);
    const decidedAt = a.status === 'PENDING' ? null : after(proposal.createdAt, 3);
    amendments.push({
      id,
      proposalId: proposal.id,
      authorId: userId(a.author),
      baseVersion: 1,
      ...texts,
      reason: a.reason,
      status: a.status,
      votesFor: a.votes.filter((v) => v.value === 'FOR').length,
      votesAgainst: a.votes.filter((v) => v.value === 'AGAINST').length,
      decidedAt,
      decidedById: decidedAt ? proposal.authorId : null,
      decisionReason: a.decisionReason ?? null,
      createdAt,
      updatedAt: decidedAt ?? createdAt,
    });
    a.votes.forEach((vote, index) => {
      const at = after(createdAt, (index + 1) / 8);
      votes.push({
        amendmentId: id,
        userId: userId(vote.voter),
        value: vote.value,
        createdAt: at,
        updatedAt: at,
      });
    });
    if (a.status === 'ACCEPTED' && decidedAt) {
      applied = { proposal, texts, amendmentId: id, authorId: userId(a.author), decidedAt };
    }
  }
  if (!applied) throw new Error('The demo amendments need an accepted one');
  const accepted = applied;

  await prisma.$transaction(async (tx) => {
    await tx.amendment.createMany({ data: amendments });
    await tx.amendmentVote.createMany({ data: votes });
    // The accepted amendment is the proposal's revision 2, made by its author on deciding.
    const bodyHtml = renderMarkdown(accepted.texts.body);
    const updated = await tx.proposal.updateMany({
      where: { id: accepted.proposal.id, version: 1 },
      data: { ...accepted.texts, bodyHtml, version: 2, updatedAt: accepted.decidedAt },
    });
    if (updated.count !== 1) throw new Error('Demo amendments: the proposal changed meanwhile');
    await tx.proposalRevision.create({
      data: {
        id: demoId(`revision:${LIGHTING.key}:2`),
        proposalId: accepted.proposal.id,
        version: 2,
        ...accepted.texts,
        bodyHtml,
        experiment: accepted.proposal.experiment,
        measuredImpact: accepted.proposal.measuredImpact,
        editorId: accepted.proposal.authorId,
        amendmentId: accepted.amendmentId,
        createdAt: accepted.decidedAt,
      },
    });
    // Invited to co-author on acceptance; accepted an hour later.
    await tx.proposalCoAuthor.create({
      data: {
        proposalId: accepted.proposal.id,
        userId: accepted.authorId,
        invitedById: accepted.proposal.authorId,
        status: 'ACCEPTED',
        amendmentId: accepted.amendmentId,
        invitedAt: accepted.decidedAt,
        answeredAt: new Date(Math.min(accepted.decidedAt.getTime() + HOUR, now.getTime())),
      },
    });
  });
  log(
    `Demo amendments: ${amendments.length} amendments, ${votes.length} votes, 1 co-author, ${Math.round(performance.now() - started)} ms`,
  );
}
