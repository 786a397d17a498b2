import { Global, Module } from '@nestjs/common';
import { NotificationsRepository } from './notifications.repository';

/** In-app notifications: any module may tell a participant what happened, in its transaction. */
@Global()
@Module({
  providers: [NotificationsRepository],
  exports: [NotificationsRepository],
})
export class NotificationsModule {}
