import { Module } from '@nestjs/common';
import { TerritoriesModule } from '../territories/territories.module';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionCookies } from './session-cookies';

@Module({
  imports: [UsersModule, TerritoriesModule],
  providers: [AuthResolver, AuthService, PasswordService, RefreshTokensRepository, SessionCookies],
})
export class AuthModule {}
