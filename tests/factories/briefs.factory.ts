import { type BriefStatus } from '../../apps/api/src/generated/prisma/client';
import { uniqueKey } from './keys';
import { factoryPrisma } from './prisma';

export interface BriefCitationSpec {
  proposalId?: string;
  commentId?: string;
  quote?: string;
}

export interface BriefSectionSpec {
  title?: string;
  /** Markdown; by default a paragraph citing the first source (`[1]`), empty without sources. */
  synthesis?: string;
  synthesisHtml?: string;
  dissentNote?: string;
  citations?: BriefCitationSpec[];
}

export interface BriefOverrides {
  createdById: string;
  consultationIds: string[];
  status?: BriefStatus;
  title?: string;
  introductionHtml?: string;
  sections?: BriefSectionSpec[];
}

export interface CreatedBrief {
  id: string;
  slug: string;
  title: string;
  revision: number;
}

function sectionsData(sections: BriefSectionSpec[]) {
  return sections.map((section, position) => {
    // Every paragraph carries a marker, as review and publication require.
    const synthesis =
      section.synthesis ?? ((section.citations ?? []).length > 0 ? 'Synthèse [1].' : '');
    return {
      position,
      title: section.title ?? `Section ${position + 1}`,
      synthesis,
      synthesisHtml: section.synthesisHtml ?? (synthesis ? `<p>${synthesis}</p>` : ''),
      dissentNote: section.dissentNote ?? '',
      citations: {
        create: (section.citations ?? []).map((citation, index) => ({
          position: index,
          proposalId: citation.proposalId ?? null,
          commentId: citation.commentId ?? null,
          quote: citation.quote ?? null,
        })),
      },
    };
  });
}

/** A brief with its consultations, sections and citations, written directly in the database. */
export async function createBrief(overrides: BriefOverrides): Promise<CreatedBrief> {
  const key = uniqueKey('brief');
  const slug = key.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const brief = await factoryPrisma().brief.create({
    data: {
      slug,
      title: overrides.title ?? `Contribution ${key}`,
      introduction: 'Introduction',
      introductionHtml: overrides.introductionHtml ?? '<p>Introduction</p>',
      status: overrides.status ?? 'IN_REVIEW',
      createdById: overrides.createdById,
      updatedById: overrides.createdById,
      consultations: {
        create: overrides.consultationIds.map((consultationId) => ({ consultationId })),
      },
      sections: { create: sectionsData(overrides.sections ?? []) },
    },
  });
  return { id: brief.id, slug: brief.slug, title: brief.title, revision: brief.revision };
}

/**
 * Rewrites a brief's working copy as an edit followed by a submission for review would: new
 * title and sections, status IN_REVIEW, revision + 1. Returns the new revision.
 */
export async function rewriteBrief(
  briefId: string,
  edit: { title: string; sections: BriefSectionSpec[] },
): Promise<number> {
  const prisma = factoryPrisma();
  return prisma.$transaction(async (tx) => {
    await tx.briefSection.deleteMany({ where: { briefId } });
    const brief = await tx.brief.update({
      where: { id: briefId },
      data: {
        title: edit.title,
        status: 'IN_REVIEW',
        revision: { increment: 1 },
        sections: { create: sectionsData(edit.sections) },
      },
    });
    return brief.revision;
  });
}
