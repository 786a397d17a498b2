import { z } from 'zod';
import { CompetentLevel, Lever, membersOf } from '../shared/enums';
import { id, optionalText, territoryId, text } from '../shared/schemas';

export const PROPOSAL_LIMITS = {
  titleMin: 10,
  titleMax: 140,
  summaryMin: 20,
  summaryMax: 500,
  bodyMin: 50,
  bodyMax: 20_000,
  themesMin: 1,
  themesMax: 3,
  experimentMax: 2_000,
  measuredImpactMax: 2_000,
  /** Experiments of the registry a proposal cites as its evidence (issue 10). */
  experimentsMax: 5,
} as const;

const L = PROPOSAL_LIMITS;

export const submitProposalInputSchema = z.strictObject({
  consultationId: id(),
  title: text(L.titleMin, L.titleMax),
  summary: text(L.summaryMin, L.summaryMax),
  body: text(L.bodyMin, L.bodyMax),
  themeIds: z
    .array(id())
    .min(L.themesMin)
    .max(L.themesMax)
    .refine((ids) => new Set(ids).size === ids.length, { params: { rule: 'unique' } }),
  territoryId: territoryId(),
  competentLevel: z.enum(membersOf(CompetentLevel)),
  lever: z.enum(membersOf(Lever)),
  experiment: optionalText(L.experimentMax),
  measuredImpact: optionalText(L.measuredImpactMax),
  organisationId: id().nullable().optional(),
  /**
   * Registry experiments cited as evidence, in the author's order. Absent or null: none at
   * submission, unchanged at an edit; a list replaces the citations.
   */
  experimentIds: z
    .array(id())
    .max(L.experimentsMax)
    .refine((ids) => new Set(ids).size === ids.length, { params: { rule: 'unique' } })
    .nullish(),
  /**
   * Saved as a DRAFT that only its author (and the people they invite to co-write it) read,
   * published later with publishProposal; absent or false: published now.
   */
  asDraft: z.boolean().nullish(),
});
export type SubmitProposalInput = z.infer<typeof submitProposalInputSchema>;
