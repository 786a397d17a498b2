import { closeFactories, createOrganisation, createUser, uniqueKey } from '../factories';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type SearchData = { searchOrganisations: { id: string; name: string; actorType: string }[] };

const SEARCH = `query ($query: String!, $first: Int) {
  searchOrganisations(query: $query, first: $first) { id name actorType }
}`;

describe('searchOrganisations', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const names = async (query: string, first?: number, token?: string) =>
    dataOf(await api.gql<SearchData>(SEARCH, { query, first }, { token })).searchOrganisations.map(
      (organisation) => organisation.name,
    );

  it('matches names ignoring case and accents, ordered by name, for anonymous visitors', async () => {
    const key = uniqueKey('recherche');
    await createOrganisation({ name: `Énergies Citoyennes ${key}` });
    await createOrganisation({ name: `Atelier du Pilat ${key}` });
    await createOrganisation({ name: `Recyclerie ${key} des Monts` });

    expect(await names(key)).toEqual([
      `Atelier du Pilat ${key}`,
      `Énergies Citoyennes ${key}`,
      `Recyclerie ${key} des Monts`,
    ]);
    expect(await names(`energies citoyennes ${key}`.toUpperCase())).toEqual([
      `Énergies Citoyennes ${key}`,
    ]);
    expect(await names(`ÉNERGIÈS CÎTOYENNES ${key}`)).toEqual([`Énergies Citoyennes ${key}`]);
    const user = await createUser();
    expect(await names(`pilat ${key}`, undefined, await api.tokenFor(user))).toEqual([
      `Atelier du Pilat ${key}`,
    ]);
  });

  it('takes the query literally (LIKE wildcards do not match everything)', async () => {
    const key = uniqueKey('joker');
    await createOrganisation({ name: `Tiers-lieu ${key}` });
    expect(await names(`%${key}`)).toEqual([]);
    expect(await names(`${key.slice(0, 3)}_`)).toEqual([]);
  });

  it('refuses a query shorter than 2 characters, in French and in English', async () => {
    for (const query of ['', 'a', ' é ']) {
      const error = firstError(await api.gql(SEARCH, { query }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error.extensions?.fields).toEqual([
        { field: 'query', rule: 'minLength', message: 'Saisissez au moins 2 caractères.' },
      ]);
    }
    const english = firstError(await api.gql(SEARCH, { query: 'a' }, { lang: 'en' }));
    expect(english.extensions?.fields?.[0]?.message).toBe('Type at least 2 characters.');
  });

  it('returns 10 by default and caps `first` between 1 and 20', async () => {
    const key = uniqueKey('page');
    for (let index = 0; index < 22; index += 1) {
      await createOrganisation({ name: `Coopérative ${key} ${String(index).padStart(2, '0')}` });
    }
    expect(await names(key)).toHaveLength(10);
    expect(await names(key, 20)).toEqual(
      Array.from(
        { length: 20 },
        (_, index) => `Coopérative ${key} ${String(index).padStart(2, '0')}`,
      ),
    );
    expect(await names(key, 1)).toHaveLength(1);
    for (const first of [0, -1, 21, 500]) {
      const error = firstError(await api.gql(SEARCH, { query: key, first }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error.extensions?.fields?.map((field) => [field.field, field.rule])).toEqual([
        ['first', 'range'],
      ]);
    }
  });

  it('gives anonymous visitors no private field: members show public profiles only', async () => {
    const member = await createUser();
    const key = uniqueKey('prive');
    await createOrganisation({ name: `Régie de quartier ${key}`, memberIds: [member.id] });
    const email = await api.gql(
      `query ($query: String!) { searchOrganisations(query: $query) { members { user { email } } } }`,
      { query: key },
    );
    expect(firstError(email).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const result = await api.gql<{
      searchOrganisations: {
        myRole: string | null;
        members: { user: Record<string, unknown> }[];
      }[];
    }>(
      `query ($query: String!) {
        searchOrganisations(query: $query) { myRole members { user { id displayName } } }
      }`,
      { query: key },
    );
    expect(dataOf(result).searchOrganisations).toEqual([
      { myRole: null, members: [{ user: { id: member.id, displayName: member.displayName } }] },
    ]);
    expect(JSON.stringify(result.data)).not.toContain(member.email);
  });
});
