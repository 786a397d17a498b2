import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { TerritoriesModule } from '../territories/territories.module';
import { UsersAdminRepository } from './users-admin.repository';
import { UsersAdminResolver } from './users-admin.resolver';
import { UsersAdminService } from './users-admin.service';
import { UsersLoaders } from './users.loaders';
import { UsersRepository } from './users.repository';
import { ParticipantsResolver, UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule, TerritoriesModule, OrganisationsModule],
  providers: [
    UsersResolver,
    ParticipantsResolver,
    UsersService,
    UsersRepository,
    UsersLoaders,
    UsersAdminResolver,
    UsersAdminService,
    UsersAdminRepository,
  ],
  exports: [UsersRepository, UsersLoaders],
})
export class UsersModule {}
