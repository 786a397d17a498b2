import { DomainError, DomainErrorCode } from '../shared/errors';
import { type PhaseKind } from '../shared/enums';

/** A dated phase of a consultation; `endsAt` null means open-ended. */
export interface PhaseWindow {
  kind: PhaseKind;
  startsAt: Date;
  endsAt: Date | null;
}

/** Whether a phase window is open at `now` (start inclusive, end exclusive). */
export function isPhaseWindowOpen(phase: PhaseWindow, now: Date): boolean {
  return (
    phase.startsAt.getTime() <= now.getTime() &&
    (phase.endsAt === null || now.getTime() < phase.endsAt.getTime())
  );
}

/** The kinds of phase open at `now`; phases may overlap where a consultation's settings say so. */
export function openPhases(phases: readonly PhaseWindow[], now: Date): PhaseKind[] {
  return phases.filter((phase) => isPhaseWindowOpen(phase, now)).map((phase) => phase.kind);
}

const CLOSED_CODE: Partial<Record<PhaseKind, DomainErrorCode>> = {
  PROPOSING: DomainErrorCode.PROPOSING_CLOSED,
  VOTING: DomainErrorCode.VOTING_CLOSED,
};

/** Throws PROPOSING_CLOSED, VOTING_CLOSED or PHASE_CLOSED unless a phase of that kind is open. */
export function assertPhaseOpen(phases: readonly PhaseWindow[], kind: PhaseKind, now: Date): void {
  if (!openPhases(phases, now).includes(kind)) {
    throw new DomainError(CLOSED_CODE[kind] ?? DomainErrorCode.PHASE_CLOSED);
  }
}
