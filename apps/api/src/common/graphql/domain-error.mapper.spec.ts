import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@passerelle/domain';
import { GraphQLError } from 'graphql';
import { Prisma } from '../../generated/prisma/client';
import { mapError } from './domain-error.mapper';

const en = { lang: 'en' as const, requestId: 'req-1', exposeDetails: false };

describe('mapError', () => {
  it('answers SERVICE_UNAVAILABLE, with a "try again" message, when the database is unreachable', () => {
    const unreachable = new Prisma.PrismaClientKnownRequestError("Can't reach database server", {
      code: 'P1001',
      clientVersion: 'test',
    });
    const { error, isUnexpected } = mapError(unreachable, { ...en, lang: 'fr' });
    expect(isUnexpected).toBe(false);
    expect(error.message).toBe(
      'Service momentanément indisponible, réessayez dans quelques instants.',
    );
    expect(error.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'SERVICE_UNAVAILABLE',
      requestId: 'req-1',
    });
    expect(mapError(unreachable, en).error.message).toBe(
      'Service temporarily unavailable, try again in a few moments.',
    );
  });

  it('maps a domain error through the table, in the request language, keeping its fields', () => {
    const fields = [
      { field: 'title', rule: 'minLength', message: 'Enter at least 10 characters.' },
    ];
    const { error, isUnexpected } = mapError(
      new DomainError(DomainErrorCode.INVALID_INPUT, fields, 'fr'),
      en,
    );
    expect(isUnexpected).toBe(false);
    expect(error.message).toBe('Some fields are not valid: correct them and try again.');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields,
      requestId: 'req-1',
    });
  });

  it('answers in French when asked', () => {
    const { error } = mapError(new DomainError(DomainErrorCode.PROPOSING_CLOSED), {
      ...en,
      lang: 'fr',
    });
    expect(error.message).toBe(
      "Le dépôt de propositions n'est pas ouvert pour cette consultation.",
    );
    expect(error.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'PROPOSING_CLOSED',
      requestId: 'req-1',
    });
  });

  it('maps a Prisma unique violation to CONFLICT', () => {
    const p2002 = new Prisma.PrismaClientKnownRequestError(
      'Unique constraint failed on the fields: (`slug`)',
      {
        code: 'P2002',
        clientVersion: '7',
        meta: { target: ['slug'] },
      },
    );
    const { error, isUnexpected } = mapError(p2002, en);
    expect(isUnexpected).toBe(false);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONFLICT' });
    expect(error.message).not.toContain('slug');
  });

  it('masks an unknown error: generic message, no stack or SQL, flagged for logging', () => {
    const { error, isUnexpected } = mapError(
      new Error('relation "secret" does not exist: SELECT * FROM secret'),
      en,
    );
    expect(isUnexpected).toBe(true);
    expect(error.message).toBe(
      'An unexpected error occurred. Try again later; if it persists, give the request id to support.',
    );
    expect(error.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      reason: 'INTERNAL_SERVER_ERROR',
      requestId: 'req-1',
    });
    expect(JSON.stringify(error.toJSON())).not.toContain('SELECT');
  });

  it('exposes the original message and stack in development only', () => {
    const { error } = mapError(new Error('boom'), { ...en, exposeDetails: true });
    expect(error.extensions['debug']).toMatchObject({
      message: 'boom',
      stack: expect.stringContaining('Error: boom'),
    });
  });

  it('maps Nest HTTP exceptions', () => {
    expect(mapError(new UnauthorizedException(), en).error.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
    expect(mapError(new ForbiddenException(), en).error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ALLOWED',
    });
  });

  it('keeps a client-facing GraphQL error as it is, adding a reason', () => {
    const { error } = mapError(
      new GraphQLError('Bad date', { extensions: { code: 'BAD_USER_INPUT' } }),
      en,
    );
    expect(error.message).toBe('Bad date');
    expect(error.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_USER_INPUT',
      requestId: 'req-1',
    });
  });
});
