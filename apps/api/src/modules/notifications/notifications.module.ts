import { Global, Module } from '@nestjs/common';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications: any module may tell a participant what happened, in its transaction;
 * the reader lists them and marks them read.
 */
@Global()
@Module({
  providers: [NotificationsRepository, NotificationsService, NotificationsResolver],
  exports: [NotificationsRepository],
})
export class NotificationsModule {}
