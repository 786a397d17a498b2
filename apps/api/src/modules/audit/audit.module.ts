import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';

/** The append-only audit log shared by moderation and administration. */
@Module({
  providers: [AuditRepository],
  exports: [AuditRepository],
})
export class AuditModule {}
