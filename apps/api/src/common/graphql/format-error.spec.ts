import { GraphQLError } from 'graphql';
import { createFormatError } from './format-error';

describe('formatError', () => {
  const format = createFormatError(false);

  it('gives an error without a reason its code as reason', () => {
    const formatted = format(
      { message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      null,
    );
    expect(formatted.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
  });

  it('masks an unmapped internal error and drops its stack trace', () => {
    const original = new Error('connect ECONNREFUSED 10.0.0.3:5432');
    const formatted = format(
      {
        message: original.message,
        path: ['themes'],
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          stacktrace: ['Error: connect ECONNREFUSED', '  at x.ts:1'],
        },
      },
      new GraphQLError(original.message, { originalError: original }),
    );
    expect(formatted).toEqual({
      message: expect.stringContaining('Une erreur inattendue'),
      path: ['themes'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('keeps errors the exception filter already mapped', () => {
    const mapped = {
      message: 'Sign in to do this.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', requestId: 'r' },
    };
    expect(format(mapped, null)).toEqual(mapped);
  });

  it('shows details in development', () => {
    const formatted = createFormatError(true)(
      { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError('boom', { originalError: new Error('boom') }),
    );
    expect(formatted.extensions?.['debug']).toMatchObject({ message: 'boom' });
  });

  it('cuts "Did you mean" hints when asked (production)', () => {
    const error = {
      message:
        'Value "NEWES" does not exist in "ProposalOrderBy" enum. Did you mean the enum value "NEWEST"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(createFormatError(false, true)(error, null).message).toBe(
      'Value "NEWES" does not exist in "ProposalOrderBy" enum.',
    );
    expect(createFormatError(false)(error, null).message).toBe(error.message);
  });
});
