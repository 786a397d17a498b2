import type {
  Amendment,
  AmendmentDiff,
  AmendmentStatus,
  AmendmentVoteValue,
  AmendableFieldName,
  DiffPart,
} from '../../shared/graphql/schema-types';

/** The list's filters: one status each, and all of them (withdrawn ones only there). */
export const AMENDMENT_FILTERS = ['PENDING', 'ACCEPTED', 'REJECTED', 'ALL'] as const;
export type AmendmentFilter = (typeof AMENDMENT_FILTERS)[number];

export function filterAmendments<T extends { status: AmendmentStatus }>(
  amendments: readonly T[],
  filter: AmendmentFilter,
): T[] {
  return filter === 'ALL' ? [...amendments] : amendments.filter((a) => a.status === filter);
}

/** What a click on a vote button sends: the value, or null (withdraw) when it is already mine. */
export function nextVote(
  current: AmendmentVoteValue | null,
  clicked: AmendmentVoteValue,
): AmendmentVoteValue | null {
  return current === clicked ? null : clicked;
}

/** The amendable fields, in reading order, with the key of their texts and diff. */
export const DIFF_FIELDS: readonly {
  field: AmendableFieldName;
  key: 'title' | 'summary' | 'body';
}[] = [
  { field: 'TITLE', key: 'title' },
  { field: 'SUMMARY', key: 'summary' },
  { field: 'BODY', key: 'body' },
];

/** Only the fields the amendment changes, in reading order, with their word diff. */
export function changedDiffFields(
  diff: AmendmentDiff,
): { field: AmendableFieldName; parts: DiffPart[] }[] {
  return DIFF_FIELDS.filter(({ field }) => diff.changedFields.includes(field)).map(
    ({ field, key }) => ({ field, parts: diff[key] }),
  );
}

export type Decision = 'ACCEPT' | 'REJECT';

export interface DecisionForm {
  reason: string;
  inviteAuthor: boolean;
}

export type DecisionInputResult =
  | {
      input: {
        amendmentId: string;
        expectedVersion: number;
        reason: string | null;
        inviteAuthorAsCoAuthor?: boolean;
      };
    }
  | { error: 'REASON_REQUIRED' };

/**
 * The decision to send: the amendment's version as read (a rebase in between is refused), the
 * reason (required when a moderator decides in the author's place), and on acceptance whether to
 * invite the amendment's author as a co-author.
 */
export function decisionInput(
  amendment: Pick<Amendment, 'id' | 'version'>,
  decision: Decision,
  form: DecisionForm,
  isReasonRequired: boolean,
): DecisionInputResult {
  const reason = form.reason.trim();
  if (isReasonRequired && reason === '') return { error: 'REASON_REQUIRED' };
  return {
    input: {
      amendmentId: amendment.id,
      expectedVersion: amendment.version,
      reason: reason === '' ? null : reason,
      ...(decision === 'ACCEPT' ? { inviteAuthorAsCoAuthor: form.inviteAuthor } : {}),
    },
  };
}

/** The API's reasons that need more than its message: the list is refetched and explained. */
export function conflictKind(reason: string | undefined): 'outdated' | 'stale' | null {
  if (reason === 'AMENDMENT_OUTDATED') return 'outdated';
  if (reason === 'STALE_VERSION') return 'stale';
  return null;
}
