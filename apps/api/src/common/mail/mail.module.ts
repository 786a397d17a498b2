import { Global, Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Outgoing mail (SMTP through nodemailer, or the demo outbox), for every feature module. */
@Global()
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
