// Demo data for local spaces (issue 10): a consultation carried by the demo PTCE in its territory,
// with its own proposals and votes, and a local moderator who moderates that consultation only.
// Idempotent (skipped when the local consultation exists) and deterministic (demoId keys, votes
// drawn from a seeded generator).
import * as argon2 from 'argon2';
import { renderMarkdown } from '../../apps/api/src/common/markdown/markdown';
import type {
  CompetentLevel,
  Lever,
  Prisma,
  PrismaClient,
} from '../../apps/api/src/generated/prisma/client';
import { TERMS_VERSION } from '../../libs/domain/src/privacy/privacy';
import { proposalScores } from '../../libs/domain/src/rankings/scores';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-content';

export const DEMO_LOCAL_CONSULTATION = {
  slug: 'espace-local-ptce-drome-cooperative',
  title: 'Vallée de la Drôme : nos coopérations pour la transition',
  description: [
    'L’espace local du PTCE Drôme Coopérative : habitants, associations, coopératives, entreprises et collectivités de la vallée y proposent ce qui, chez nous, ferait avancer la transition écologique et la coopération économique.',
    '',
    'Les propositions les plus soutenues ici pourront nourrir la contribution nationale, avec leur provenance et leurs votes locaux.',
  ].join('\n'),
} as const;

/** The local moderator: a demo account with the participant role, moderating the local space. */
export const DEMO_LOCAL_MODERATOR = {
  key: 'moderateur-local',
  email: 'moderateur-local@demo.passerelle.fr',
  displayName: 'Bruno Chabert',
  actorType: 'PTCE',
  commune: '26281',
} as const;

interface LocalProposal {
  key: string;
  author: string;
  title: string;
  summary: string;
  body: string;
  competentLevel: CompetentLevel;
  lever: Lever;
  themes: string[];
  /** Shares of FOR and AGAINST among the voters (the rest NEUTRAL). */
  support: [number, number];
}

const LOCAL_PROPOSALS: readonly LocalProposal[] = [
  {
    key: 'local-legumerie-cantines-vallee',
    author: 'karim',
    title: 'Une légumerie coopérative pour les cantines de la vallée',
    summary:
      'Laver, éplucher et découper les légumes des maraîchers de la vallée pour les cantines scolaires et les EHPAD, dans un atelier partagé.',
    body: '## Constat\n\nLes cantines de la vallée achètent des légumes déjà préparés, venus de loin, faute d’outil pour transformer les produits des maraîchers voisins.\n\n## Ce que nous proposons\n\n- Un atelier de légumerie porté par une SCIC associant maraîchers, communes et salariés en insertion.\n- Des contrats pluriannuels avec les cantines pour garantir les débouchés.\n\n## Mise en œuvre\n\nL’intercommunalité met un local à disposition ; le PTCE anime la SCIC la première année.',
    competentLevel: 'EPCI',
    lever: 'PUBLIC_PROCUREMENT',
    themes: ['transition-ecologique', 'cooperation-territoriale'],
    support: [0.82, 0.06],
  },
  {
    key: 'local-autopartage-rural',
    author: 'thomas',
    title: 'Un service d’autopartage coopératif dans les villages',
    summary:
      'Des voitures électriques partagées, réservables en ligne ou par téléphone, dans chaque village de plus de 500 habitants.',
    body: '## Constat\n\nDans la vallée, une voiture par adulte reste la règle : le car passe peu, et le covoiturage ne suffit pas pour les trajets du quotidien.\n\n## Ce que nous proposons\n\n- Deux véhicules partagés par village, gérés par une coopérative d’usagers.\n- Une réservation par téléphone pour les personnes sans internet.\n\n## Mise en œuvre\n\nLes communes fournissent les places et les bornes ; la coopérative gère les véhicules et l’assurance.',
    competentLevel: 'COMMUNE',
    lever: 'BUDGET',
    themes: ['transition-ecologique', 'economie-collaborative'],
    support: [0.64, 0.18],
  },
  {
    key: 'local-chaleur-bois-bocage',
    author: 'claire',
    title: 'Chauffer les écoles au bois du bocage, en circuit court',
    summary:
      'Une chaufferie collective alimentée par le bois d’entretien des haies, acheté aux agriculteurs de la vallée à un prix garanti.',
    body: '## Constat\n\nLes haies sont peu entretenues faute de revenu, et les écoles se chauffent au fioul.\n\n## Ce que nous proposons\n\n- Une chaufferie bois pour le groupe scolaire et la salle des fêtes.\n- Un prix garanti sur dix ans pour la plaquette issue des haies gérées durablement.\n\n## Mise en œuvre\n\nUne SCIC d’énergie porte l’investissement ; la commune signe un contrat de chaleur.',
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
    themes: ['energie-citoyenne', 'efficacite-energetique'],
    support: [0.71, 0.12],
  },
  {
    key: 'local-tiers-lieu-emploi',
    author: 'karim',
    title: 'Un tiers-lieu de l’emploi partagé entre associations et entreprises',
    summary:
      'Un groupement d’employeurs pour partager comptables, animateurs et techniciens entre petites structures de la vallée.',
    body: '## Constat\n\nLes petites associations et entreprises ont besoin de compétences à temps partiel qu’elles ne peuvent pas financer seules.\n\n## Ce que nous proposons\n\n- Un groupement d’employeurs multisectoriel, hébergé dans un tiers-lieu.\n- Des postes à temps plein partagés entre trois ou quatre structures.\n\n## Mise en œuvre\n\nLe département finance l’ingénierie de départ pendant trois ans.',
    competentLevel: 'DEPARTEMENT',
    lever: 'BUDGET',
    themes: ['nouvelles-formes-d-emploi', 'cooperation-territoriale'],
    support: [0.58, 0.2],
  },
  {
    key: 'local-budget-participatif-vallee',
    author: 'thomas',
    title: 'Un budget participatif intercommunal pour les projets de transition',
    summary:
      'Consacrer chaque année 5 % du budget d’investissement de l’intercommunalité à des projets proposés et votés par les habitants.',
    body: '## Constat\n\nLes habitants sont peu associés aux choix d’investissement de l’intercommunalité.\n\n## Ce que nous proposons\n\n- 5 % du budget d’investissement réservé aux projets des habitants.\n- Un vote ouvert dès 16 ans, en ligne et dans les mairies.\n\n## Mise en œuvre\n\nUne délibération du conseil communautaire et un comité de suivi tiré au sort.',
    competentLevel: 'EPCI',
    lever: 'BUDGET',
    themes: ['democratie-et-citoyennete', 'democratie-economique'],
    support: [0.48, 0.32],
  },
];

/** mulberry32, seeded: every install draws the same votes. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type VoteValue = 'FOR' | 'AGAINST' | 'NEUTRAL';

/**
 * Creates the local space unless it exists: the consultation (carried by the demo PTCE, in its
 * département when the reference data has it, else its commune), its phases (voting open), its
 * proposals with their votes, and the local moderator account with its consultation_moderators
 * row, in one transaction.
 */
export async function seedDemoLocal(
  prisma: PrismaClient,
  demoId: (key: string) => string,
  { now = new Date(), log = console.log }: { now?: Date; log?: (line: string) => void } = {},
): Promise<void> {
  const existing = await prisma.consultation.findUnique({
    where: { slug: DEMO_LOCAL_CONSULTATION.slug },
    select: { id: true },
  });
  if (existing) return;

  const ptce = DEMO_ORGANISATIONS.find((o) => o.key === 'ptce');
  if (!ptce) throw new Error('Demo local space needs the demo PTCE organisation');
  const organisationId = demoId(`organisation:${ptce.key}`);
  const departement = await prisma.territory.findUnique({
    where: { id: 'DEPARTEMENT-26' },
    select: { id: true },
  });
  const territoryId = departement?.id ?? `COMMUNE-${ptce.commune}`;
  const themes = await prisma.theme.findMany({ select: { id: true, slug: true } });
  const themeId = (slug: string) => {
    const theme = themes.find((t) => t.slug === slug);
    if (!theme) throw new Error(`Demo local space needs theme "${slug}"`);
    return theme.id;
  };

  const t0 = now.getTime();
  const random = seededRandom(20_261_127);
  const people = DEMO_PEOPLE.map((p) => ({ ...p, id: demoId(`user:${p.key}`) }));
  const personId = (key: string) => {
    const found = people.find((p) => p.key === key);
    if (!found) throw new Error(`Unknown demo person "${key}"`);
    return found.id;
  };
  const voters = people.filter((p) => p.role === 'PARTICIPANT');

  const consultationId = demoId(`consultation:${DEMO_LOCAL_CONSULTATION.slug}`);
  const phase = (
    kind: 'PROPOSING' | 'VOTING' | 'CURATING' | 'CLOSED',
    startDays: number,
    endDays: number | null,
  ) => ({
    id: demoId(`phase:${DEMO_LOCAL_CONSULTATION.slug}:${kind}`),
    consultationId,
    kind,
    startsAt: new Date(t0 + startDays * DAY),
    endsAt: endDays === null ? null : new Date(t0 + endDays * DAY),
  });
  // Proposals are closed, voting is open: the local space does not change the national
  // consultation's submission form.
  const phases = [
    phase('PROPOSING', -60, -20),
    phase('VOTING', -20, 40),
    phase('CURATING', 40, 70),
    phase('CLOSED', 70, null),
  ];

  const moderatorId = demoId(`user:${DEMO_LOCAL_MODERATOR.key}`);
  const proposals: Prisma.ProposalCreateManyInput[] = [];
  const proposalThemes: Prisma.ProposalThemeCreateManyInput[] = [];
  const revisions: Prisma.ProposalRevisionCreateManyInput[] = [];
  const statusChanges: Prisma.ProposalStatusChangeCreateManyInput[] = [];
  const votes: Prisma.VoteCreateManyInput[] = [];
  const collegeCounts: Prisma.ProposalCollegeCountCreateManyInput[] = [];

  LOCAL_PROPOSALS.forEach((p, index) => {
    const id = demoId(`proposal:${p.key}`);
    const authorId = personId(p.author);
    // Older than the national consultation's proposals: the lists' "newest" stays as it was.
    const createdAt = new Date(t0 - (58 - index * 2) * DAY);
    const counts: Record<VoteValue, number> = { FOR: 0, AGAINST: 0, NEUTRAL: 0 };
    const byCollege = new Map<string, Record<VoteValue, number>>();
    for (const voter of voters) {
      if (voter.key === p.author || random() > 0.8) continue;
      const roll = random();
      const value: VoteValue =
        roll < p.support[0] ? 'FOR' : roll < p.support[0] + p.support[1] ? 'AGAINST' : 'NEUTRAL';
      counts[value] += 1;
      const college = byCollege.get(voter.actorType) ?? { FOR: 0, AGAINST: 0, NEUTRAL: 0 };
      college[value] += 1;
      byCollege.set(voter.actorType, college);
      const votedAt = new Date(t0 - 19 * DAY + Math.round(random() * 18 * DAY));
      votes.push({
        id: demoId(`vote:${p.key}:${voter.key}`),
        proposalId: id,
        userId: voter.id,
        value,
        actorType: voter.actorType,
        createdAt: votedAt,
        updatedAt: votedAt,
      });
    }
    for (const [actorType, college] of byCollege) {
      collegeCounts.push({
        proposalId: id,
        actorType: actorType as Prisma.ProposalCollegeCountCreateManyInput['actorType'],
        votesFor: college.FOR,
        votesAgainst: college.AGAINST,
        votesNeutral: college.NEUTRAL,
      });
    }
    const bodyHtml = renderMarkdown(p.body);
    proposals.push({
      id,
      consultationId,
      authorId,
      organisationId: p.author === 'karim' ? organisationId : null,
      title: p.title,
      summary: p.summary,
      body: p.body,
      bodyHtml,
      territoryId: `COMMUNE-${ptce.commune}`,
      competentLevel: p.competentLevel,
      lever: p.lever,
      status: 'PUBLISHED',
      version: 1,
      votesFor: counts.FOR,
      votesAgainst: counts.AGAINST,
      votesNeutral: counts.NEUTRAL,
      ...proposalScores(
        { votesFor: counts.FOR, votesAgainst: counts.AGAINST, votesNeutral: counts.NEUTRAL },
        createdAt,
      ),
      publishedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    });
    proposalThemes.push(...p.themes.map((slug) => ({ proposalId: id, themeId: themeId(slug) })));
    revisions.push({
      id: demoId(`revision:${p.key}:1`),
      proposalId: id,
      version: 1,
      title: p.title,
      summary: p.summary,
      body: p.body,
      bodyHtml,
      editorId: authorId,
      createdAt,
    });
    statusChanges.push({
      id: demoId(`status:${p.key}:1`),
      proposalId: id,
      fromStatus: null,
      toStatus: 'PUBLISHED',
      actorId: authorId,
      reason: null,
      createdAt,
    });
  });

  const hasModerator = await prisma.user.findUnique({
    where: { email: DEMO_LOCAL_MODERATOR.email },
    select: { id: true },
  });
  const joinedAt = new Date(t0 - 62 * DAY);
  const passwordHash = hasModerator
    ? null
    : await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });

  await prisma.$transaction(
    async (tx) => {
      if (passwordHash) {
        await tx.user.create({
          data: {
            id: moderatorId,
            email: DEMO_LOCAL_MODERATOR.email,
            displayName: DEMO_LOCAL_MODERATOR.displayName,
            passwordHash,
            role: 'PARTICIPANT',
            actorType: DEMO_LOCAL_MODERATOR.actorType,
            territoryId: `COMMUNE-${DEMO_LOCAL_MODERATOR.commune}`,
            createdAt: joinedAt,
            emailVerifiedAt: joinedAt,
            termsAcceptedAt: joinedAt,
            termsVersion: TERMS_VERSION,
          },
        });
      }
      await tx.consultation.create({
        data: {
          id: consultationId,
          slug: DEMO_LOCAL_CONSULTATION.slug,
          title: DEMO_LOCAL_CONSULTATION.title,
          description: DEMO_LOCAL_CONSULTATION.description,
          territoryId,
          organisationId,
          // Older than the national consultation: lists (newest first) keep it second.
          createdAt: new Date(t0 - 62 * DAY),
        },
      });
      await tx.consultationPhase.createMany({ data: phases });
      const consultationThemes = [...new Set(LOCAL_PROPOSALS.flatMap((p) => p.themes))];
      await tx.consultationTheme.createMany({
        data: consultationThemes.map((slug) => ({ consultationId, themeId: themeId(slug) })),
      });
      await tx.proposal.createMany({ data: proposals });
      await tx.proposalTheme.createMany({ data: proposalThemes });
      await tx.proposalRevision.createMany({ data: revisions });
      await tx.proposalStatusChange.createMany({ data: statusChanges });
      await tx.vote.createMany({ data: votes });
      await tx.proposalCollegeCount.createMany({ data: collegeCounts });
      await tx.consultationModerator.create({
        data: {
          consultationId,
          userId: hasModerator?.id ?? moderatorId,
          createdAt: joinedAt,
        },
      });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  log(
    `Demo local space: 1 consultation carried by ${ptce.name}, ${proposals.length} proposals, ` +
      `${votes.length} votes, 1 local moderator (${DEMO_LOCAL_MODERATOR.email})`,
  );
}
