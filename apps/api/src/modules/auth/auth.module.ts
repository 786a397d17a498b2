import { Module } from '@nestjs/common';
import { TerritoriesModule } from '../territories/territories.module';
import { UsersModule } from '../users/users.module';
import { AccountEmailsResolver } from './account-emails.resolver';
import { AccountEmailsService } from './account-emails.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionCookies } from './session-cookies';

@Module({
  imports: [UsersModule, TerritoriesModule],
  providers: [
    AuthResolver,
    AuthService,
    PasswordService,
    RefreshTokensRepository,
    SessionCookies,
    AccountEmailsResolver,
    AccountEmailsService,
    AccountTokensRepository,
    OutboxService,
    OutboxRepository,
  ],
})
export class AuthModule {}
