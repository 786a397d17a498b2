import {
  type CompetentLevel,
  type Lever,
  type ProposalStatus,
} from '../../apps/api/src/generated/prisma/client';
import { uniqueKey } from './keys';
import { factoryPrisma } from './prisma';
import { TERRITORIES } from './reference';

export interface ProposalOverrides {
  consultationId: string;
  authorId: string;
  themeIds?: string[];
  title?: string;
  status?: ProposalStatus;
  createdAt?: Date;
  territoryId?: string;
  organisationId?: string | null;
  competentLevel?: CompetentLevel;
  lever?: Lever;
}

/** A proposal written directly in the database (no revision or status history: list tests only). */
export async function createProposal(
  overrides: ProposalOverrides,
): Promise<{ id: string; title: string; createdAt: Date }> {
  const key = uniqueKey('proposal');
  const proposal = await factoryPrisma().proposal.create({
    data: {
      consultationId: overrides.consultationId,
      authorId: overrides.authorId,
      organisationId: overrides.organisationId ?? null,
      title: overrides.title ?? `Proposition ${key}`,
      summary: 'Un résumé de proposition assez long pour être valide.',
      body: 'Un corps de proposition. '.repeat(5),
      territoryId: overrides.territoryId ?? TERRITORIES.paris,
      competentLevel: overrides.competentLevel ?? 'COMMUNE',
      lever: overrides.lever ?? 'BUDGET',
      status: overrides.status ?? 'PUBLISHED',
      publishedAt: overrides.status === 'DRAFT' ? null : (overrides.createdAt ?? new Date()),
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
      themes: { create: (overrides.themeIds ?? []).map((themeId) => ({ themeId })) },
    },
  });
  return { id: proposal.id, title: proposal.title, createdAt: proposal.createdAt };
}
