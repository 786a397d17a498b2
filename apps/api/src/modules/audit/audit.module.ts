import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuthEventsRepository } from './auth-events.repository';
import { AuthEventsService } from './auth-events.service';

/** The append-only audit log shared by moderation and administration, and the auth events. */
@Module({
  providers: [AuditRepository, AuthEventsRepository, AuthEventsService],
  exports: [AuditRepository, AuthEventsService],
})
export class AuditModule {}
