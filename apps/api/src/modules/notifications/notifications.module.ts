import { Global, Module } from '@nestjs/common';
import { JobsModule } from '../../common/jobs/jobs.module';
import { NotificationEmailJob } from './notification-email.job';
import { NotificationFeed } from './notification-feed';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * In-app notifications: any module may tell a participant what happened, in its transaction;
 * the reader lists them and marks them read, chooses how often each kind goes out by e-mail,
 * and the e-mail jobs send them (at once or in the daily digest).
 */
@Global()
@Module({
  imports: [JobsModule],
  controllers: [UnsubscribeController],
  providers: [
    NotificationsRepository,
    NotificationsService,
    NotificationsResolver,
    NotificationEmailJob,
    NotificationFeed,
  ],
  exports: [NotificationsRepository, NotificationEmailJob],
})
export class NotificationsModule {}
