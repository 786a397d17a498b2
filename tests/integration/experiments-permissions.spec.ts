import {
  closeFactories,
  type CreatedUser,
  createExperiment,
  createIndicator,
  createMeasurement,
  createUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
} from '../factories';
import { organisationWith } from './support/organisations';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

const RECORD = `mutation Record($input: RecordExperimentInput!) { recordExperiment(input: $input) { id } }`;
const UPDATE = `mutation Update($input: UpdateExperimentInput!) { updateExperiment(input: $input) { id version } }`;
const ADD_INDICATOR = `mutation Add($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }`;
const UPDATE_INDICATOR = `mutation UpdateIndicator($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id } }`;
const RECORD_MEASUREMENT = `mutation Measure($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const UPDATE_MEASUREMENT = `mutation Correct($input: UpdateMeasurementInput!) { updateMeasurement(input: $input) { id } }`;
const VIEWER = `query Viewer($id: ID!) { experiment(id: $id) { id viewerCanEdit viewerCanCheck } }`;
const MY_ORGANISATIONS = `query Mine { myExperimentOrganisations { id } }`;

describe('experiments permissions: only members edit their organisation’s experiments', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** An organisation with a manager and a member, one experiment, one indicator, one figure. */
  async function fixture() {
    const [manager, member] = [await createUser(), await createUser()];
    const organisation = await organisationWith({ managers: [manager.id], members: [member.id] });
    const experiment = await createExperiment({
      organisationId: organisation.id,
      createdById: manager.id,
    });
    const indicator = await createIndicator({ experimentId: experiment.id });
    const measurement = await createMeasurement({
      indicatorId: indicator.id,
      recordedById: manager.id,
    });
    return { manager, member, organisation, experiment, indicator, measurement };
  }

  type Fixture = Awaited<ReturnType<typeof fixture>>;

  async function everyWrite(f: Fixture, token: string): Promise<GqlResult<unknown>[]> {
    const themes = await referenceThemes();
    const experimentFields = {
      name: 'Épicerie solidaire itinérante',
      description: 'Un camion-épicerie dessert les villages sans commerce, à prix solidaires.',
      territoryIds: [TERRITORIES.saintEtienne],
      themeIds: [themes[0].id],
      status: 'RUNNING',
      startedOn: '2024-01-15',
    };
    const indicatorFields = { name: 'Foyers servis', kind: 'PEOPLE_REACHED', unit: 'HOUSEHOLDS' };
    const figure = { value: 120, measuredOn: '2025-03-31', source: 'Registre des tournées' };
    return [
      await api.gql(
        RECORD,
        { input: { ...experimentFields, organisationId: f.organisation.id } },
        { token },
      ),
      await api.gql(
        UPDATE,
        { input: { ...experimentFields, experimentId: f.experiment.id, expectedVersion: 1 } },
        { token },
      ),
      await api.gql(
        ADD_INDICATOR,
        { input: { ...indicatorFields, experimentId: f.experiment.id } },
        { token },
      ),
      await api.gql(
        UPDATE_INDICATOR,
        { input: { ...indicatorFields, indicatorId: f.indicator.id } },
        { token },
      ),
      await api.gql(
        RECORD_MEASUREMENT,
        { input: { ...figure, indicatorId: f.indicator.id } },
        { token },
      ),
      await api.gql(
        UPDATE_MEASUREMENT,
        { input: { ...figure, measurementId: f.measurement.id } },
        { token },
      ),
    ];
  }

  async function expectNothingWritten(f: Fixture) {
    const prisma = factoryPrisma();
    expect(await prisma.experiment.count({ where: { organisationId: f.organisation.id } })).toBe(1);
    const experiment = await prisma.experiment.findUniqueOrThrow({
      where: { id: f.experiment.id },
    });
    expect(experiment).toMatchObject({ version: 1, measurementsCount: 1 });
    expect(await prisma.indicator.count({ where: { experimentId: f.experiment.id } })).toBe(1);
    expect(await prisma.experimentChange.count({ where: { experimentId: f.experiment.id } })).toBe(
      0,
    );
  }

  /** A user of the given role in an organisation that is a partner of the fixture's experiment. */
  async function partnerOrganisationUser(f: Fixture, role: 'managers' | 'members') {
    const user = await createUser();
    const partner = await organisationWith({ [role]: [user.id] });
    await factoryPrisma().experimentPartner.create({
      data: { experimentId: f.experiment.id, organisationId: partner.id, position: 0 },
    });
    return user;
  }

  it.each<[string, (f: Fixture) => Promise<CreatedUser>]>([
    ['a participant of no organisation', async () => createUser()],
    [
      'a member of another organisation',
      async () => {
        const other = await createUser();
        await organisationWith({ managers: [other.id] });
        return other;
      },
    ],
    ['an administrator who is not a member', async () => createUser({ role: 'ADMIN' })],
    ['a moderator who is not a member', async () => createUser({ role: 'MODERATOR' })],
    ['a member of a partner organisation', (f) => partnerOrganisationUser(f, 'members')],
    ['a manager of a partner organisation', (f) => partnerOrganisationUser(f, 'managers')],
  ])('refuses every change by %s: FORBIDDEN / NOT_AN_EXPERIMENT_MEMBER', async (_, make) => {
    const f = await fixture();
    const outsider = await make(f);
    const token = await api.tokenFor(outsider);
    for (const result of await everyWrite(f, token)) {
      expect(firstError(result).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_AN_EXPERIMENT_MEMBER',
      });
    }
    await expectNothingWritten(f);
    const viewer = dataOf(
      await api.gql<{ experiment: { viewerCanEdit: boolean } }>(
        VIEWER,
        { id: f.experiment.id },
        { token },
      ),
    ).experiment;
    expect(viewer.viewerCanEdit).toBe(false);
  });

  it('refuses anonymous changes: UNAUTHENTICATED', async () => {
    const f = await fixture();
    const result = await api.gql(RECORD_MEASUREMENT, {
      input: {
        indicatorId: f.indicator.id,
        value: 1,
        measuredOn: '2025-01-01',
        source: 'Registre',
      },
    });
    expect(firstError(result).extensions?.code).toBe('UNAUTHENTICATED');
    await expectNothingWritten(f);
  });

  it.each([['manager'], ['member']] as const)(
    'lets a %s of the carrying organisation make every change',
    async (role) => {
      const f = await fixture();
      const user = f[role];
      const token = await api.tokenFor(user);
      for (const result of await everyWrite(f, token)) {
        expect(result.errors).toBeUndefined();
      }
      const prisma = factoryPrisma();
      expect(await prisma.experiment.count({ where: { organisationId: f.organisation.id } })).toBe(
        2,
      );
      expect(
        await prisma.experiment.findUniqueOrThrow({ where: { id: f.experiment.id } }),
      ).toMatchObject({ version: 2, measurementsCount: 2, updatedById: user.id });
      const changes = await prisma.experimentChange.findMany({
        where: { experimentId: f.experiment.id },
      });
      expect(changes.map((change) => change.action).sort()).toEqual([
        'experiment.updated',
        'indicator.added',
        'indicator.updated',
        'measurement.recorded',
        'measurement.updated',
      ]);
      expect(changes.every((change) => change.actorId === user.id)).toBe(true);
      const viewer = dataOf(
        await api.gql<{ experiment: { viewerCanEdit: boolean; viewerCanCheck: boolean } }>(
          VIEWER,
          { id: f.experiment.id },
          { token },
        ),
      ).experiment;
      expect(viewer).toEqual({ id: f.experiment.id, viewerCanEdit: true, viewerCanCheck: false });
      const mine = dataOf(
        await api.gql<{ myExperimentOrganisations: { id: string }[] }>(
          MY_ORGANISATIONS,
          {},
          { token },
        ),
      ).myExperimentOrganisations;
      expect(mine.map((organisation) => organisation.id)).toEqual([f.organisation.id]);
    },
  );

  it('refuses a suspended member: FORBIDDEN / ACCOUNT_SUSPENDED', async () => {
    const f = await fixture();
    await factoryPrisma().user.update({
      where: { id: f.member.id },
      data: { suspendedAt: new Date(), suspendedUntil: null },
    });
    const token = await api.tokenFor(f.member);
    for (const result of await everyWrite(f, token)) {
      expect(firstError(result).extensions?.reason).toBe('ACCOUNT_SUSPENDED');
    }
    await expectNothingWritten(f);
  });

  it('answers null for an unknown experiment and NOT_FOUND for unknown targets of a change', async () => {
    const member = await createUser();
    await organisationWith({ members: [member.id] });
    const token = await api.tokenFor(member);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(dataOf(await api.gql(VIEWER, { id: unknown })).experiment).toBeNull();
    expect(dataOf(await api.gql(VIEWER, { id: 'not-a-uuid' })).experiment).toBeNull();
    const result = await api.gql(
      RECORD_MEASUREMENT,
      { input: { indicatorId: unknown, value: 1, measuredOn: '2025-01-01', source: 'Registre' } },
      { token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'INDICATOR_NOT_FOUND',
    });
  });
});
