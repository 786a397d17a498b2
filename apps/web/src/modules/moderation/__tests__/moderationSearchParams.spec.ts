import { createElement, type ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import {
  parseAuditSearch,
  parseQueueSearch,
  parseTab,
  toAuditVariables,
  toQueueVariables,
  useModerationSearchParams,
  withParam,
} from '../hooks/useModerationSearchParams';

const queue = (query: string) => parseQueueSearch(new URLSearchParams(query));
const audit = (query: string) => parseAuditSearch(new URLSearchParams(query));

describe('moderation queue search parameters', () => {
  it('asks the most reported items first, 20 at a time, with no filter by default', () => {
    expect(toQueueVariables(queue(''))).toEqual({ first: 20, orderBy: 'MOST_REPORTED' });
  });

  it('maps every filter of the URL to the moderationQueue arguments', () => {
    const consultationId = '00000000-0000-4000-8000-000000000001';
    expect(
      toQueueVariables(
        queue(`type=COMMENT&motif=SPAM&consultation=${consultationId}&attente=1&tri=OLDEST`),
      ),
    ).toEqual({
      first: 20,
      targetType: 'COMMENT',
      reason: 'SPAM',
      consultationId,
      awaitingReview: true,
      orderBy: 'OLDEST',
    });
  });

  it('ignores unknown types, reasons, orders and a non-"1" awaiting flag', () => {
    expect(queue('type=POLL&motif=RUDE&tri=RANDOM&attente=yes')).toEqual({
      targetType: null,
      reason: null,
      consultationId: null,
      awaitingReview: false,
      orderBy: 'MOST_REPORTED',
    });
    expect(toQueueVariables(queue('type=USER&attente=0'))).toEqual({
      first: 20,
      targetType: 'USER',
      orderBy: 'MOST_REPORTED',
    });
  });

  it('filters the queue on amendments', () => {
    expect(queue('type=AMENDMENT').targetType).toBe('AMENDMENT');
    expect(toQueueVariables(queue('type=AMENDMENT&motif=SPAM'))).toEqual({
      first: 20,
      targetType: 'AMENDMENT',
      reason: 'SPAM',
      orderBy: 'MOST_REPORTED',
    });
    expect(queue('type=amendment').targetType).toBeNull();
  });

  it('sets and removes one parameter, keeping the others', () => {
    const params = new URLSearchParams('type=PROPOSAL&tri=NEWEST');
    expect(withParam(params, 'attente', '1').toString()).toBe('type=PROPOSAL&tri=NEWEST&attente=1');
    expect(withParam(params, 'tri', null).toString()).toBe('type=PROPOSAL');
    expect(withParam(params, 'type', '').toString()).toBe('tri=NEWEST');
    expect(params.toString()).toBe('type=PROPOSAL&tri=NEWEST');
  });

  it('opens the audit log tab only for vue=journal', () => {
    expect(parseTab(new URLSearchParams('vue=journal'))).toBe('audit');
    expect(parseTab(new URLSearchParams('vue=other'))).toBe('queue');
    expect(parseTab(new URLSearchParams(''))).toBe('queue');
  });
});

describe('audit log search parameters', () => {
  it('asks the newest entries without filters by default', () => {
    expect(toAuditVariables(audit(''))).toEqual({ first: 30 });
  });

  it('filters by a known action and a target type', () => {
    expect(toAuditVariables(audit('action=SUSPEND_USER&cible=USER'))).toEqual({
      first: 30,
      action: 'SUSPEND_USER',
      targetType: 'USER',
    });
  });

  it('drops an unknown action and a target type that is not a plain word', () => {
    expect(audit('action=DELETE_ALL&cible=user%3Bdrop')).toEqual({
      action: null,
      targetType: null,
    });
  });
});

describe('useModerationSearchParams', () => {
  it('keeps every change made before the page re-renders', () => {
    const wrapper = ({ children }: { children: ReactNode }) =>
      createElement(MemoryRouter, { initialEntries: ['/moderation?tri=OLDEST'] }, children);
    const { result } = renderHook(
      () => ({ state: useModerationSearchParams(), location: useLocation() }),
      { wrapper },
    );
    act(() => {
      result.current.state.set('type', 'PROPOSAL');
      result.current.state.set('motif', 'SPAM');
      result.current.state.set('tri', null);
    });
    expect(result.current.location.search).toBe('?type=PROPOSAL&motif=SPAM');
    expect(toQueueVariables(result.current.state.queue)).toEqual({
      first: 20,
      targetType: 'PROPOSAL',
      reason: 'SPAM',
      orderBy: 'MOST_REPORTED',
    });
  });
});
