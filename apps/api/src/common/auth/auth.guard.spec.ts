import { type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@passerelle/domain';
import { type AccessTokenService } from './access-token.service';
import { Public, Roles } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { type AuthUser } from './auth-user';

class Handlers {
  @Public()
  open(): string {
    return 'open';
  }

  @Public({ ignoreInvalidToken: true })
  signIn(): string {
    return 'signIn';
  }

  closed(): string {
    return 'closed';
  }

  @Roles('MODERATOR', 'ADMIN')
  moderate(): string {
    return 'moderate';
  }
}

const TOKENS: Record<string, AuthUser> = {
  participant: { id: 'u1', role: 'PARTICIPANT' },
  moderator: { id: 'u2', role: 'MODERATOR' },
};

const tokens = {
  verify: async (token: string) => TOKENS[token] ?? null,
} as unknown as AccessTokenService;
const guard = new AuthGuard(new Reflector(), tokens);

function contextFor(
  handler: keyof Handlers,
  headers: Record<string, string> = {},
  cookies: Record<string, string> = {},
) {
  const req = { headers, cookies } as {
    headers: Record<string, string>;
    cookies: Record<string, string>;
    user?: AuthUser | null;
  };
  const context = {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { context, req };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'ALLOWED';
}

describe('AuthGuard', () => {
  it('lets anonymous visitors through @Public() handlers only', async () => {
    expect(await reasonOf(guard.canActivate(contextFor('open').context))).toBe('ALLOWED');
    expect(await reasonOf(guard.canActivate(contextFor('closed').context))).toBe(
      'SIGN_IN_REQUIRED',
    );
  });

  it('reads a Bearer token first, then the passerelle_at cookie', async () => {
    const bearer = contextFor(
      'closed',
      { authorization: 'Bearer participant' },
      { passerelle_at: 'moderator' },
    );
    await guard.canActivate(bearer.context);
    expect(bearer.req.user).toEqual(TOKENS['participant']);
    const cookie = contextFor('closed', {}, { passerelle_at: 'moderator' });
    await guard.canActivate(cookie.context);
    expect(cookie.req.user).toEqual(TOKENS['moderator']);
  });

  it('answers SESSION_EXPIRED to an invalid token, even on public handlers', async () => {
    const { context } = contextFor('open', { authorization: 'Bearer forged' });
    expect(await reasonOf(guard.canActivate(context))).toBe('SESSION_EXPIRED');
  });

  it('ignores an invalid token on the auth mutations', async () => {
    const { context, req } = contextFor('signIn', {}, { passerelle_at: 'stale' });
    expect(await reasonOf(guard.canActivate(context))).toBe('ALLOWED');
    expect(req.user).toBeNull();
  });

  it('enforces @Roles(): NOT_ALLOWED for a wrong role, SIGN_IN_REQUIRED when anonymous', async () => {
    expect(
      await reasonOf(
        guard.canActivate(contextFor('moderate', { authorization: 'Bearer participant' }).context),
      ),
    ).toBe('NOT_ALLOWED');
    expect(
      await reasonOf(
        guard.canActivate(contextFor('moderate', { authorization: 'Bearer moderator' }).context),
      ),
    ).toBe('ALLOWED');
    expect(await reasonOf(guard.canActivate(contextFor('moderate').context))).toBe(
      'SIGN_IN_REQUIRED',
    );
  });
});
