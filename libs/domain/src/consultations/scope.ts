import { z } from 'zod';
import { id } from '../shared/schemas';

/** A consultation is national, or local: in a territory, or carried by an organisation (a PTCE). */
export const ConsultationScope = Object.freeze({ NATIONAL: 'NATIONAL', LOCAL: 'LOCAL' } as const);
export type ConsultationScope = keyof typeof ConsultationScope;

/** NATIONAL when the consultation has neither territory nor carrying organisation, else LOCAL. */
export function consultationScope(consultation: {
  territoryId: string | null;
  organisationId: string | null;
}): ConsultationScope {
  return consultation.territoryId === null && consultation.organisationId === null
    ? 'NATIONAL'
    : 'LOCAL';
}

/** An administrator names a local moderator of a consultation (or withdraws one). */
export const consultationModeratorInputSchema = z.strictObject({
  consultationId: id(),
  userId: id(),
});
export type ConsultationModeratorInput = z.infer<typeof consultationModeratorInputSchema>;
