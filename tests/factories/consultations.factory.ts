import { type PhaseKind } from '../../apps/api/src/generated/prisma/client';
import { uniqueKey } from './keys';
import { factoryPrisma } from './prisma';

const DAY = 24 * 60 * 60 * 1000;

export interface PhaseSpec {
  kind: PhaseKind;
  startsAt: Date;
  endsAt: Date | null;
}

/** Phase layouts relative to now. */
export const PHASES = {
  /** PROPOSING open now, VOTING later. */
  proposingOpen: (): PhaseSpec[] => [
    {
      kind: 'PROPOSING',
      startsAt: new Date(Date.now() - 10 * DAY),
      endsAt: new Date(Date.now() + 20 * DAY),
    },
    {
      kind: 'VOTING',
      startsAt: new Date(Date.now() + 20 * DAY),
      endsAt: new Date(Date.now() + 40 * DAY),
    },
  ],
  /** PROPOSING is over, VOTING open. */
  proposingClosed: (): PhaseSpec[] => [
    {
      kind: 'PROPOSING',
      startsAt: new Date(Date.now() - 40 * DAY),
      endsAt: new Date(Date.now() - 10 * DAY),
    },
    {
      kind: 'VOTING',
      startsAt: new Date(Date.now() - 10 * DAY),
      endsAt: new Date(Date.now() + 10 * DAY),
    },
  ],
  /** PROPOSING starts in the future. */
  proposingUpcoming: (): PhaseSpec[] => [
    { kind: 'PROPOSING', startsAt: new Date(Date.now() + 5 * DAY), endsAt: null },
  ],
};

export interface ConsultationOverrides {
  slug?: string;
  title?: string;
  description?: string;
  territoryId?: string | null;
  phases?: PhaseSpec[];
  themeIds?: string[];
}

export interface CreatedConsultation {
  id: string;
  slug: string;
  title: string;
}

/** A consultation with a unique slug; PROPOSING is open unless `phases` says otherwise. */
export async function createConsultation(
  overrides: ConsultationOverrides = {},
): Promise<CreatedConsultation> {
  const slug = overrides.slug ?? uniqueKey('consultation');
  const consultation = await factoryPrisma().consultation.create({
    data: {
      slug,
      title: overrides.title ?? `Consultation ${slug}`,
      description: overrides.description ?? 'Une consultation créée pour un test.',
      territoryId: overrides.territoryId ?? null,
      phases: { create: overrides.phases ?? PHASES.proposingOpen() },
      themes: { create: (overrides.themeIds ?? []).map((themeId) => ({ themeId })) },
    },
  });
  return { id: consultation.id, slug: consultation.slug, title: consultation.title };
}
