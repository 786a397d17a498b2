import { closeFactories, createUser, factoryPrisma, TERRITORIES } from '../factories';
import {
  CREATE_ORGANISATION,
  ORGANISATION,
  type OrganisationView,
  organisationWith,
  randomSiret,
} from './support/organisations';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type CreateData = { createOrganisation: OrganisationView };
type ReadData = { organisation: OrganisationView };

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('createOrganisation', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const validInput = (overrides: Record<string, unknown> = {}) => ({
    name: '  Les Tisserands du Forez  ',
    actorType: 'ESS_ENTERPRISE',
    siret: randomSiret().replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 '),
    territoryId: TERRITORIES.saintEtienne,
    ...overrides,
  });

  async function signedIn() {
    const user = await createUser();
    return { user, token: await api.tokenFor(user) };
  }

  it('creates the organisation, its creator becoming its MANAGER', async () => {
    const { user, token } = await signedIn();
    const input = validInput();
    const result = await api.gql<CreateData>(CREATE_ORGANISATION, { input }, { token });
    const created = dataOf(result).createOrganisation;
    expect(created).toMatchObject({
      name: 'Les Tisserands du Forez',
      actorType: 'ESS_ENTERPRISE',
      siret: input.siret.replace(/\s/g, ''),
      territory: { id: TERRITORIES.saintEtienne },
      myRole: 'MANAGER',
      members: [{ role: 'MANAGER', user: { id: user.id, displayName: user.displayName } }],
    });
    const row = await factoryPrisma().organisation.findUniqueOrThrow({
      where: { id: created.id },
    });
    expect(row.createdById).toBe(user.id);
  });

  it('accepts an organisation without a SIRET', async () => {
    const { token } = await signedIn();
    for (const siret of [null, '']) {
      const result = await api.gql<CreateData>(
        CREATE_ORGANISATION,
        { input: validInput({ siret }) },
        { token },
      );
      expect(dataOf(result).createOrganisation.siret).toBeNull();
    }
  });

  it('refuses an anonymous visitor: UNAUTHENTICATED / SIGN_IN_REQUIRED', async () => {
    const result = await api.gql(CREATE_ORGANISATION, { input: validInput() });
    expect(firstError(result).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
  });

  it('refuses a SIRET whose Luhn key is wrong: BAD_USER_INPUT / INVALID_SIRET naming siret', async () => {
    const { token } = await signedIn();
    const siret = randomSiret();
    const wrong = siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);
    const result = await api.gql(
      CREATE_ORGANISATION,
      { input: validInput({ siret: wrong }) },
      { token, lang: 'en' },
    );
    const error = firstError(result);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SIRET',
      fields: [{ field: 'siret', rule: 'siret', message: expect.stringContaining('SIRET') }],
    });
    expect(error.message).toMatch(/SIRET/);
  });

  it.each([
    ['name', { name: 'A' }, 'minLength'],
    ['name', { name: 'x'.repeat(121) }, 'maxLength'],
    ['name', { name: '   ' }, 'required'],
    ['siret', { siret: '12345' }, 'siret'],
    ['territoryId', { territoryId: 'Saint-Étienne' }, 'territory'],
  ])('refuses an invalid %s (%p): BAD_USER_INPUT naming the field', async (field, patch, rule) => {
    const { token } = await signedIn();
    const result = await api.gql(CREATE_ORGANISATION, { input: validInput(patch) }, { token });
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field, rule }],
    });
  });

  it('refuses an unknown actor type at the GraphQL layer', async () => {
    const { token } = await signedIn();
    const result = await api.gql(
      CREATE_ORGANISATION,
      { input: validInput({ actorType: 'KING' }) },
      { token },
    );
    expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an unknown territory: BAD_USER_INPUT naming territoryId', async () => {
    const { token } = await signedIn();
    const result = await api.gql(
      CREATE_ORGANISATION,
      { input: validInput({ territoryId: 'COMMUNE-99999' }) },
      { token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: [{ field: 'territoryId', rule: 'exists' }],
    });
  });

  it('refuses a SIRET already used: CONFLICT / SIRET_TAKEN, also with spaces', async () => {
    const { token } = await signedIn();
    const siret = randomSiret();
    dataOf(await api.gql(CREATE_ORGANISATION, { input: validInput({ siret }) }, { token }));
    const spaced = `${siret.slice(0, 9)} ${siret.slice(9)}`;
    const again = await api.gql(
      CREATE_ORGANISATION,
      { input: validInput({ siret: spaced }) },
      { token },
    );
    expect(firstError(again).extensions).toMatchObject({ code: 'CONFLICT', reason: 'SIRET_TAKEN' });
    expect(await factoryPrisma().organisation.count({ where: { siret } })).toBe(1);
  });

  it('creates only one of two concurrent organisations with the same SIRET', async () => {
    const { token } = await signedIn();
    const siret = randomSiret();
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        api.gql(CREATE_ORGANISATION, { input: validInput({ siret }) }, { token }),
      ),
    );
    const failures = results.filter((r) => r.errors?.length);
    expect(failures).toHaveLength(2);
    for (const failure of failures) {
      expect(firstError(failure).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SIRET_TAKEN',
      });
    }
  });
});

describe('organisation(id)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('shows an organisation with its members to anyone, managers first, myRole null', async () => {
    const [manager, member] = [await createUser(), await createUser()];
    const organisation = await organisationWith({ members: [member.id], managers: [manager.id] });
    const result = await api.gql<ReadData>(ORGANISATION, { id: organisation.id });
    expect(dataOf(result).organisation).toMatchObject({
      id: organisation.id,
      name: organisation.name,
      siret: null,
      myRole: null,
      members: [
        { role: 'MANAGER', user: { id: manager.id } },
        { role: 'MEMBER', user: { id: member.id } },
      ],
    });
  });

  it("gives the viewer's role", async () => {
    const [manager, member, stranger] = [
      await createUser(),
      await createUser(),
      await createUser(),
    ];
    const organisation = await organisationWith({ managers: [manager.id], members: [member.id] });
    const roleOf = async (user: typeof manager) =>
      dataOf(
        await api.gql<ReadData>(
          ORGANISATION,
          { id: organisation.id },
          { token: await api.tokenFor(user) },
        ),
      ).organisation.myRole;
    expect(await roleOf(manager)).toBe('MANAGER');
    expect(await roleOf(member)).toBe('MEMBER');
    expect(await roleOf(stranger)).toBeNull();
  });

  it.each([NIL_UUID, 'not-an-id'])(
    'answers NOT_FOUND / ORGANISATION_NOT_FOUND for %p',
    async (id) => {
      const result = await api.gql(ORGANISATION, { id });
      expect(firstError(result).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'ORGANISATION_NOT_FOUND',
      });
    },
  );
});
