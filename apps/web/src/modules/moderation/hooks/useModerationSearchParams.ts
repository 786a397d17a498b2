import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import {
  QUEUE_ORDERS,
  QUEUE_TARGET_TYPES,
  REPORT_REASONS,
  type AuditActionName,
  type AuditLogVariables,
  type ModerationQueueOrder,
  type ModerationQueueVariables,
  type ReportReason,
  type ReportTargetType,
} from '../graphql/moderation.documents';
import { AUDIT_ACTIONS } from '../audit-actions';

/** Items and log entries asked per page. */
export const QUEUE_PAGE_SIZE = 20;
export const AUDIT_PAGE_SIZE = 30;

export const DEFAULT_QUEUE_ORDER: ModerationQueueOrder = 'MOST_REPORTED';

/** URL parameter names, in French like the paths. */
export const P = {
  tab: 'vue',
  targetType: 'type',
  reason: 'motif',
  consultationId: 'consultation',
  awaitingReview: 'attente',
  orderBy: 'tri',
  action: 'action',
  auditTargetType: 'cible',
} as const;

export type ModerationTab = 'queue' | 'audit';

/** The queue's filters and sort, read from the URL (shareable; survives a reload). */
export interface QueueSearchState {
  targetType: ReportTargetType | null;
  reason: ReportReason | null;
  consultationId: string | null;
  awaitingReview: boolean;
  orderBy: ModerationQueueOrder;
}

/** The audit log's filters, read from the URL. */
export interface AuditSearchState {
  action: AuditActionName | null;
  targetType: string | null;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Only known values are kept: a hand-edited URL falls back to the defaults. */
export function parseQueueSearch(params: URLSearchParams): QueueSearchState {
  return {
    targetType: pick(params.get(P.targetType), QUEUE_TARGET_TYPES),
    reason: pick(params.get(P.reason), REPORT_REASONS),
    consultationId: params.get(P.consultationId) || null,
    awaitingReview: params.get(P.awaitingReview) === '1',
    orderBy: pick(params.get(P.orderBy), QUEUE_ORDERS) ?? DEFAULT_QUEUE_ORDER,
  };
}

export function parseAuditSearch(params: URLSearchParams): AuditSearchState {
  // Target types are free text in the API (any module may log); only a plain word is kept.
  const targetType = params.get(P.auditTargetType);
  return {
    action: pick(params.get(P.action), AUDIT_ACTIONS),
    targetType: targetType && /^[A-Z_]{1,40}$/.test(targetType) ? targetType : null,
  };
}

export function parseTab(params: URLSearchParams): ModerationTab {
  return params.get(P.tab) === 'journal' ? 'audit' : 'queue';
}

/** The queue's GraphQL variables: filters left empty are not sent. */
export function toQueueVariables(
  state: QueueSearchState,
  first: number = QUEUE_PAGE_SIZE,
): ModerationQueueVariables {
  const variables: ModerationQueueVariables = { first, orderBy: state.orderBy };
  if (state.targetType) variables.targetType = state.targetType;
  if (state.reason) variables.reason = state.reason;
  if (state.consultationId) variables.consultationId = state.consultationId;
  if (state.awaitingReview) variables.awaitingReview = true;
  return variables;
}

export function toAuditVariables(
  state: AuditSearchState,
  first: number = AUDIT_PAGE_SIZE,
): AuditLogVariables {
  const variables: AuditLogVariables = { first };
  if (state.action) variables.action = state.action;
  if (state.targetType) variables.targetType = state.targetType;
  return variables;
}

/**
 * Writes one parameter (null or '' removes it, so defaults stay out of the URL) and keeps the
 * others. Filters replace the history entry: Back leaves the page rather than undoing a select.
 */
export function withParam(params: URLSearchParams, key: string, value: string | null) {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

/** The moderation page's URL state and a setter for one parameter. */
export function useModerationSearchParams() {
  const [params, setParams] = useSearchParams();
  // react-router hands a functional update the params of the last render, so two changes made
  // before it re-renders would lose the first: each change builds on the last one written.
  const latest = useRef(params);
  latest.current = params;
  const queue = useMemo(() => parseQueueSearch(params), [params]);
  const audit = useMemo(() => parseAuditSearch(params), [params]);
  const tab = parseTab(params);
  const set = useCallback(
    (key: string, value: string | null) => {
      const next = withParam(latest.current, key, value);
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return { queue, audit, tab, set };
}
