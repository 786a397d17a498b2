import { z } from 'zod';
import { membersOf, PhaseKind } from '../shared/enums';
import { id, territoryId, text } from '../shared/schemas';
import { type PhaseWindow } from './phases';
import { consultationSettingsInputSchema } from './settings';

export const CONSULTATION_LIMITS = {
  slugMin: 3,
  slugMax: 80,
  titleMin: 5,
  titleMax: 140,
  descriptionMin: 20,
  descriptionMax: 10_000,
  themesMin: 1,
  themesMax: 20,
  phasesMin: 1,
  phasesMax: 4,
} as const;

/** Lower-case letters and digits in words joined by single dashes, e.g. `ess-2027`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return (
    slug.length >= CONSULTATION_LIMITS.slugMin &&
    slug.length <= CONSULTATION_LIMITS.slugMax &&
    SLUG_PATTERN.test(slug)
  );
}

/** The order of the steps of a consultation. */
export const PHASE_ORDER: readonly PhaseKind[] = ['PROPOSING', 'VOTING', 'CURATING', 'CLOSED'];

export interface PhaseIssue {
  /** Index of the offending phase in the list given. */
  index: number;
  field: 'kind' | 'startsAt' | 'endsAt';
  /** `unique`: a kind given twice; `endsAfterStart`: ends at or before its start;
   * `phaseOrder`: a later step starts before an earlier one (or CLOSED starts while another
   * phase is still open). */
  rule: 'unique' | 'endsAfterStart' | 'phaseOrder';
}

/**
 * The rules for the dated phases of a consultation, as issues (empty when valid):
 * - each kind at most once;
 * - a phase ends after it starts (or is open-ended: `endsAt` null);
 * - steps start in order PROPOSING → VOTING → CURATING → CLOSED (a later step may start at the
 *   same instant, and phases may overlap: voting can open while proposing is still open);
 * - CLOSED starts once every other phase has ended (none may stay open-ended beside it).
 */
export function phaseIssues(phases: readonly PhaseWindow[]): PhaseIssue[] {
  const issues: PhaseIssue[] = [];
  const first = new Map<PhaseKind, number>();
  phases.forEach((phase, index) => {
    if (first.has(phase.kind)) issues.push({ index, field: 'kind', rule: 'unique' });
    else first.set(phase.kind, index);
    if (phase.endsAt !== null && phase.endsAt.getTime() <= phase.startsAt.getTime()) {
      issues.push({ index, field: 'endsAt', rule: 'endsAfterStart' });
    }
  });
  const rank = (kind: PhaseKind) => PHASE_ORDER.indexOf(kind);
  for (const [kind, index] of first) {
    const phase = phases[index];
    const outOfOrder = [...first].some(([other, otherIndex]) => {
      const earlier = phases[otherIndex];
      if (rank(other) >= rank(kind)) return false;
      if (earlier.startsAt.getTime() > phase.startsAt.getTime()) return true;
      return (
        kind === 'CLOSED' &&
        (earlier.endsAt === null || earlier.endsAt.getTime() > phase.startsAt.getTime())
      );
    });
    if (outOfOrder) issues.push({ index, field: 'startsAt', rule: 'phaseOrder' });
  }
  return issues.sort((a, b) => a.index - b.index);
}

const phaseInputSchema = z.strictObject({
  kind: z.enum(membersOf(PhaseKind)),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date().nullable().optional(),
});

const phasesSchema = z
  .array(phaseInputSchema)
  .min(CONSULTATION_LIMITS.phasesMin)
  .max(CONSULTATION_LIMITS.phasesMax)
  .transform((phases) => phases.map((phase) => ({ ...phase, endsAt: phase.endsAt ?? null })))
  .superRefine((phases, ctx) => {
    for (const issue of phaseIssues(phases)) {
      ctx.addIssue({
        code: 'custom',
        path: [issue.index, issue.field],
        params: { rule: issue.rule },
        input: phases[issue.index][issue.field],
      });
    }
  });

const themeIdsSchema = z
  .array(id())
  .min(CONSULTATION_LIMITS.themesMin)
  .max(CONSULTATION_LIMITS.themesMax)
  .refine((ids) => new Set(ids).size === ids.length, { params: { rule: 'unique' } });

const L = CONSULTATION_LIMITS;
const slugSchema = z
  .string()
  .trim()
  .min(L.slugMin)
  .max(L.slugMax)
  .refine((slug) => SLUG_PATTERN.test(slug), { params: { rule: 'slug' } });

export const createConsultationInputSchema = z.strictObject({
  slug: slugSchema,
  title: text(L.titleMin, L.titleMax),
  description: text(L.descriptionMin, L.descriptionMax),
  /** Null or absent (with no organisation): a national consultation. */
  territoryId: territoryId().nullable().optional(),
  /** The organisation carrying a local space (typically a PTCE); null or absent otherwise. */
  organisationId: id().nullable().optional(),
  themeIds: themeIdsSchema,
  phases: phasesSchema,
  settings: consultationSettingsInputSchema.nullable().optional(),
});
export type CreateConsultationInput = z.infer<typeof createConsultationInputSchema>;

/**
 * An edit: absent (or null) fields keep their value, except `territoryId` and `organisationId`
 * where an explicit null removes the territory or the carrying organisation (with neither, the
 * consultation is national). `phases` and `themeIds` replace the whole list.
 */
export const updateConsultationInputSchema = z.strictObject({
  consultationId: id(),
  title: text(L.titleMin, L.titleMax).nullable().optional(),
  description: text(L.descriptionMin, L.descriptionMax).nullable().optional(),
  territoryId: territoryId().nullable().optional(),
  organisationId: id().nullable().optional(),
  themeIds: themeIdsSchema.nullable().optional(),
  phases: phasesSchema.nullable().optional(),
  settings: consultationSettingsInputSchema.nullable().optional(),
});
export type UpdateConsultationInput = z.infer<typeof updateConsultationInputSchema>;

/** What an audit entry says about a consultation: comparable values of its editable parts. */
export interface ConsultationSnapshot {
  title: string;
  description: string;
  territoryId: string | null;
  organisationId: string | null;
  themeIds: readonly string[];
  phases: readonly PhaseWindow[];
  settings: Readonly<Record<string, unknown>>;
}

const phaseKey = (phases: readonly PhaseWindow[]) =>
  phases
    .map((p) => `${p.kind}:${p.startsAt.toISOString()}:${p.endsAt?.toISOString() ?? ''}`)
    .sort()
    .join('|');

/** The names of the parts that differ between two snapshots, in a stable order. */
export function consultationChanges(
  before: ConsultationSnapshot,
  after: ConsultationSnapshot,
): string[] {
  const same: Record<keyof ConsultationSnapshot, boolean> = {
    title: before.title === after.title,
    description: before.description === after.description,
    territoryId: before.territoryId === after.territoryId,
    organisationId: before.organisationId === after.organisationId,
    themeIds: [...before.themeIds].sort().join() === [...after.themeIds].sort().join(),
    phases: phaseKey(before.phases) === phaseKey(after.phases),
    settings: JSON.stringify(before.settings) === JSON.stringify(after.settings),
  };
  return (Object.keys(same) as (keyof ConsultationSnapshot)[]).filter((key) => !same[key]);
}
