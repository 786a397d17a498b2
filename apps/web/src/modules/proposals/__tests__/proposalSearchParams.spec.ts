import {
  countActiveFilters,
  parseProposalSearch,
  toProposalsVariables,
  toSearchParams,
} from '../hooks/useProposalSearchParams';

const parse = (query: string) => parseProposalSearch(new URLSearchParams(query));

describe('proposal search parameters', () => {
  it('defaults to the newest proposals, and to relevance when searching', () => {
    expect(parse('').orderBy).toBe('NEWEST');
    expect(parse('q=v%C3%A9lo').orderBy).toBe('RELEVANCE');
    expect(parse('q=velo&tri=top').orderBy).toBe('TOP');
  });

  it('reads and writes the consensus and divisive orders, with or without a search', () => {
    expect(parse('tri=consensus').orderBy).toBe('CONSENSUS');
    expect(parse('q=velo&tri=divisive').orderBy).toBe('DIVISIVE');
    expect(toSearchParams(parse('tri=consensus')).toString()).toBe('tri=consensus');
    expect(toProposalsVariables(parse('tri=divisive')).orderBy).toBe('DIVISIVE');
  });

  it('ignores relevance without a search, unknown orders, statuses and collèges', () => {
    const state = parse('tri=relevance&statut=DRAFT&statut=SELECTED&college=KING&college=PTCE');
    expect(state.orderBy).toBe('NEWEST');
    expect(state.statuses).toEqual(['SELECTED']);
    expect(state.actorTypes).toEqual(['PTCE']);
  });

  it('round-trips every filter through the URL, leaving defaults out', () => {
    const query =
      'q=cantine&tri=hot&consultation=c1&theme=energie-citoyenne&theme=transition-ecologique&territoire=REGION-84&statut=PUBLISHED&college=ASSOCIATION';
    const state = parse(query);
    expect(toSearchParams(state).toString()).toBe(query);
    expect(toSearchParams(parse('tri=newest')).toString()).toBe('');
    expect(countActiveFilters(state)).toBe(6);
  });

  it('builds the GraphQL variables of the contract, without empty filters', () => {
    expect(toProposalsVariables(parse(''))).toEqual({
      filter: {},
      orderBy: 'NEWEST',
      search: null,
    });
    expect(toProposalsVariables(parse('q=velo&territoire=DEPARTEMENT-69&college=SME'))).toEqual({
      filter: { territoryId: 'DEPARTEMENT-69', authorActorTypes: ['SME'] },
      orderBy: 'RELEVANCE',
      search: 'velo',
    });
  });

  it('keeps the broad support filter in the URL and sends it as filter.broadSupport', () => {
    const state = parse('soutien-large=1&college=SME');
    expect(state.isBroadSupportOnly).toBe(true);
    expect(toSearchParams(state).toString()).toBe('college=SME&soutien-large=1');
    expect(countActiveFilters(state)).toBe(2);
    expect(toProposalsVariables(state).filter).toEqual({
      authorActorTypes: ['SME'],
      broadSupport: true,
    });
    // Only "1" turns it on; off, nothing is sent (both kinds of proposals are listed).
    expect(parse('soutien-large=oui').isBroadSupportOnly).toBe(false);
    expect(toProposalsVariables(parse('')).filter).not.toHaveProperty('broadSupport');
  });

  it('keeps "grounded in a measured experiment" in the URL and sends it as its filter', () => {
    const state = parse('experience-mesuree=1&soutien-large=1');
    expect(state.isGroundedOnly).toBe(true);
    expect(toSearchParams(state).toString()).toBe('soutien-large=1&experience-mesuree=1');
    expect(countActiveFilters(state)).toBe(2);
    expect(toProposalsVariables(state).filter).toEqual({
      broadSupport: true,
      groundedInMeasuredExperiment: true,
    });
    expect(parse('experience-mesuree=0').isGroundedOnly).toBe(false);
    expect(toProposalsVariables(parse('')).filter).not.toHaveProperty(
      'groundedInMeasuredExperiment',
    );
  });
});
