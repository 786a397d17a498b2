import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, type Language } from '@passerelle/domain';
import { type Page, pageArgs, toPage } from '../votes/page';
import { type EmailMessageRecord, OutboxRepository } from './outbox.repository';

export const OUTBOX_PAGE = { first: 20, max: 100 };

/** The administrators' view of every e-mail written (the outbox in demo mode). */
@Injectable()
export class OutboxService {
  constructor(private readonly repository: OutboxRepository) {}

  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null },
    lang: Language,
  ): Promise<Page<EmailMessageRecord>> {
    assertCan(actor, 'mail.readOutbox'); // before reading the arguments
    const page = pageArgs(args.first, args.after, OUTBOX_PAGE, lang);
    const [rows, total] = await Promise.all([
      this.repository.findPage(page.after, page.take + 1),
      this.repository.count(),
    ]);
    return toPage(rows, page.take, total, (row) => ({ at: row.createdAt, id: row.id }));
  }
}
