import { ActorType, membersOf, ProposalStatus, Role } from './enums';

describe('enumerations', () => {
  it('map each member to itself and list members in order', () => {
    expect(Role.ADMIN).toBe('ADMIN');
    expect(membersOf(ActorType)).toEqual([
      'CITIZEN',
      'ASSOCIATION',
      'ESS_ENTERPRISE',
      'SME',
      'LOCAL_AUTHORITY',
      'UNIVERSITY',
      'PTCE',
    ]);
    expect(Object.isFrozen(ProposalStatus)).toBe(true);
  });
});
