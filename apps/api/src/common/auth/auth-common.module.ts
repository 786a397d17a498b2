import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { UsersModule } from '../../modules/users/users.module';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { SessionsRepository } from './sessions.repository';
import { SuspensionGuard } from './suspension.guard';

/**
 * Access tokens and the global guards (in this order: who is signing in, then whether a
 * suspended account may run the mutation); the auth feature module signs, everything else verifies.
 */
@Global()
@Module({
  imports: [JwtModule.register({}), UsersModule],
  providers: [
    AccessTokenService,
    SessionsRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: SuspensionGuard },
  ],
  exports: [AccessTokenService, SessionsRepository],
})
export class AuthCommonModule {}
