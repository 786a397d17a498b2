import {
  clearCandidateFilters,
  countCandidateFilters,
  initialCandidateFilters,
  toCandidateVariables,
  updateCandidateFilters,
} from '../forms/candidate-filters';

const LYON = { id: 'COMMUNE-69123', level: 'COMMUNE' as const, code: '69123', name: 'Lyon' };

describe('candidate filters → proposals variables', () => {
  it('starts with the brief’s consultation, most supported first, no filter', () => {
    expect(toCandidateVariables(initialCandidateFilters('c1'))).toEqual({
      search: null,
      filter: { consultationId: 'c1' },
      orderBy: 'TOP',
      first: 10,
    });
  });

  it('sends every filter chosen, broad support across collèges included', () => {
    const state = updateCandidateFilters(initialCandidateFilters(''), {
      themeSlugs: ['energie', 'circuits-courts'],
      territory: LYON,
      statuses: ['PUBLISHED', 'SELECTED'],
      actorTypes: ['ASSOCIATION', 'PTCE'],
      isBroadSupportOnly: true,
      isGroundedOnly: true,
      orderBy: 'CONTROVERSIAL',
    });
    expect(toCandidateVariables(state)).toEqual({
      search: null,
      filter: {
        themeSlugs: ['energie', 'circuits-courts'],
        territoryId: 'COMMUNE-69123',
        statuses: ['PUBLISHED', 'SELECTED'],
        authorActorTypes: ['ASSOCIATION', 'PTCE'],
        broadSupport: true,
        groundedInMeasuredExperiment: true,
      },
      orderBy: 'CONTROVERSIAL',
      first: 10,
    });
    expect(countCandidateFilters(state)).toBe(9);
    const cleared = clearCandidateFilters(state);
    expect(toCandidateVariables(cleared).filter).toEqual({});
    expect(cleared.orderBy).toBe('CONTROVERSIAL');
  });

  it('sorts a new search by relevance, and falls back to the most supported without one', () => {
    const searching = updateCandidateFilters(initialCandidateFilters('c1'), {
      search: 'énergie citoyenne',
    });
    expect(toCandidateVariables(searching)).toMatchObject({
      search: 'énergie citoyenne',
      orderBy: 'RELEVANCE',
    });
    const newest = updateCandidateFilters(searching, { orderBy: 'NEWEST' });
    expect(updateCandidateFilters(newest, { search: 'scic' }).orderBy).toBe('RELEVANCE');
    expect(updateCandidateFilters(searching, { search: '' }).orderBy).toBe('TOP');
    expect(updateCandidateFilters(newest, { search: '' }).orderBy).toBe('NEWEST');
    expect(
      toCandidateVariables({ ...initialCandidateFilters('c1'), orderBy: 'RELEVANCE' }).orderBy,
    ).toBe('TOP');
  });
});
