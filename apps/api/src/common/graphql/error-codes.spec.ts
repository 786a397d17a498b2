import { DomainErrorCode } from '@passerelle/domain';
import { DOMAIN_TO_GRAPHQL_CODE, graphqlCodeFor } from './error-codes';

describe('domain → GraphQL error code table', () => {
  it('maps every domain code', () => {
    expect(Object.keys(DOMAIN_TO_GRAPHQL_CODE).sort()).toEqual(
      Object.values(DomainErrorCode).sort(),
    );
  });

  it.each([
    ['INVALID_INPUT', 'BAD_USER_INPUT'],
    ['REASON_REQUIRED', 'BAD_USER_INPUT'],
    ['SIGN_IN_REQUIRED', 'UNAUTHENTICATED'],
    ['SESSION_EXPIRED', 'UNAUTHENTICATED'],
    ['INVALID_CREDENTIALS', 'UNAUTHENTICATED'],
    ['NOT_ALLOWED', 'FORBIDDEN'],
    ['NOT_A_MEMBER', 'FORBIDDEN'],
    ['PROPOSING_CLOSED', 'FORBIDDEN'],
    ['VOTING_CLOSED', 'FORBIDDEN'],
    ['PHASE_CLOSED', 'FORBIDDEN'],
    ['PROPOSAL_NOT_FOUND', 'NOT_FOUND'],
    ['CONSULTATION_NOT_FOUND', 'NOT_FOUND'],
    ['THEME_NOT_FOUND', 'NOT_FOUND'],
    ['TERRITORY_NOT_FOUND', 'NOT_FOUND'],
    ['ORGANISATION_NOT_FOUND', 'NOT_FOUND'],
    ['EMAIL_TAKEN', 'CONFLICT'],
    ['ILLEGAL_TRANSITION', 'CONFLICT'],
    ['RATE_LIMITED', 'RATE_LIMITED'],
  ] as const)('%s → %s', (domainCode, graphqlCode) => {
    expect(graphqlCodeFor(domainCode)).toBe(graphqlCode);
  });

  it('maps every *_NOT_FOUND code to NOT_FOUND', () => {
    for (const code of Object.values(DomainErrorCode).filter((c) => c.endsWith('_NOT_FOUND'))) {
      expect(graphqlCodeFor(code)).toBe('NOT_FOUND');
    }
  });
});
