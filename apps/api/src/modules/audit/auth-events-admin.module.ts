import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuditModule } from './audit.module';
import { AuthEventsResolver } from './auth-events.resolver';

/**
 * The administrators' query on auth events. Apart from AuditModule, which the users module
 * itself imports (to record role changes), so that the resolver can use the users' loaders.
 */
@Module({
  imports: [AuditModule, UsersModule],
  providers: [AuthEventsResolver],
})
export class AuthEventsAdminModule {}
