import {
  closeFactories,
  createExperiment,
  createIndicator,
  createMeasurement,
  createOrganisation,
  createUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  uniqueKey,
} from '../factories';
import { organisationWith } from './support/organisations';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const EXPERIMENT_FIELDS = `id name description status startedOn endedOn links version measurementsCount
  organisation { id } partners { id } territories { id } themes { id } viewerCanEdit viewerCanCheck`;
const RECORD = `mutation Record($input: RecordExperimentInput!) {
  recordExperiment(input: $input) { ${EXPERIMENT_FIELDS} }
}`;
const UPDATE = `mutation Update($input: UpdateExperimentInput!) {
  updateExperiment(input: $input) { ${EXPERIMENT_FIELDS} }
}`;
const ADD_INDICATOR = `mutation Add($input: AddIndicatorInput!) {
  addIndicator(input: $input) { id name kind unit baseline baselineOn }
}`;
const UPDATE_INDICATOR = `mutation UpdateIndicator($input: UpdateIndicatorInput!) {
  updateIndicator(input: $input) { id name kind unit baseline baselineOn }
}`;
const MEASUREMENT_FIELDS = `id value measuredOn source sourceUrl recordedAt checkedAt recordedBy { id displayName }`;
const RECORD_MEASUREMENT = `mutation Measure($input: RecordMeasurementInput!) {
  recordMeasurement(input: $input) { ${MEASUREMENT_FIELDS} }
}`;
const UPDATE_MEASUREMENT = `mutation Correct($input: UpdateMeasurementInput!) {
  updateMeasurement(input: $input) { ${MEASUREMENT_FIELDS} }
}`;
const CHECK = `mutation Check($input: CheckMeasurementInput!) {
  checkMeasurement(input: $input) { ${MEASUREMENT_FIELDS} }
}`;
const EXPERIMENT = `query Experiment($id: ID!) {
  experiment(id: $id) {
    ${EXPERIMENT_FIELDS}
    indicators {
      id name unit baseline changeFromBaseline
      measurements { ${MEASUREMENT_FIELDS} }
      latest { id value } latestChecked { id value }
    }
    history(first: 50) {
      nodes { action targetType targetId createdAt changedFields actor { id displayName } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const LIST = `query List($filter: ExperimentFilter, $first: Int, $after: String) {
  experiments(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name }
  }
}`;
const MAP = `query Map($filter: ExperimentFilter) {
  experimentsByDepartement(filter: $filter) { departement { id code name } count }
}`;

interface MeasurementView {
  id: string;
  value: number;
  measuredOn: string;
  source: string;
  checkedAt: string | null;
  recordedBy: { id: string } | null;
}
interface ExperimentView {
  id: string;
  name: string;
  description: string;
  status: string;
  startedOn: string;
  endedOn: string | null;
  links: string[];
  version: number;
  measurementsCount: number;
  organisation: { id: string };
  partners: { id: string }[];
  territories: { id: string }[];
  themes: { id: string }[];
  viewerCanEdit: boolean;
  viewerCanCheck: boolean;
  indicators: {
    id: string;
    changeFromBaseline: number | null;
    measurements: MeasurementView[];
    latest: { id: string; value: number } | null;
    latestChecked: { id: string; value: number } | null;
  }[];
  history: {
    nodes: {
      action: string;
      targetType: string;
      targetId: string;
      createdAt: string;
      changedFields: string[];
      actor: { id: string } | null;
    }[];
  };
}

describe('experiments registry', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function carrierWithMember() {
    const member = await createUser();
    const organisation = await organisationWith({ members: [member.id] });
    return { member, organisation, token: await api.tokenFor(member) };
  }

  async function recordInput(organisationId: string, overrides: Record<string, unknown> = {}) {
    const themes = await referenceThemes();
    return {
      organisationId,
      name: 'Centrale solaire citoyenne du Pilat',
      description:
        'Une SCIC installe des panneaux photovoltaïques sur les toits des écoles avec les habitants.',
      territoryIds: [TERRITORIES.saintEtienne, TERRITORIES.loire],
      themeIds: [themes[0].id, themes[1].id],
      status: 'RUNNING',
      startedOn: '2023-04-01',
      links: ['https://example.org/centrale'],
      ...overrides,
    };
  }

  async function readExperiment(id: string, token?: string) {
    return dataOf(await api.gql<{ experiment: ExperimentView }>(EXPERIMENT, { id }, { token }))
      .experiment;
  }

  it('records an experiment with its territories, partners and themes, and keeps who and when', async () => {
    const { member, organisation, token } = await carrierWithMember();
    const university = await createOrganisation({ actorType: 'UNIVERSITY' });
    const council = await createOrganisation({ actorType: 'LOCAL_AUTHORITY' });
    const input = await recordInput(organisation.id, {
      partnerOrganisationIds: [university.id, council.id],
      links: ['https://example.org/centrale', 'http://scic-pilat.example.fr/rapports'],
    });
    const before = Date.now();
    const recorded = dataOf(
      await api.gql<{ recordExperiment: ExperimentView }>(RECORD, { input }, { token }),
    ).recordExperiment;
    const after = Date.now();
    const described = {
      name: input.name,
      description: input.description,
      status: 'RUNNING',
      startedOn: '2023-04-01',
      endedOn: null,
      links: ['https://example.org/centrale', 'http://scic-pilat.example.fr/rapports'],
    };
    expect(recorded).toMatchObject({
      ...described,
      version: 1,
      measurementsCount: 0,
      organisation: { id: organisation.id },
      partners: [{ id: university.id }, { id: council.id }],
      territories: [{ id: TERRITORIES.saintEtienne }, { id: TERRITORIES.loire }],
      viewerCanEdit: true,
      viewerCanCheck: false,
    });
    expect(recorded.themes.map((theme) => theme.id).sort()).toEqual([...input.themeIds].sort());

    const anonymous = await readExperiment(recorded.id);
    expect(anonymous).toMatchObject({ ...described, viewerCanEdit: false, viewerCanCheck: false });
    // "When": each change is dated by the server at the time of the call.
    for (const node of anonymous.history.nodes) {
      const at = new Date(node.createdAt).getTime();
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after);
    }
    expect(anonymous.history.nodes).toEqual([
      expect.objectContaining({
        action: 'experiment.recorded',
        targetType: 'EXPERIMENT',
        targetId: recorded.id,
        actor: expect.objectContaining({ id: member.id }),
        changedFields: expect.arrayContaining(['name', 'territoryIds', 'partnerOrganisationIds']),
      }),
    ]);
  });

  it('records an experiment spread over several communes of different départements', async () => {
    const { organisation, token } = await carrierWithMember();
    const lyon = 'COMMUNE-69123';
    const input = await recordInput(organisation.id, {
      name: `Réseau de ressourceries ${uniqueKey('communes')}`,
      territoryIds: [TERRITORIES.saintEtienne, lyon],
    });
    const recorded = dataOf(
      await api.gql<{ recordExperiment: ExperimentView }>(RECORD, { input }, { token }),
    ).recordExperiment;
    expect(recorded.territories).toEqual([{ id: TERRITORIES.saintEtienne }, { id: lyon }]);
    expect((await readExperiment(recorded.id)).territories).toEqual([
      { id: TERRITORIES.saintEtienne },
      { id: lyon },
    ]);
    // Each département finds it through its commune.
    for (const departement of [TERRITORIES.loire, 'DEPARTEMENT-69']) {
      const page = dataOf(
        await api.gql<{ experiments: { nodes: { id: string }[] } }>(LIST, {
          filter: { query: input.name, territoryId: departement },
          first: 50,
        }),
      ).experiments;
      expect(page.nodes.map((node) => node.id)).toContain(recorded.id);
    }
  });

  it('refuses unknown references, the carrier as its own partner and inconsistent dates', async () => {
    const { organisation, token } = await carrierWithMember();
    const result = await api.gql(
      RECORD,
      {
        input: await recordInput(organisation.id, {
          territoryIds: ['COMMUNE-99999'],
          themeIds: ['00000000-0000-4000-8000-000000000000'],
          partnerOrganisationIds: [organisation.id, '00000000-0000-4000-8000-000000000001'],
        }),
      },
      { token },
    );
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(error.extensions?.fields?.map((field) => [field.field, field.rule])).toEqual(
      expect.arrayContaining([
        ['territoryIds.0', 'exists'],
        ['themeIds.0', 'exists'],
        ['partnerOrganisationIds.0', 'notCarrier'],
        ['partnerOrganisationIds.1', 'exists'],
      ]),
    );
    const ended = await api.gql(
      RECORD,
      { input: await recordInput(organisation.id, { status: 'ENDED' }) },
      { token },
    );
    expect(firstError(ended).extensions?.fields).toEqual([
      expect.objectContaining({ field: 'endedOn', rule: 'required' }),
    ]);
    expect(
      await factoryPrisma().experiment.count({ where: { organisationId: organisation.id } }),
    ).toBe(0);
  });

  it('accepts only the units of an indicator’s kind, and keeps each change of it', async () => {
    const { member, organisation, token } = await carrierWithMember();
    const experiment = await createExperiment({
      organisationId: organisation.id,
      createdById: member.id,
    });
    const wrongUnit = await api.gql(
      ADD_INDICATOR,
      {
        input: { experimentId: experiment.id, name: 'Emplois créés', kind: 'JOBS', unit: 'KWH' },
      },
      { token },
    );
    expect(firstError(wrongUnit).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(firstError(wrongUnit).extensions?.fields).toEqual([
      expect.objectContaining({ field: 'unit', rule: 'unitOfKind' }),
    ]);

    const added = dataOf(
      await api.gql<{ addIndicator: { id: string; unit: string; baselineOn: string | null } }>(
        ADD_INDICATOR,
        {
          input: {
            experimentId: experiment.id,
            name: 'Emplois créés',
            kind: 'JOBS',
            unit: 'FTE',
            baseline: 2,
            baselineOn: '2022-12-31',
          },
        },
        { token },
      ),
    ).addIndicator;
    expect(added).toMatchObject({ unit: 'FTE', baselineOn: '2022-12-31' });

    const updated = dataOf(
      await api.gql<{ updateIndicator: { unit: string; name: string } }>(
        UPDATE_INDICATOR,
        {
          input: {
            indicatorId: added.id,
            name: 'Emplois salariés créés',
            kind: 'JOBS',
            unit: 'JOBS',
            baseline: 2,
            baselineOn: '2022-12-31',
          },
        },
        { token },
      ),
    ).updateIndicator;
    expect(updated).toMatchObject({ unit: 'JOBS', name: 'Emplois salariés créés' });

    const { history } = await readExperiment(experiment.id);
    expect(history.nodes.map((node) => [node.action, node.changedFields])).toEqual([
      ['indicator.updated', ['name', 'unit']],
      ['indicator.added', ['baseline', 'baselineOn', 'description', 'kind', 'name', 'unit']],
    ]);
    expect(history.nodes.every((node) => node.actor?.id === member.id)).toBe(true);
  });

  it('takes dated measurements with their source, refuses future or impossible days and counts them', async () => {
    const { member, organisation, token } = await carrierWithMember();
    const experiment = await createExperiment({
      organisationId: organisation.id,
      createdById: member.id,
    });
    const indicator = await createIndicator({
      experimentId: experiment.id,
      baseline: 1000,
      baselineOn: '2022-12-31',
    });
    const measure = (overrides: Record<string, unknown>) =>
      api.gql<{ recordMeasurement: MeasurementView }>(
        RECORD_MEASUREMENT,
        {
          input: {
            indicatorId: indicator.id,
            value: 48_250,
            measuredOn: '2024-12-31',
            source: 'Rapport d’activité 2024 de la SCIC',
            ...overrides,
          },
        },
        { token },
      );
    const future = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(firstError(await measure({ measuredOn: future })).extensions?.fields).toEqual([
      expect.objectContaining({ field: 'measuredOn', rule: 'notFuture' }),
    ]);
    expect(firstError(await measure({ measuredOn: '2025-02-30' })).extensions?.fields).toEqual([
      expect.objectContaining({ field: 'measuredOn', rule: 'date' }),
    ]);
    expect(firstError(await measure({ source: '' })).extensions?.code).toBe('BAD_USER_INPUT');

    const newer = dataOf(
      await measure({ value: 61_000, measuredOn: '2025-12-31' }),
    ).recordMeasurement;
    const older = dataOf(await measure({})).recordMeasurement;
    expect(older).toMatchObject({
      measuredOn: '2024-12-31',
      checkedAt: null,
      recordedBy: { id: member.id },
    });

    const read = await readExperiment(experiment.id);
    expect(read.measurementsCount).toBe(2);
    expect(read.indicators[0].measurements.map((m) => m.id)).toEqual([older.id, newer.id]);
    expect(read.indicators[0]).toMatchObject({
      latest: { id: newer.id, value: 61_000 },
      latestChecked: null,
      changeFromBaseline: null,
    });
    expect(
      read.history.nodes.filter((node) => node.action === 'measurement.recorded'),
    ).toHaveLength(2);
  });

  it('lets a moderator check a figure; any change withdraws the check; the carrier’s moderator cannot', async () => {
    const { member, organisation, token } = await carrierWithMember();
    const moderator = await createUser({ role: 'MODERATOR' });
    const moderatorToken = await api.tokenFor(moderator);
    const experiment = await createExperiment({
      organisationId: organisation.id,
      createdById: member.id,
    });
    const indicator = await createIndicator({
      experimentId: experiment.id,
      baseline: 1000,
      baselineOn: '2022-12-31',
    });
    const measurement = await createMeasurement({
      indicatorId: indicator.id,
      recordedById: member.id,
      value: 4000,
      measuredOn: '2025-06-30',
    });

    expect((await readExperiment(experiment.id, moderatorToken)).viewerCanCheck).toBe(true);
    const checked = dataOf(
      await api.gql<{ checkMeasurement: MeasurementView }>(
        CHECK,
        { input: { measurementId: measurement.id, checked: true } },
        { token: moderatorToken },
      ),
    ).checkMeasurement;
    expect(checked.checkedAt).not.toBeNull();
    let read = await readExperiment(experiment.id);
    expect(read.indicators[0]).toMatchObject({
      latestChecked: { id: measurement.id, value: 4000 },
      changeFromBaseline: 3000,
    });
    expect(read.history.nodes[0]).toMatchObject({
      action: 'measurement.checked',
      actor: { id: moderator.id },
      changedFields: ['checkedAt', 'checkedById'],
    });

    // The same figure written again keeps the check; a corrected one loses it.
    const correct = (value: number) =>
      api.gql<{ updateMeasurement: MeasurementView }>(
        UPDATE_MEASUREMENT,
        {
          input: {
            measurementId: measurement.id,
            value,
            measuredOn: '2025-06-30',
            source: 'Rapport d’activité 2025',
          },
        },
        { token },
      );
    expect(dataOf(await correct(4000)).updateMeasurement.checkedAt).toBe(checked.checkedAt);
    expect(dataOf(await correct(4200)).updateMeasurement.checkedAt).toBeNull();
    read = await readExperiment(experiment.id);
    expect(read.indicators[0]).toMatchObject({ latestChecked: null, changeFromBaseline: null });
    expect(read.history.nodes[0]).toMatchObject({
      action: 'measurement.updated',
      actor: { id: member.id },
      changedFields: ['checkedAt', 'checkedById', 'value'],
    });

    // Checked again, then the mark withdrawn by the moderator.
    await api.gql(
      CHECK,
      { input: { measurementId: measurement.id, checked: true } },
      { token: moderatorToken },
    );
    const unchecked = dataOf(
      await api.gql<{ checkMeasurement: MeasurementView }>(
        CHECK,
        { input: { measurementId: measurement.id, checked: false } },
        { token: moderatorToken },
      ),
    ).checkMeasurement;
    expect(unchecked.checkedAt).toBeNull();
    expect((await readExperiment(experiment.id)).history.nodes[0].action).toBe(
      'measurement.unchecked',
    );

    // A moderator who is a member of the carrier cannot vouch for it; a participant cannot check.
    const memberModerator = await createUser({ role: 'MODERATOR' });
    await factoryPrisma().organisationMembership.create({
      data: { userId: memberModerator.id, organisationId: organisation.id },
    });
    const own = await api.gql(
      CHECK,
      { input: { measurementId: measurement.id, checked: true } },
      { token: await api.tokenFor(memberModerator) },
    );
    expect(firstError(own).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OWN_FIGURE_CHECK',
    });
    expect(
      (await readExperiment(experiment.id, await api.tokenFor(memberModerator))).viewerCanCheck,
    ).toBe(false);
    const participant = await api.gql(
      CHECK,
      { input: { measurementId: measurement.id, checked: true } },
      { token },
    );
    expect(firstError(participant).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ALLOWED',
    });
    const stored = await factoryPrisma().measurement.findUniqueOrThrow({
      where: { id: measurement.id },
    });
    expect(stored.checkedAt).toBeNull();
  });

  it('refuses a change made on a stale version and loses nothing', async () => {
    const { member, organisation, token } = await carrierWithMember();
    const recorded = dataOf(
      await api.gql<{ recordExperiment: ExperimentView }>(
        RECORD,
        { input: await recordInput(organisation.id) },
        { token },
      ),
    ).recordExperiment;
    const colleague = await createUser();
    await factoryPrisma().organisationMembership.create({
      data: { userId: colleague.id, organisationId: organisation.id },
    });
    const { organisationId: _organisationId, ...fields } = await recordInput(organisation.id);
    const changed = {
      name: 'Centrale solaire citoyenne du Pilat et du Forez',
      description: 'La SCIC a cédé ses toitures à la régie communale ; le projet est achevé.',
      status: 'ENDED',
      startedOn: '2023-05-15',
      endedOn: '2025-10-31',
      links: ['https://example.org/centrale-bilan', 'https://example.org/centrale'],
    };
    const first = dataOf(
      await api.gql<{ updateExperiment: ExperimentView }>(
        UPDATE,
        { input: { ...fields, ...changed, experimentId: recorded.id, expectedVersion: 1 } },
        { token },
      ),
    ).updateExperiment;
    expect(first).toMatchObject({ ...changed, version: 2 });
    const stale = await api.gql(
      UPDATE,
      {
        input: {
          ...fields,
          experimentId: recorded.id,
          expectedVersion: 1,
          name: 'Un autre nom',
        },
      },
      { token: await api.tokenFor(colleague) },
    );
    expect(firstError(stale).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    const read = await readExperiment(recorded.id);
    expect(read).toMatchObject({ ...changed, version: 2 });
    expect(
      read.history.nodes.map((node) => [node.action, node.actor?.id, node.changedFields]),
    ).toEqual([
      [
        'experiment.updated',
        member.id,
        ['description', 'endedOn', 'links', 'name', 'startedOn', 'status'],
      ],
      ['experiment.recorded', member.id, expect.any(Array)],
    ]);
  });

  it('lets exactly one of two concurrent changes on the same version win, and counts concurrent figures exactly', async () => {
    const { member, organisation, token } = await carrierWithMember();
    const experiment = await createExperiment({
      organisationId: organisation.id,
      createdById: member.id,
    });
    const { organisationId: _organisationId, ...fields } = await recordInput(organisation.id);
    const results = await Promise.all(
      ['Première version concurrente', 'Seconde version concurrente'].map((name) =>
        api.gql(
          UPDATE,
          { input: { ...fields, name, experimentId: experiment.id, expectedVersion: 1 } },
          { token },
        ),
      ),
    );
    const codes = results.map((result) => result.errors?.[0]?.extensions?.reason ?? 'ok').sort();
    expect(codes).toEqual(['STALE_VERSION', 'ok']);
    const prisma = factoryPrisma();
    expect(
      await prisma.experiment.findUniqueOrThrow({ where: { id: experiment.id } }),
    ).toMatchObject({ version: 2 });
    expect(
      await prisma.experimentChange.count({
        where: { experimentId: experiment.id, action: 'experiment.updated' },
      }),
    ).toBe(1);

    const indicator = await createIndicator({ experimentId: experiment.id });
    const recorded = await Promise.all(
      [1, 2, 3, 4, 5].map((month) =>
        api.gql(
          RECORD_MEASUREMENT,
          {
            input: {
              indicatorId: indicator.id,
              value: month * 100,
              measuredOn: `2025-0${month}-28`,
              source: 'Relevés mensuels du compteur',
            },
          },
          { token },
        ),
      ),
    );
    expect(recorded.every((result) => result.errors === undefined)).toBe(true);
    expect(
      await prisma.experiment.findUniqueOrThrow({ where: { id: experiment.id } }),
    ).toMatchObject({ measurementsCount: 5 });
  });

  describe('filters, map and pages', () => {
    const key = uniqueKey('filtre');
    let ids: Record<'commune' | 'departement' | 'paris' | 'region', string>;
    let themes: { id: string }[];

    beforeAll(async () => {
      themes = await referenceThemes();
      const user = await createUser();
      const ptce = await createOrganisation({ actorType: 'PTCE', memberIds: [user.id] });
      const association = await createOrganisation({ actorType: 'ASSOCIATION' });
      const university = await createOrganisation({ actorType: 'UNIVERSITY' });
      const base = Date.now() - 60_000;
      const make = async (
        name: string,
        minutes: number,
        overrides: Partial<Parameters<typeof createExperiment>[0]>,
      ) =>
        (
          await createExperiment({
            organisationId: ptce.id,
            createdById: user.id,
            name: `${name} ${key}`,
            updatedAt: new Date(base + minutes * 1000),
            ...overrides,
          })
        ).id;
      ids = {
        commune: await make('Ressourcerie de Saint-Étienne', 4, {
          territoryIds: [TERRITORIES.saintEtienne],
          themeIds: [themes[0].id],
        }),
        departement: await make('Épicerie solidaire ligérienne', 3, {
          organisationId: association.id,
          territoryIds: [TERRITORIES.loire],
          themeIds: [themes[1].id],
          partnerOrganisationIds: [university.id],
          status: 'ENDED',
          endedOn: '2025-06-30',
        }),
        paris: await make('Tiers-lieu parisien', 2, {
          organisationId: association.id,
          territoryIds: [TERRITORIES.paris],
          themeIds: [themes[1].id],
        }),
        region: await make('Réseau régional des PTCE', 1, {
          territoryIds: [TERRITORIES.auvergneRhoneAlpes],
          themeIds: [themes[0].id],
        }),
      };
      // One indicator with a figure each (the factories leave updatedAt, so the order holds).
      for (const id of Object.values(ids)) {
        const indicator = await createIndicator(
          id === ids.paris ? { experimentId: id, kind: 'JOBS', unit: 'FTE' } : { experimentId: id },
        );
        await createMeasurement({ indicatorId: indicator.id, recordedById: user.id });
      }
    });

    async function listed(filter: Record<string, unknown>) {
      const page = dataOf(
        await api.gql<{ experiments: { totalCount: number; nodes: { id: string }[] } }>(LIST, {
          filter: { query: key, ...filter },
        }),
      ).experiments;
      expect(page.totalCount).toBe(page.nodes.length);
      return page.nodes.map((node) => node.id);
    }

    it('filters by theme, territory with what it contains, actor type, indicator kind, status and name', async () => {
      expect(await listed({})).toEqual([ids.commune, ids.departement, ids.paris, ids.region]);
      expect(await listed({ themeId: themes[0].id })).toEqual([ids.commune, ids.region]);
      expect(await listed({ territoryId: TERRITORIES.loire })).toEqual([
        ids.commune,
        ids.departement,
      ]);
      expect(await listed({ territoryId: TERRITORIES.auvergneRhoneAlpes })).toEqual([
        ids.commune,
        ids.departement,
        ids.region,
      ]);
      expect(await listed({ territoryId: TERRITORIES.saintEtienne })).toEqual([ids.commune]);
      expect(await listed({ actorType: 'UNIVERSITY' })).toEqual([ids.departement]);
      expect(await listed({ actorType: 'PTCE' })).toEqual([ids.commune, ids.region]);
      expect(await listed({ indicatorKind: 'JOBS' })).toEqual([ids.paris]);
      expect(await listed({ status: 'ENDED' })).toEqual([ids.departement]);
      expect(await listed({ status: 'STOPPED' })).toEqual([]);
      expect(await listed({ status: 'RUNNING' })).toEqual([ids.commune, ids.paris, ids.region]);
      expect(await listed({ query: `epicerie SOLIDAIRE ligerienne ${key}`.slice(0, 100) })).toEqual(
        [ids.departement],
      );
    });

    it('records a STOPPED experiment through the API and finds it by that status only', async () => {
      const { organisation, token } = await carrierWithMember();
      const stoppedKey = uniqueKey('arret');
      const record = async (name: string, overrides: Record<string, unknown>) =>
        dataOf(
          await api.gql<{ recordExperiment: ExperimentView }>(
            RECORD,
            { input: await recordInput(organisation.id, { name, ...overrides }) },
            { token },
          ),
        ).recordExperiment;
      const stopped = await record(`Navette solidaire ${stoppedKey}`, {
        status: 'STOPPED',
        endedOn: '2024-11-30',
      });
      expect(stopped).toMatchObject({ status: 'STOPPED', endedOn: '2024-11-30' });
      expect(await readExperiment(stopped.id)).toMatchObject({
        status: 'STOPPED',
        endedOn: '2024-11-30',
      });
      const running = await record(`Garage solidaire ${stoppedKey}`, {});
      const byStatus = async (status?: string) =>
        dataOf(
          await api.gql<{ experiments: { totalCount: number; nodes: { id: string }[] } }>(LIST, {
            filter: { query: stoppedKey, ...(status ? { status } : {}) },
          }),
        ).experiments.nodes.map((node) => node.id);
      expect((await byStatus()).sort()).toEqual([stopped.id, running.id].sort());
      expect(await byStatus('STOPPED')).toEqual([stopped.id]);
      expect(await byStatus('RUNNING')).toEqual([running.id]);
      expect(await byStatus('ENDED')).toEqual([]);
      // Like ENDED, STOPPED needs its end date.
      const undated = await api.gql(
        RECORD,
        { input: await recordInput(organisation.id, { status: 'STOPPED' }) },
        { token },
      );
      expect(firstError(undated).extensions?.fields).toEqual([
        expect.objectContaining({ field: 'endedOn', rule: 'required' }),
      ]);
    });

    it('counts an experiment over communes of two départements once in each', async () => {
      const user = await createUser();
      const ptce = await createOrganisation({ actorType: 'PTCE', memberIds: [user.id] });
      const mapKey = uniqueKey('carte');
      // Two communes in two départements; then two communes of one département and the
      // département itself, which still make one experiment there.
      await createExperiment({
        organisationId: ptce.id,
        createdById: user.id,
        name: `Coopérative de covoiturage ${mapKey}`,
        territoryIds: [TERRITORIES.saintEtienne, 'COMMUNE-69123'],
      });
      await createExperiment({
        organisationId: ptce.id,
        createdById: user.id,
        name: `Chaufferie bois partagée ${mapKey}`,
        territoryIds: [TERRITORIES.saintEtienne, 'COMMUNE-42207', TERRITORIES.loire],
      });
      const map = dataOf(
        await api.gql<{
          experimentsByDepartement: { departement: { id: string }; count: number }[];
        }>(MAP, { filter: { query: mapKey } }),
      ).experimentsByDepartement;
      expect(map.map((row) => [row.departement.id, row.count])).toEqual([
        [TERRITORIES.loire, 2],
        ['DEPARTEMENT-69', 1],
      ]);
    });

    it('counts experiments per département for the map; a région-level one counts for none', async () => {
      const map = dataOf(
        await api.gql<{
          experimentsByDepartement: { departement: { id: string; code: string }; count: number }[];
        }>(MAP, { filter: { query: key } }),
      ).experimentsByDepartement;
      expect(map.map((row) => [row.departement.id, row.count])).toEqual([
        [TERRITORIES.loire, 2],
        ['DEPARTEMENT-75', 1],
      ]);
      const filtered = dataOf(
        await api.gql<{ experimentsByDepartement: { count: number }[] }>(MAP, {
          filter: { query: key, status: 'ENDED' },
        }),
      ).experimentsByDepartement;
      expect(filtered).toEqual([expect.objectContaining({ count: 1 })]);
    });

    it('reads a page with every nested field in as many statements for 2 experiments as for 4', async () => {
      const NESTED = `query Nested($filter: ExperimentFilter, $first: Int) {
        experiments(filter: $filter, first: $first) {
          nodes {
            id organisation { id name } partners { id actorType } territories { id name }
            themes { id name } viewerCanEdit viewerCanCheck
            indicators {
              id latest { id } latestChecked { id } changeFromBaseline
              measurements { id value recordedBy { id displayName } }
            }
          }
        }
      }`;
      const statementsFor = async (first: number) => {
        const { result, statements } = await countSqlStatements(() =>
          api.gql<{ experiments: { nodes: unknown[] } }>(NESTED, { filter: { query: key }, first }),
        );
        expect(dataOf(result).experiments.nodes).toHaveLength(first);
        return statements.length;
      };
      const two = await statementsFor(2);
      expect(await statementsFor(4)).toBe(two);
      expect(two).toBeLessThanOrEqual(12);
    });

    it('pages most recently updated first with a keyset cursor', async () => {
      const page = async (after?: string | null) =>
        dataOf(
          await api.gql<{
            experiments: {
              totalCount: number;
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              nodes: { id: string }[];
            };
          }>(LIST, { filter: { query: key }, first: 3, after }),
        ).experiments;
      const first = await page();
      expect(first.totalCount).toBe(4);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(first.nodes.map((node) => node.id)).toEqual([ids.commune, ids.departement, ids.paris]);
      const second = await page(first.pageInfo.endCursor);
      expect(second.nodes.map((node) => node.id)).toEqual([ids.region]);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect(firstError(await api.gql(LIST, { after: 'nope' })).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect(firstError(await api.gql(LIST, { first: 500 })).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    });
  });
});

describe('experiments and the public-read cache', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ ANONYMOUS_CACHE_TTL_MS: '60000' });
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('never answers an anonymous reader from memory after an experiment mutation', async () => {
    const member = await createUser();
    const organisation = await organisationWith({ members: [member.id] });
    const experiment = await createExperiment({
      organisationId: organisation.id,
      createdById: member.id,
    });
    const indicator = await createIndicator({ experimentId: experiment.id });
    const READ = `query Cached($id: ID!) { experiment(id: $id) { id measurementsCount indicators { latest { value } } } }`;
    const read = () =>
      api.gql<{
        experiment: {
          measurementsCount: number;
          indicators: { latest: { value: number } | null }[];
        };
      }>(READ, { id: experiment.id });
    expect(dataOf(await read()).experiment.measurementsCount).toBe(0);
    expect((await read()).headers['x-passerelle-cache']).toBe('HIT');

    const recorded = await api.gql(
      RECORD_MEASUREMENT,
      {
        input: {
          indicatorId: indicator.id,
          value: 5400,
          measuredOn: '2025-09-30',
          source: 'Relevé du compteur de production',
        },
      },
      { token: await api.tokenFor(member) },
    );
    expect(recorded.errors).toBeUndefined();
    const fresh = dataOf(await read()).experiment;
    expect(fresh).toMatchObject({
      measurementsCount: 1,
      indicators: [{ latest: { value: 5400 } }],
    });
  });
});
