import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type EmailCategory } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';

/** One message to send: plain text and HTML bodies, both written by the caller. */
export interface OutgoingEmail {
  to: string;
  /** The recipient's account, when there is one. */
  userId?: string | null;
  subject: string;
  text: string;
  html: string;
  category: EmailCategory;
  /** Extra headers, e.g. List-Unsubscribe (kept with the message only as far as SMTP goes). */
  headers?: Record<string, string>;
}

export interface EmailOutcome {
  id: string;
  /** True once the SMTP server accepted it; false in demo mode (outbox) or on a delivery error. */
  isSent: boolean;
}

/**
 * Outgoing mail. Every message is first written to `email_messages`; with SMTP_URL it is then
 * handed to the SMTP server (nodemailer) and marked sent, or its error is recorded; without
 * SMTP_URL it stays unsent: the outbox administrators read in demo mode. Call it after the
 * transaction that makes the message due, never inside one (SMTP is slow and may fail).
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    private readonly prisma: PrismaService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  /** Whether messages really leave (SMTP_URL set) or stay in the outbox. */
  get isDelivering(): boolean {
    return this.transport !== null;
  }

  async send(email: OutgoingEmail): Promise<EmailOutcome> {
    const row = await this.prisma.emailMessage.create({
      data: {
        userId: email.userId ?? null,
        toAddress: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        category: email.category,
      },
      select: { id: true },
    });
    if (!this.transport) return { id: row.id, isSent: false };
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
      });
      await this.prisma.emailMessage.update({
        where: { id: row.id },
        data: { sentAt: new Date(), attempts: { increment: 1 }, error: null },
      });
      return { id: row.id, isSent: true };
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      this.logger.error(`E-mail ${row.id} (${email.category}) not delivered: ${message}`);
      await this.prisma.emailMessage.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, error: message },
      });
      return { id: row.id, isSent: false };
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
