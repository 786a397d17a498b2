import { z } from 'zod';
import {
  assertCan,
  canModerateConsultation,
  type Actor,
  type ConsultationModeration,
} from '../permissions/can';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { id, optionalText, text } from '../shared/schemas';

const values = <const T extends readonly string[]>(...items: T) =>
  Object.freeze(Object.fromEntries(items.map((item) => [item, item]))) as {
    readonly [K in T[number]]: K;
  };

export const ReportTargetType = values('PROPOSAL', 'COMMENT', 'USER', 'AMENDMENT');
export type ReportTargetType = keyof typeof ReportTargetType;
export const ReportReason = values(
  'SPAM',
  'OFFENSIVE',
  'OFF_TOPIC',
  'DUPLICATE',
  'PERSONAL_DATA',
  'OTHER',
);
export type ReportReason = keyof typeof ReportReason;
export const ReportStatus = values('OPEN', 'DISMISSED', 'ACTIONED');
export type ReportStatus = keyof typeof ReportStatus;

/** What moderation and administration write to the audit log. */
export const AuditAction = values(
  'AUTO_HIDE',
  'HIDE',
  'RESTORE',
  'DISMISS_REPORTS',
  'ANSWER_PROPOSAL',
  'CREATE_CONSULTATION',
  'UPDATE_CONSULTATION',
  'CHANGE_ROLE',
  'APPROVE',
  'REJECT',
  'SUSPEND_USER',
  'REINSTATE_USER',
  'MERGE_PROPOSALS',
  'UNDO_MERGE',
  'PUBLISH_BRIEF',
);
export type AuditAction = keyof typeof AuditAction;

export const MODERATION_LIMITS = {
  detailsMax: 1_000,
  reasonMin: 3,
  reasonMax: 1_000,
} as const;

export const reportContentInputSchema = z
  .strictObject({
    targetType: z.enum(Object.values(ReportTargetType)),
    targetId: id(),
    reason: z.enum(Object.values(ReportReason)),
    details: optionalText(MODERATION_LIMITS.detailsMax),
  })
  .superRefine((input, ctx) => {
    if (input.reason === 'OTHER' && !input.details) {
      ctx.addIssue({ code: 'custom', path: ['details'], params: { rule: 'required' } });
    }
  });
export type ReportContentInput = z.infer<typeof reportContentInputSchema>;

export const moderationDecisionInputSchema = z.strictObject({
  targetType: z.enum(Object.values(ReportTargetType)),
  targetId: id(),
  reason: text(MODERATION_LIMITS.reasonMin, MODERATION_LIMITS.reasonMax),
});
export type ModerationDecisionInput = z.infer<typeof moderationDecisionInputSchema>;

/** The key that keeps one open report per reporter and target (unique while open). */
export function reportOpenKey(reporterId: string, targetType: ReportTargetType, targetId: string) {
  return `${reporterId}:${targetType}:${targetId}`;
}

/**
 * Who may report: a signed-in account, never its own proposal, comment, amendment or account.
 * `ownerId` is the author of the content, or the account itself for a USER report.
 */
export function assertCanReport(
  actor: Actor,
  target: { ownerId: string },
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
  if (actor.id === target.ownerId) {
    throw new DomainError(DomainErrorCode.OWN_CONTENT_REPORT, undefined, lang);
  }
}

/** Whether content with this many open reports is hidden at the consultation's threshold. */
export function shouldHide(openReportsCount: number, threshold: number): boolean {
  return openReportsCount >= threshold;
}

/** Moderators and administrators decide on reported content. */
export function assertCanModerate(actor: Actor): void {
  assertCan(actor, 'moderation.act');
}

/** Hide and restore apply to proposals, comments and amendments; dismissing reports to any target. */
export function assertDecisionTarget(
  decision: 'HIDE' | 'RESTORE' | 'DISMISS_REPORTS',
  targetType: ReportTargetType,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (decision !== 'DISMISS_REPORTS' && targetType === 'USER') {
    throw new DomainError(
      DomainErrorCode.INVALID_INPUT,
      [
        {
          field: 'targetType',
          rule: 'oneOf',
          message:
            lang === 'fr'
              ? 'Choisissez une valeur parmi : PROPOSAL, COMMENT, AMENDMENT.'
              : 'Choose one of: PROPOSAL, COMMENT, AMENDMENT.',
        },
      ],
      lang,
    );
  }
}

const NOT_LOCAL: ConsultationModeration = { isLocalModerator: false };

/**
 * Hidden content stays visible to its author and to moderators and administrators, and to the
 * local moderators of its consultation (not suspended) when `moderation` says the viewer is one.
 */
export function canSeeHidden(
  actor: Actor,
  authorId: string,
  moderation: ConsultationModeration = NOT_LOCAL,
): boolean {
  return actor !== null && (actor.id === authorId || canModerateConsultation(actor, moderation));
}

/** Whether content is shown in full to this viewer. */
export function isContentVisibleTo(
  actor: Actor,
  content: { hiddenAt: Date | null; authorId: string },
  moderation?: ConsultationModeration,
) {
  return content.hiddenAt === null || canSeeHidden(actor, content.authorId, moderation);
}
