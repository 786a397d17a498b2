import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TerritoriesModule } from '../territories/territories.module';
import { UsersModule } from '../users/users.module';
import { AccountEmailsResolver } from './account-emails.resolver';
import { AccountEmailsService } from './account-emails.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { PasswordsRepository } from './passwords.repository';
import { OidcClient } from './oidc/oidc-client';
import { OidcController } from './oidc/oidc.controller';
import { OidcRepository } from './oidc/oidc.repository';
import { OidcResolver } from './oidc/oidc.resolver';
import { OidcService } from './oidc/oidc.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionCookies } from './session-cookies';

@Module({
  imports: [UsersModule, TerritoriesModule, AuditModule],
  providers: [
    AuthResolver,
    AuthService,
    PasswordService,
    PasswordsRepository,
    RefreshTokensRepository,
    SessionCookies,
    AccountEmailsResolver,
    AccountEmailsService,
    AccountTokensRepository,
    OutboxService,
    OutboxRepository,
    OidcClient,
    OidcRepository,
    OidcService,
    OidcResolver,
  ],
  controllers: [OidcController],
})
export class AuthModule {}
