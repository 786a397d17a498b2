import { splitRelations } from './proposal-relations.sql';

describe('splitRelations', () => {
  const base = {
    id: 'p1',
    title: 'Une proposition',
    relAuthor: {
      id: 'u1',
      displayName: '2026-01-01T00:00:00',
      createdAt: '2026-11-26T07:28:10.123',
      deletedAt: null,
      suspendedUntil: '2026-12-01T00:00:00+00:00',
    },
    relOrganisation: null,
    relTerritories: [
      {
        id: 'COMMUNE-75056',
        level: 'COMMUNE',
        code: '75056',
        name: 'Paris',
        parentId: null,
        population: 1,
      },
      null,
    ],
    relThemes: [],
    relCollegeCounts: [],
    relConsultation: null,
  };

  it('separates the proposal from its relations and turns timestamps back into UTC dates', () => {
    const { rest, relations } = splitRelations(base as never);
    expect(rest).toEqual({ id: 'p1', title: 'Une proposition' });
    expect(relations.author).toEqual({
      id: 'u1',
      // Only the known timestamp columns are decoded: a name that looks like a date stays text.
      displayName: '2026-01-01T00:00:00',
      createdAt: new Date('2026-11-26T07:28:10.123Z'),
      deletedAt: null,
      suspendedUntil: new Date('2026-12-01T00:00:00Z'),
    });
    expect(relations.territories).toHaveLength(1);
    expect(relations.consultation).toBeNull();
    expect('myVote' in relations).toBe(false);
  });

  it("keeps the viewer's vote, null included, when the statement read it", () => {
    expect(splitRelations({ ...base, relMyVote: null } as never).relations.myVote).toBeNull();
    expect(splitRelations({ ...base, relMyVote: 'FOR' } as never).relations.myVote).toBe('FOR');
  });
});
