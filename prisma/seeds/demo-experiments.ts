// Demo data for the experiments registry (issue 10): territorial experiments carried by the demo
// organisations with their partners (SMEs, ESS enterprises, local authorities, a university),
// impact indicators with dated, sourced measurements (some checked by the demo moderator), their
// history, and the demo proposals that cite them as evidence. Idempotent (skipped when the first
// experiment exists) and deterministic (demoId keys, fixed dates).
import type {
  ActorType,
  ExperimentStatus,
  IndicatorKind,
  IndicatorUnit,
  Prisma,
  PrismaClient,
} from '../../apps/api/src/generated/prisma/client';

type DemoId = (key: string) => string;

interface DemoPartner {
  key: string;
  name: string;
  actorType: ActorType;
  commune: string;
}

/** The partners the demo organisations work with (no SIRET: fictional, not verified). */
const PARTNERS: readonly DemoPartner[] = [
  {
    key: 'maraichers-drome',
    name: 'Les Maraîchers associés de la Drôme',
    actorType: 'SME',
    commune: '26108',
  },
  {
    key: 'cc-crestois',
    name: 'Communauté de communes du Crestois et du Pays de Saillans',
    actorType: 'LOCAL_AUTHORITY',
    commune: '26108',
  },
  {
    key: 'uga-valence',
    name: 'Université Grenoble Alpes – campus de Valence',
    actorType: 'UNIVERSITY',
    commune: '26362',
  },
  {
    key: 'recyclerie-vallee',
    name: 'Recyclerie de la vallée (entreprise d’insertion)',
    actorType: 'ESS_ENTERPRISE',
    commune: '26281',
  },
  {
    key: 'agglo-pays-basque',
    name: 'Communauté d’agglomération Pays Basque',
    actorType: 'LOCAL_AUTHORITY',
    commune: '64102',
  },
  {
    key: 'errobi-solaire',
    name: 'Errobi Solaire (installateur)',
    actorType: 'SME',
    commune: '64160',
  },
  {
    key: 'oph-pays-basque',
    name: 'Office public de l’habitat du Pays Basque',
    actorType: 'LOCAL_AUTHORITY',
    commune: '64102',
  },
  {
    key: 'ville-reze',
    name: 'Ville de Rezé',
    actorType: 'LOCAL_AUTHORITY',
    commune: '44143',
  },
  {
    key: 'nantes-universite',
    name: 'Nantes Université – laboratoire d’économie',
    actorType: 'UNIVERSITY',
    commune: '44109',
  },
  {
    key: 'menuiserie-vercors',
    name: 'Menuiserie Vercors Bois',
    actorType: 'SME',
    commune: '26113',
  },
  {
    key: 'commune-die',
    name: 'Commune de Die',
    actorType: 'LOCAL_AUTHORITY',
    commune: '26113',
  },
  {
    key: 'finance-solidaire-drome',
    name: 'Coopérative de finance solidaire Drôme-Ardèche',
    actorType: 'ESS_ENTERPRISE',
    commune: '26362',
  },
];

interface DemoMeasurement {
  value: number;
  measuredOn: string;
  source: string;
  sourceUrl?: string;
  /** Checked by the demo moderator. */
  checked?: boolean;
}

interface DemoIndicator {
  name: string;
  description?: string;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  baseline?: [number, string];
  measurements: DemoMeasurement[];
}

interface DemoExperiment {
  key: string;
  /** Carrying organisation (a key of DEMO_ORGANISATIONS) and the member who records it. */
  organisation: string;
  recordedBy: string;
  name: string;
  description: string;
  status: ExperimentStatus;
  startedOn: string;
  endedOn?: string;
  links: string[];
  territoryIds: string[];
  partners: string[];
  themes: string[];
  indicators: DemoIndicator[];
  /** Demo proposals that build on it (keys of DEMO_PROPOSALS). */
  citedBy: string[];
}

const EXPERIMENTS: readonly DemoExperiment[] = [
  {
    key: 'legumerie-vallee-drome',
    organisation: 'ptce',
    recordedBy: 'karim',
    name: 'Légumerie coopérative de la vallée de la Drôme',
    description: [
      'Le PTCE Drôme Coopérative a monté avec des maraîchers, l’intercommunalité et une recyclerie d’insertion un atelier qui lave, épluche et découpe les légumes de la vallée pour les cantines scolaires et les EHPAD.',
      '',
      'L’atelier emploie des salariés en insertion ; les cantines signent des contrats de trois ans qui garantissent les débouchés des maraîchers. L’université suit l’expérimentation (coûts, emplois, émissions évitées).',
    ].join('\n'),
    status: 'RUNNING',
    startedOn: '2021-09-01',
    links: ['https://www.economie.gouv.fr/ess/les-poles-territoriaux-de-cooperation-economique'],
    territoryIds: ['COMMUNE-26281', 'COMMUNE-26108', 'COMMUNE-26113'],
    partners: ['maraichers-drome', 'cc-crestois', 'recyclerie-vallee', 'uga-valence'],
    themes: ['cooperation-territoriale', 'transition-ecologique'],
    indicators: [
      {
        name: 'Emplois créés dans l’atelier',
        description: 'Équivalents temps plein, salariés en insertion compris.',
        kind: 'JOBS',
        unit: 'FTE',
        baseline: [0, '2021-08-31'],
        measurements: [
          {
            value: 3.5,
            measuredOn: '2022-12-31',
            source: 'Bilan social 2022 de la SCIC',
            checked: true,
          },
          {
            value: 7,
            measuredOn: '2023-12-31',
            source: 'Bilan social 2023 de la SCIC',
            checked: true,
          },
          {
            value: 11.5,
            measuredOn: '2024-12-31',
            source: 'Rapport d’activité 2024 du PTCE, page 8',
          },
        ],
      },
      {
        name: 'Émissions évitées par les circuits courts',
        kind: 'CO2_AVOIDED',
        unit: 'TONNE_CO2E',
        baseline: [0, '2021-08-31'],
        measurements: [
          {
            value: 18,
            measuredOn: '2023-12-31',
            source: 'Étude de l’université Grenoble Alpes (bilan carbone simplifié), 2024',
            checked: true,
          },
          {
            value: 31,
            measuredOn: '2024-12-31',
            source: 'Suivi carbone 2024 de la légumerie',
          },
        ],
      },
    ],
    citedBy: ['legumerie-cooperative', 'financement-ptce'],
  },
  {
    key: 'toits-solaires-labourd',
    organisation: 'soleil',
    recordedBy: 'maite',
    name: 'Centrales solaires citoyennes sur les toits publics du Labourd',
    description: [
      'La SCIC Soleil du Labourd loue les toits d’écoles, de gymnases et d’ateliers municipaux pour y installer des centrales photovoltaïques financées par l’épargne des habitants.',
      '',
      'L’agglomération met les toits à disposition et a pris des parts dans la SCIC ; un installateur local pose et entretient les centrales. Les bénéfices financent des actions d’économie d’énergie.',
    ].join('\n'),
    status: 'RUNNING',
    startedOn: '2020-03-01',
    links: ['https://energie-partagee.org/'],
    territoryIds: ['COMMUNE-64102', 'COMMUNE-64024', 'COMMUNE-64122'],
    partners: ['agglo-pays-basque', 'errobi-solaire'],
    themes: ['energie-citoyenne', 'transition-ecologique'],
    indicators: [
      {
        name: 'Électricité renouvelable produite',
        kind: 'RENEWABLE_ENERGY',
        unit: 'KWH',
        baseline: [0, '2020-02-29'],
        measurements: [
          {
            value: 410_000,
            measuredOn: '2022-12-31',
            source: 'Relevés annuels Enedis des points de production',
            checked: true,
          },
          {
            value: 980_000,
            measuredOn: '2023-12-31',
            source: 'Relevés annuels Enedis des points de production',
            checked: true,
          },
          {
            value: 1_350_000,
            measuredOn: '2024-12-31',
            source: 'Relevés annuels Enedis des points de production',
            checked: true,
          },
          {
            value: 1_520_000,
            measuredOn: '2025-12-31',
            source: 'Rapport de gestion 2025 de la SCIC',
          },
        ],
      },
      {
        name: 'Épargne citoyenne mobilisée',
        description: 'Parts sociales souscrites par les habitants et les collectivités.',
        kind: 'LOCAL_SAVINGS',
        unit: 'EUR',
        baseline: [0, '2020-02-29'],
        measurements: [
          {
            value: 320_000,
            measuredOn: '2021-12-31',
            source: 'Registre des associés, assemblée générale 2022',
            checked: true,
          },
          {
            value: 610_000,
            measuredOn: '2023-12-31',
            source: 'Registre des associés, assemblée générale 2024',
          },
          {
            value: 745_000,
            measuredOn: '2025-06-30',
            source: 'Comptes semestriels 2025 de la SCIC',
          },
        ],
      },
    ],
    citedBy: [
      'toits-publics-cooperatives-solaires',
      'scic-energie-par-intercommunalite',
      'reduction-impot-cooperatives-energie',
    ],
  },
  {
    key: 'cantines-agglomeration-nantaise',
    organisation: 'cantines',
    recordedBy: 'lucie',
    name: 'Cantines bio et locales de l’agglomération nantaise',
    description: [
      'L’association accompagne trois communes de l’agglomération nantaise qui reprennent leurs cantines en régie et achètent directement aux producteurs bio du département.',
      '',
      'Formation des cuisiniers, plans alimentaires moins carnés et contrats pluriannuels avec les producteurs : un laboratoire d’économie de l’université mesure les effets.',
    ].join('\n'),
    status: 'RUNNING',
    startedOn: '2022-01-10',
    links: [],
    territoryIds: ['COMMUNE-44109', 'COMMUNE-44143', 'COMMUNE-44020'],
    partners: ['ville-reze', 'nantes-universite'],
    themes: ['transition-ecologique', 'cooperation-territoriale'],
    indicators: [
      {
        name: 'Émissions évitées par les repas',
        kind: 'CO2_AVOIDED',
        unit: 'TONNE_CO2E',
        baseline: [0, '2021-12-31'],
        measurements: [
          {
            value: 42,
            measuredOn: '2023-06-30',
            source: 'Nantes Université, note d’évaluation n° 1',
            checked: true,
          },
          {
            value: 68,
            measuredOn: '2024-06-30',
            source: 'Nantes Université, note d’évaluation n° 2',
          },
        ],
      },
      {
        name: 'Part de produits bio et locaux dans les achats',
        kind: 'OTHER',
        unit: 'PERCENT',
        baseline: [22, '2021-12-31'],
        measurements: [
          { value: 38, measuredOn: '2022-12-31', source: 'Bilans EGalim des trois communes' },
          { value: 48, measuredOn: '2023-12-31', source: 'Bilans EGalim des trois communes' },
          { value: 61, measuredOn: '2024-12-31', source: 'Bilans EGalim des trois communes' },
        ],
      },
    ],
    citedBy: ['cantines-bio-en-regie'],
  },
  {
    key: 'ecoles-artisans-diois',
    organisation: 'charpentiers',
    recordedBy: 'thomas',
    name: 'Rénovation des écoles du Diois en groupement d’artisans locaux',
    description: [
      'La SCOP a formé avec une menuiserie et d’autres artisans du Diois un groupement momentané d’entreprises pour répondre aux marchés de rénovation énergétique des écoles.',
      '',
      'La commune de Die a alloti ses marchés pour les rendre accessibles. Quatre écoles ont été isolées en bois local ; l’expérimentation s’est achevée avec la dernière rentrée.',
    ].join('\n'),
    status: 'ENDED',
    startedOn: '2021-09-01',
    endedOn: '2024-08-31',
    links: [],
    territoryIds: ['COMMUNE-26113', 'DEPARTEMENT-26'],
    partners: ['menuiserie-vercors', 'commune-die'],
    themes: ['efficacite-energetique', 'cooperation-territoriale'],
    indicators: [
      {
        name: 'Emplois locaux mobilisés',
        kind: 'JOBS',
        unit: 'FTE',
        baseline: [0, '2021-08-31'],
        measurements: [
          { value: 4, measuredOn: '2022-08-31', source: 'Registres du personnel du groupement' },
          {
            value: 6.5,
            measuredOn: '2023-08-31',
            source: 'Registres du personnel du groupement',
            checked: true,
          },
          { value: 8, measuredOn: '2024-08-31', source: 'Bilan final du groupement' },
        ],
      },
      {
        name: 'Émissions évitées par l’isolation',
        kind: 'CO2_AVOIDED',
        unit: 'TONNE_CO2E',
        measurements: [
          {
            value: 35,
            measuredOn: '2023-12-31',
            source: 'Diagnostics de performance énergétique avant et après travaux',
            checked: true,
          },
          {
            value: 58,
            measuredOn: '2024-12-31',
            source: 'Suivi des consommations de chauffage par la commune',
          },
        ],
      },
    ],
    citedBy: ['renovation-ecoles-artisans-locaux'],
  },
  {
    key: 'epargne-vallee-drome',
    organisation: 'ptce',
    recordedBy: 'claire',
    name: 'Épargne citoyenne pour les entreprises de la Drôme',
    description: [
      'Un livret d’épargne solidaire, proposé avec une coopérative de finance solidaire, finance les reprises et les créations d’entreprises coopératives du département.',
      '',
      'Les épargnants choisissent les projets soutenus lors d’une soirée annuelle ; le PTCE instruit les dossiers avec les réseaux d’accompagnement.',
    ].join('\n'),
    status: 'RUNNING',
    startedOn: '2022-06-01',
    links: [],
    territoryIds: ['DEPARTEMENT-26'],
    partners: ['finance-solidaire-drome'],
    themes: ['democratie-economique'],
    indicators: [
      {
        name: 'Épargne locale mobilisée',
        kind: 'LOCAL_SAVINGS',
        unit: 'EUR',
        baseline: [0, '2022-05-31'],
        measurements: [
          {
            value: 150_000,
            measuredOn: '2022-12-31',
            source: 'Rapport annuel 2022 de la coopérative de finance solidaire',
            checked: true,
          },
          {
            value: 420_000,
            measuredOn: '2023-12-31',
            source: 'Rapport annuel 2023 de la coopérative de finance solidaire',
          },
          {
            value: 730_000,
            measuredOn: '2024-12-31',
            source: 'Rapport annuel 2024 de la coopérative de finance solidaire',
          },
        ],
      },
    ],
    citedBy: ['epargne-salariale-territoriale', 'fonds-regional-reprise-cooperative'],
  },
  {
    key: 'autoconsommation-hlm-bayonne',
    organisation: 'soleil',
    recordedBy: 'pierre',
    name: 'Autoconsommation collective dans des logements sociaux de Bayonne',
    description: [
      'Des panneaux posés sur deux résidences de l’office public de l’habitat alimentaient directement les logements des locataires, à un prix inférieur au tarif réglementé.',
      '',
      'L’expérimentation a été arrêtée quand le bailleur a engagé la rénovation complète des toitures ; elle reprendra après les travaux.',
    ].join('\n'),
    status: 'STOPPED',
    startedOn: '2022-03-01',
    endedOn: '2024-06-30',
    links: [],
    territoryIds: ['COMMUNE-64102'],
    partners: ['oph-pays-basque'],
    themes: ['energie-citoyenne'],
    indicators: [
      {
        name: 'Électricité autoconsommée par les locataires',
        kind: 'RENEWABLE_ENERGY',
        unit: 'MWH',
        measurements: [
          {
            value: 85,
            measuredOn: '2022-12-31',
            source: 'Clés de répartition Enedis 2022',
            checked: true,
          },
          { value: 112, measuredOn: '2023-12-31', source: 'Clés de répartition Enedis 2023' },
        ],
      },
    ],
    citedBy: ['autoconsommation-collective-hlm'],
  },
];

const DAY = 24 * 60 * 60 * 1000;
const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`);
/** When a figure was typed in: a few weeks after the day it describes, never after `now`. */
const recordedAt = (day: string, now: Date) =>
  new Date(Math.min(dateOf(day).getTime() + 25 * DAY + 10 * 60 * 60 * 1000, now.getTime()));

/**
 * Creates the demo experiments unless the first one exists. Needs the demo accounts,
 * organisations and proposals (seedDemoData); proposals that do not exist are not cited.
 */
export async function seedDemoExperiments(
  prisma: PrismaClient,
  demoId: DemoId,
  { now = new Date(), log = console.log }: { now?: Date; log?: (line: string) => void } = {},
): Promise<void> {
  const started = performance.now();
  const firstId = demoId(`experiment:${EXPERIMENTS[0].key}`);
  if (await prisma.experiment.findUnique({ where: { id: firstId }, select: { id: true } })) {
    log('Demo experiments present');
    return;
  }
  const themes = await prisma.theme.findMany({ select: { id: true, slug: true } });
  const themeId = (slug: string) => {
    const theme = themes.find((t) => t.slug === slug);
    if (!theme) throw new Error(`Demo experiments need theme "${slug}"`);
    return theme.id;
  };
  const userId = (key: string) => demoId(`user:${key}`);
  const organisationId = (key: string) => demoId(`organisation:${key}`);
  const partnerId = (key: string) => demoId(`organisation:partner:${key}`);
  const moderatorId = userId('moderator');
  const citedKeys = EXPERIMENTS.flatMap((e) => e.citedBy);
  const existingProposals = new Set(
    (
      await prisma.proposal.findMany({
        where: { id: { in: citedKeys.map((key) => demoId(`proposal:${key}`)) } },
        select: { id: true },
      })
    ).map((p) => p.id),
  );

  const partners: Prisma.OrganisationCreateManyInput[] = PARTNERS.map((p, index) => ({
    id: partnerId(p.key),
    name: p.name,
    actorType: p.actorType,
    territoryId: `COMMUNE-${p.commune}`,
    createdAt: new Date(dateOf('2020-01-15').getTime() + index * DAY),
  }));
  const experiments: Prisma.ExperimentCreateManyInput[] = [];
  const territories: Prisma.ExperimentTerritoryCreateManyInput[] = [];
  const experimentThemes: Prisma.ExperimentThemeCreateManyInput[] = [];
  const experimentPartners: Prisma.ExperimentPartnerCreateManyInput[] = [];
  const indicators: Prisma.IndicatorCreateManyInput[] = [];
  const measurements: Prisma.MeasurementCreateManyInput[] = [];
  const changes: Prisma.ExperimentChangeCreateManyInput[] = [];
  const citations: Prisma.ProposalExperimentCreateManyInput[] = [];
  const citationsPerProposal = new Map<string, number>();

  for (const e of EXPERIMENTS) {
    const id = demoId(`experiment:${e.key}`);
    const recorder = userId(e.recordedBy);
    const createdAt = recordedAt(e.startedOn, now);
    let updatedAt = createdAt;
    const partnerIds = e.partners.map(partnerId);
    const themeIds = e.themes.map(themeId);
    changes.push({
      id: demoId(`experiment-change:${e.key}:recorded`),
      experimentId: id,
      actorId: recorder,
      action: 'experiment.recorded',
      targetType: 'EXPERIMENT',
      targetId: id,
      after: {
        organisationId: organisationId(e.organisation),
        name: e.name,
        description: e.description,
        status: e.status,
        startedOn: e.startedOn,
        endedOn: e.endedOn ?? null,
        links: e.links,
        territoryIds: e.territoryIds,
        partnerOrganisationIds: partnerIds,
        themeIds: [...themeIds].sort(),
      },
      createdAt,
    });
    e.territoryIds.forEach((territoryId, position) =>
      territories.push({ experimentId: id, territoryId, position }),
    );
    themeIds.forEach((theme) => experimentThemes.push({ experimentId: id, themeId: theme }));
    partnerIds.forEach((organisation, position) =>
      experimentPartners.push({ experimentId: id, organisationId: organisation, position }),
    );
    let count = 0;
    e.indicators.forEach((indicator, position) => {
      const indicatorId = demoId(`indicator:${e.key}:${position}`);
      const addedAt = new Date(createdAt.getTime() + (position + 1) * 60 * 1000);
      const baselineOn = indicator.baseline ? indicator.baseline[1] : null;
      indicators.push({
        id: indicatorId,
        experimentId: id,
        name: indicator.name,
        description: indicator.description ?? null,
        kind: indicator.kind,
        unit: indicator.unit,
        baseline: indicator.baseline?.[0] ?? null,
        baselineOn: baselineOn ? dateOf(baselineOn) : null,
        position,
        createdAt: addedAt,
        updatedAt: addedAt,
      });
      changes.push({
        id: demoId(`experiment-change:${e.key}:indicator:${position}`),
        experimentId: id,
        actorId: recorder,
        action: 'indicator.added',
        targetType: 'INDICATOR',
        targetId: indicatorId,
        after: {
          name: indicator.name,
          description: indicator.description ?? null,
          kind: indicator.kind,
          unit: indicator.unit,
          baseline: indicator.baseline?.[0] ?? null,
          baselineOn,
        },
        createdAt: addedAt,
      });
      indicator.measurements.forEach((m, index) => {
        const measurementId = demoId(`measurement:${e.key}:${position}:${index}`);
        const at = new Date(
          Math.max(recordedAt(m.measuredOn, now).getTime(), addedAt.getTime()) + index * 1000,
        );
        const checkedAt = m.checked
          ? new Date(Math.min(at.getTime() + 6 * DAY, now.getTime() - 60 * 1000))
          : null;
        count += 1;
        if (at > updatedAt) updatedAt = at;
        measurements.push({
          id: measurementId,
          indicatorId,
          value: m.value,
          measuredOn: dateOf(m.measuredOn),
          source: m.source,
          sourceUrl: m.sourceUrl ?? null,
          recordedById: recorder,
          recordedAt: at,
          updatedAt: checkedAt ?? at,
          checkedAt,
          checkedById: checkedAt ? moderatorId : null,
        });
        const snapshot = {
          indicatorId,
          value: m.value,
          measuredOn: m.measuredOn,
          source: m.source,
          sourceUrl: m.sourceUrl ?? null,
          checkedAt: null,
          checkedById: null,
        };
        changes.push({
          id: demoId(`experiment-change:${e.key}:measurement:${position}:${index}`),
          experimentId: id,
          actorId: recorder,
          action: 'measurement.recorded',
          targetType: 'MEASUREMENT',
          targetId: measurementId,
          after: snapshot,
          createdAt: at,
        });
        if (checkedAt) {
          changes.push({
            id: demoId(`experiment-change:${e.key}:check:${position}:${index}`),
            experimentId: id,
            actorId: moderatorId,
            action: 'measurement.checked',
            targetType: 'MEASUREMENT',
            targetId: measurementId,
            before: snapshot,
            after: { ...snapshot, checkedAt: checkedAt.toISOString(), checkedById: moderatorId },
            createdAt: checkedAt,
          });
        }
      });
    });
    experiments.push({
      id,
      organisationId: organisationId(e.organisation),
      name: e.name,
      description: e.description,
      status: e.status,
      startedOn: dateOf(e.startedOn),
      endedOn: e.endedOn ? dateOf(e.endedOn) : null,
      links: e.links,
      measurementsCount: count,
      createdById: recorder,
      updatedById: recorder,
      createdAt,
      updatedAt,
    });
    for (const key of e.citedBy) {
      const proposalId = demoId(`proposal:${key}`);
      if (!existingProposals.has(proposalId)) continue;
      const position = citationsPerProposal.get(proposalId) ?? 0;
      citationsPerProposal.set(proposalId, position + 1);
      citations.push({
        proposalId,
        experimentId: id,
        position,
        createdAt: new Date(updatedAt.getTime() + DAY),
      });
    }
  }

  await prisma.$transaction(
    async (tx) => {
      await tx.organisation.createMany({ data: partners, skipDuplicates: true });
      await tx.experiment.createMany({ data: experiments });
      await tx.experimentTerritory.createMany({ data: territories });
      await tx.experimentTheme.createMany({ data: experimentThemes });
      await tx.experimentPartner.createMany({ data: experimentPartners });
      await tx.indicator.createMany({ data: indicators });
      await tx.measurement.createMany({ data: measurements });
      await tx.experimentChange.createMany({ data: changes });
      await tx.proposalExperiment.createMany({ data: citations, skipDuplicates: true });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  log(
    `Demo experiments: ${experiments.length} experiments, ${partners.length} partner organisations, ` +
      `${indicators.length} indicators, ${measurements.length} measurements, ${citations.length} proposal citations, ` +
      `${Math.round(performance.now() - started)} ms`,
  );
}
