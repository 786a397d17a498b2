import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertAccountDeletable,
  assertDeletionConfirmed,
  DATA_EXPORT_FORMAT_VERSION,
  deleteMyAccountInputSchema,
  DomainError,
  DomainErrorCode,
  errorMessage,
  exportFileName,
  type Language,
  retentionCutoffs,
  TERMS_VERSION,
  validateInput,
} from '@passerelle/domain';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type AuthEventInput, AuthEventsService } from '../audit/auth-events.service';
import { PasswordService } from '../auth/password.service';
import { type PurgeCounts, PrivacyRepository } from './privacy.repository';

/** A data export, ready to download. */
export interface DataExportFile {
  fileName: string;
  body: string;
}

/**
 * GDPR rights of the signed-in account (export, deletion) and the retention purge.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly repository: PrivacyRepository,
    private readonly passwords: PasswordService,
    private readonly authEvents: AuthEventsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Everything about the account as one JSON document; records DATA_EXPORTED. */
  async exportMyData(
    actor: Actor,
    request: AuthEventInput['request'],
    lang: Language,
    now = new Date(),
  ): Promise<DataExportFile> {
    if (!actor) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const data = await this.repository.exportData(actor.id);
    if (!data) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    await this.authEvents.record({ kind: 'DATA_EXPORTED', userId: actor.id, request });
    const document = {
      format: 'passerelle-data-export',
      formatVersion: DATA_EXPORT_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      termsVersionInForce: TERMS_VERSION,
      ...data,
    };
    return { fileName: exportFileName(now), body: `${JSON.stringify(document, null, 2)}\n` };
  }

  /**
   * Deletes the signed-in account in one transaction: the row becomes an anonymous tombstone,
   * what only it had is removed, and its contributions stay anonymous or are erased (mode).
   * Refuses the last administrator, the last manager of an organisation, a wrong password and a
   * confirmation that is not the account's e-mail; then nothing changes.
   */
  async deleteMyAccount(actor: Actor, input: unknown, lang: Language): Promise<void> {
    if (!actor) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const data = validateInput(deleteMyAccountInputSchema, input, lang);
    const isDeleted = await this.repository.deleteAccount(
      actor.id,
      data.mode,
      new Date(),
      async (account, context) => {
        assertAccountDeletable(context, lang);
        if (account.passwordHash) {
          const isValid = data.password
            ? await this.passwords.verify(account.passwordHash, data.password)
            : false;
          if (!isValid) {
            throw new DomainError(
              DomainErrorCode.PASSWORD_INCORRECT,
              [
                {
                  field: 'password',
                  rule: 'password',
                  message: errorMessage(DomainErrorCode.PASSWORD_INCORRECT, lang),
                },
              ],
              lang,
            );
          }
        }
        assertDeletionConfirmed(data.confirmation, account.email, lang);
      },
    );
    if (!isDeleted) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
  }

  /** Purges what the retention periods (AppConfig.retention) no longer justify keeping. */
  purgeExpired(now = new Date()): Promise<PurgeCounts> {
    return this.repository.purge(retentionCutoffs(now, this.config.retention));
  }
}
