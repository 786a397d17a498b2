import {
  closeFactories,
  createBrief,
  createConsultation,
  createExperiment,
  createIndicator,
  createMeasurement,
  createOrganisation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
  TERRITORIES,
} from '../factories';
import { type Prisma } from '../../apps/api/src/generated/prisma/client';
import { castVote, voter } from './support/clusters';
import { signedIn } from './support/moderation';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

// Issue 10: briefs carry the experiments behind the proposals they cite. The curation workspace
// shows their latest checked figures; a published version freezes them in its annex, with the
// provenance (national or local space) of each cited proposal.

const CURATION = `query ($id: ID!) {
  briefDraft(id: $id) {
    sections { citations { proposal { id experiments { id name
      indicators { name unit latestChecked { value measuredOn } } } } } }
  }
}`;
const FIGURES = `votesFor votesAgainst votesNeutral colleges { actorType votesFor votesAgainst votesNeutral }`;
const VERSION_FIELDS = `number
  annex { proposalId experimentIds figures { ${FIGURES} }
    provenance { consultationId consultationTitle consultationSlug scope territoryName organisationName } }
  experiments { id name organisationName proposalIds
    figures { indicatorName unit baseline value measuredOn source sourceUrl } }`;
const PUBLISH = `mutation ($input: BriefTransitionInput!) {
  publishBrief(input: $input) { publishedVersion currentVersion { ${VERSION_FIELDS} } }
}`;
const PUBLISHED = `query ($slug: String!) {
  publishedBrief(slug: $slug) { currentVersion { ${VERSION_FIELDS} } }
}`;

interface Provenance {
  consultationId: string;
  consultationTitle: string;
  consultationSlug: string;
  scope: string;
  territoryName: string | null;
  organisationName: string | null;
}
interface Figures {
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  colleges: { actorType: string; votesFor: number; votesAgainst: number; votesNeutral: number }[];
}
interface VersionView {
  number: number;
  annex: {
    proposalId: string;
    experimentIds: string[];
    figures: Figures;
    provenance: Provenance | null;
  }[];
  experiments: {
    id: string;
    name: string;
    organisationName: string;
    proposalIds: string[];
    figures: {
      indicatorName: string;
      unit: string;
      baseline: number | null;
      value: number | null;
      measuredOn: string | null;
      source: string | null;
      sourceUrl: string | null;
    }[];
  }[];
}

describe('briefs and the experiments behind the cited proposals', () => {
  let api: TestApp;
  let curator: { id: string; token: string };

  beforeAll(async () => {
    api = await startTestApp();
    curator = await signedIn(api, 'CURATOR');
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /**
   * A PTCE's experiment with one indicator: a checked figure (1 000 kWh, 2025-06-30) and a newer
   * unchecked one. A local consultation (a territory, carried by the PTCE) whose proposal cites
   * it, a national one whose proposal cites nothing, and a brief IN_REVIEW citing both.
   */
  async function fixture() {
    const member = await createUser({ actorType: 'PTCE' });
    const checker = await createUser({ role: 'MODERATOR' });
    const ptce = await createOrganisation({
      name: 'PTCE Loire Énergies',
      actorType: 'PTCE',
      memberIds: [member.id],
    });
    const experiment = await createExperiment({
      organisationId: ptce.id,
      createdById: member.id,
      name: 'Centrale solaire citoyenne du Pilat',
    });
    const indicator = await createIndicator({
      experimentId: experiment.id,
      name: 'Électricité produite',
      unit: 'KWH',
      baseline: 0,
      baselineOn: '2023-01-01',
    });
    await createMeasurement({
      indicatorId: indicator.id,
      recordedById: member.id,
      value: 1000,
      measuredOn: '2025-06-30',
      source: 'Rapport de la coopérative 2025',
      sourceUrl: 'https://ptce.example.fr/rapport-2025',
      checkedById: checker.id,
    });
    await createMeasurement({
      indicatorId: indicator.id,
      recordedById: member.id,
      value: 1800,
      measuredOn: '2025-12-31',
      source: 'Relevé provisoire',
    });

    const local = await createConsultation({ phases: PHASES.proposingClosed() });
    await factoryPrisma().consultation.update({
      where: { id: local.id },
      data: { territoryId: TERRITORIES.loire, organisationId: ptce.id },
    });
    const national = await createConsultation({ phases: PHASES.proposingClosed() });
    const author = await createUser({ actorType: 'ASSOCIATION' });
    const localProposal = await createProposal({ consultationId: local.id, authorId: author.id });
    const nationalProposal = await createProposal({
      consultationId: national.id,
      authorId: author.id,
    });
    await factoryPrisma().proposalExperiment.create({
      data: { proposalId: localProposal.id, experimentId: experiment.id, position: 0 },
    });
    const brief = await createBrief({
      createdById: curator.id,
      consultationIds: [local.id, national.id],
      status: 'IN_REVIEW',
      sections: [
        {
          title: 'Énergie citoyenne',
          citations: [{ proposalId: localProposal.id }, { proposalId: nationalProposal.id }],
        },
      ],
    });
    const territory = await factoryPrisma().territory.findUniqueOrThrow({
      where: { id: TERRITORIES.loire },
    });
    return {
      member,
      checker,
      ptce,
      experiment,
      indicator,
      local: { ...(await read(local.id)), territoryName: territory.name },
      national: await read(national.id),
      localProposal,
      nationalProposal,
      brief,
    };
  }

  const read = (id: string) =>
    factoryPrisma().consultation.findUniqueOrThrow({
      where: { id },
      select: { id: true, title: true, slug: true },
    });

  const curation = async (briefId: string) =>
    dataOf(
      await api.gql<{
        briefDraft: {
          sections: {
            citations: {
              proposal: {
                id: string;
                experiments: {
                  id: string;
                  name: string;
                  indicators: {
                    name: string;
                    unit: string;
                    latestChecked: { value: number; measuredOn: string } | null;
                  }[];
                }[];
              } | null;
            }[];
          }[];
        };
      }>(CURATION, { id: briefId }, { token: curator.token }),
    ).briefDraft.sections[0]?.citations;

  it('the curation workspace shows the latest checked figures of the cited proposals’ experiments', async () => {
    const { brief, experiment, localProposal, nationalProposal } = await fixture();
    const citations = await curation(brief.id);
    expect(citations?.map((c) => c.proposal?.id)).toEqual([localProposal.id, nationalProposal.id]);
    expect(citations?.[0]?.proposal?.experiments).toEqual([
      {
        id: experiment.id,
        name: 'Centrale solaire citoyenne du Pilat',
        indicators: [
          {
            name: 'Électricité produite',
            unit: 'KWH',
            // The newer figure is not checked: the brief quotes the checked one.
            latestChecked: { value: 1000, measuredOn: '2025-06-30' },
          },
        ],
      },
    ]);
    expect(citations?.[1]?.proposal?.experiments).toEqual([]);
  });

  it('publication freezes the experiments annex and the provenance; later measurements never reach it', async () => {
    const f = await fixture();
    // The local consultation votes on its proposal; the national one has a single vote.
    await castVote(api, (await voter(api, 'CITIZEN')).token, f.localProposal.id, 'FOR');
    await castVote(api, (await voter(api, 'ASSOCIATION')).token, f.localProposal.id, 'FOR');
    await castVote(api, (await voter(api, 'SME')).token, f.localProposal.id, 'AGAINST');
    await castVote(api, (await voter(api, 'CITIZEN')).token, f.localProposal.id, 'NEUTRAL');
    await castVote(api, (await voter(api, 'SME')).token, f.nationalProposal.id, 'FOR');
    const localFigures: Figures = {
      votesFor: 2,
      votesAgainst: 1,
      votesNeutral: 1,
      colleges: [
        { actorType: 'CITIZEN', votesFor: 1, votesAgainst: 0, votesNeutral: 1 },
        { actorType: 'ASSOCIATION', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
        { actorType: 'SME', votesFor: 0, votesAgainst: 1, votesNeutral: 0 },
      ],
    };
    const nationalFigures: Figures = {
      votesFor: 1,
      votesAgainst: 0,
      votesNeutral: 0,
      colleges: [{ actorType: 'SME', votesFor: 1, votesAgainst: 0, votesNeutral: 0 }],
    };
    const published = dataOf(
      await api.gql<{ publishBrief: { currentVersion: VersionView } }>(
        PUBLISH,
        { input: { briefId: f.brief.id, expectedRevision: f.brief.revision } },
        { token: curator.token },
      ),
    ).publishBrief.currentVersion;

    const frozenExperiments = [
      {
        id: f.experiment.id,
        name: 'Centrale solaire citoyenne du Pilat',
        organisationName: 'PTCE Loire Énergies',
        proposalIds: [f.localProposal.id],
        figures: [
          {
            indicatorName: 'Électricité produite',
            unit: 'KWH',
            baseline: 0,
            value: 1000,
            measuredOn: '2025-06-30',
            source: 'Rapport de la coopérative 2025',
            sourceUrl: 'https://ptce.example.fr/rapport-2025',
          },
        ],
      },
    ];
    const annex = [
      {
        proposalId: f.localProposal.id,
        experimentIds: [f.experiment.id],
        // The local consultation's own vote figures, next to its LOCAL provenance.
        figures: localFigures,
        provenance: {
          consultationId: f.local.id,
          consultationTitle: f.local.title,
          consultationSlug: f.local.slug,
          scope: 'LOCAL',
          territoryName: f.local.territoryName,
          organisationName: 'PTCE Loire Énergies',
        },
      },
      {
        proposalId: f.nationalProposal.id,
        experimentIds: [],
        figures: nationalFigures,
        provenance: {
          consultationId: f.national.id,
          consultationTitle: f.national.title,
          consultationSlug: f.national.slug,
          scope: 'NATIONAL',
          territoryName: null,
          organisationName: null,
        },
      },
    ];
    expect(published.experiments).toEqual(frozenExperiments);
    expect(published.annex).toEqual(annex);

    // The stored snapshot is schema version 3 and holds the same.
    const stored = await factoryPrisma().briefVersion.findFirstOrThrow({
      where: { briefId: f.brief.id, number: 1 },
    });
    expect(stored.snapshot).toMatchObject({
      schemaVersion: 3,
      proposals: [
        { id: f.localProposal.id, provenance: annex[0]?.provenance },
        { id: f.nationalProposal.id, provenance: annex[1]?.provenance },
      ],
      experiments: [{ id: f.experiment.id, figures: [{ value: 1000 }] }],
    });

    // A later vote on the local proposal counts live, but never reaches the published version
    // (publication retained the proposal, closing it to votes: reopen it so counters can move).
    await factoryPrisma().proposal.update({
      where: { id: f.localProposal.id },
      data: { status: 'PUBLISHED' },
    });
    await castVote(api, (await voter(api, 'ASSOCIATION')).token, f.localProposal.id, 'AGAINST');
    const live = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: f.localProposal.id },
      select: { votesFor: true, votesAgainst: true, votesNeutral: true },
    });
    expect(live).toEqual({ votesFor: 2, votesAgainst: 2, votesNeutral: 1 });

    // A newer figure is recorded and checked after publication, and the experiment renamed.
    await createMeasurement({
      indicatorId: f.indicator.id,
      recordedById: f.member.id,
      value: 2500,
      measuredOn: '2026-03-31',
      source: 'Rapport trimestriel',
      checkedById: f.checker.id,
    });
    await factoryPrisma().experiment.update({
      where: { id: f.experiment.id },
      data: { name: 'Centrale solaire du Pilat (renommée)' },
    });
    const later = dataOf(
      await api.gql<{ publishedBrief: { currentVersion: VersionView } }>(PUBLISHED, {
        slug: f.brief.slug,
      }),
    ).publishedBrief.currentVersion;
    expect(later.experiments).toEqual(frozenExperiments);
    expect(later.annex).toEqual(annex);

    // The working copy, meanwhile, shows the new checked figure.
    const citations = await curation(f.brief.id);
    expect(citations?.[0]?.proposal?.experiments[0]?.indicators[0]?.latestChecked).toEqual({
      value: 2500,
      measuredOn: '2026-03-31',
    });
  });

  it('a version published before issue 10 (schema 2) reads with no provenance and no experiments', async () => {
    const f = await fixture();
    await api.gql(
      PUBLISH,
      { input: { briefId: f.brief.id, expectedRevision: f.brief.revision } },
      { token: curator.token },
    );
    // Rewrite the stored snapshot as a v2 one (the trigger refusing UPDATE is bypassed by
    // deleting and inserting the row again).
    const prisma = factoryPrisma();
    const stored = await prisma.briefVersion.findFirstOrThrow({
      where: { briefId: f.brief.id, number: 1 },
    });
    const snapshot = stored.snapshot as {
      proposals: Record<string, unknown>[];
      experiments?: unknown;
      schemaVersion: number;
    };
    const v2 = {
      ...snapshot,
      schemaVersion: 2,
      proposals: snapshot.proposals.map(
        ({ provenance: _p, experimentIds: _e, ...proposal }) => proposal,
      ),
    };
    delete v2.experiments;
    await prisma.$transaction([
      prisma.briefVersion.delete({ where: { id: stored.id } }),
      prisma.briefVersion.create({
        data: {
          id: stored.id,
          briefId: stored.briefId,
          number: stored.number,
          publishedAt: stored.publishedAt,
          publishedById: stored.publishedById,
          snapshot: v2 as Prisma.InputJsonValue,
        },
      }),
    ]);
    const read = dataOf(
      await api.gql<{ publishedBrief: { currentVersion: VersionView } }>(PUBLISHED, {
        slug: f.brief.slug,
      }),
    ).publishedBrief.currentVersion;
    expect(read.experiments).toEqual([]);
    expect(read.annex.map((row) => [row.provenance, row.experimentIds])).toEqual([
      [null, []],
      [null, []],
    ]);
  });
});
