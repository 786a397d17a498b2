import { assertPhaseOpen, isPhaseWindowOpen, openPhases, type PhaseWindow } from './phases';

const d = (iso: string) => new Date(iso);
const phases: PhaseWindow[] = [
  { kind: 'PROPOSING', startsAt: d('2026-01-01'), endsAt: d('2026-03-01') },
  { kind: 'VOTING', startsAt: d('2026-02-01'), endsAt: d('2026-04-01') },
  { kind: 'CURATING', startsAt: d('2026-04-01'), endsAt: null },
];

describe('consultation phases', () => {
  it('opens at the start instant and closes at the end instant', () => {
    expect(isPhaseWindowOpen(phases[0], d('2026-01-01'))).toBe(true);
    expect(isPhaseWindowOpen(phases[0], d('2025-12-31T23:59:59Z'))).toBe(false);
    expect(isPhaseWindowOpen(phases[0], d('2026-03-01'))).toBe(false);
    expect(isPhaseWindowOpen(phases[2], d('2030-01-01'))).toBe(true);
  });

  it.each([
    ['2025-06-01', []],
    ['2026-01-15', ['PROPOSING']],
    ['2026-02-15', ['PROPOSING', 'VOTING']],
    ['2026-03-15', ['VOTING']],
    ['2026-05-01', ['CURATING']],
  ])('on %s the open phases are %p', (day, expected) => {
    expect(openPhases(phases, d(day))).toEqual(expected);
  });

  it.each([
    ['PROPOSING', '2026-03-15', 'PROPOSING_CLOSED'],
    ['VOTING', '2026-01-15', 'VOTING_CLOSED'],
    ['CURATING', '2026-01-15', 'PHASE_CLOSED'],
    ['CLOSED', '2026-01-15', 'PHASE_CLOSED'],
  ] as const)('refuses %s on %s with %s', (kind, day, code) => {
    expect(() => assertPhaseOpen(phases, kind, d(day))).toThrow(expect.objectContaining({ code }));
  });

  it('accepts an open phase', () => {
    expect(() => assertPhaseOpen(phases, 'VOTING', d('2026-02-15'))).not.toThrow();
  });
});
