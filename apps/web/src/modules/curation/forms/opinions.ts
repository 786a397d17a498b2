import { draftDissentNote, LANGUAGES, type DissentSource, type Language } from '@passerelle/domain';
import type { CuratedProposal, ProposalOpinions } from '../../../shared/graphql/schema-types';
import type { SectionState } from './brief-form';

/** A proposal with its opinion-group figures (null until the opinion-groups job computed it). */
export type WithOpinions<T extends CuratedProposal = CuratedProposal> = T & {
  opinions?: ProposalOpinions | null;
};

/** A share 0–1 as a whole percentage. */
export const percent = (share: number) => Math.round(share * 100);

/** The UI language as the domain knows it (French when unknown). */
export const toLanguage = (language: string | undefined): Language =>
  ((LANGUAGES as readonly string[]).find((l) => language?.startsWith(l)) as Language | undefined) ??
  'fr';

/** Each group's share FOR, in label order: [{ label: 'A', value: 78 }, …]. */
export function groupAgreements(opinions: ProposalOpinions): { label: string; value: number }[] {
  return [...opinions.groups]
    .sort((a, b) => a.groupId - b.groupId)
    .map((group) => ({ label: group.label, value: percent(group.agreeShare) }));
}

/** The section's cited proposals as the dissent draft reads them, numbered by their marker. */
export function dissentSources(section: Pick<SectionState, 'citations'>): DissentSource[] {
  return section.citations.flatMap((citation, i) => {
    const proposal = citation.proposal as WithOpinions | null;
    if (!proposal?.opinions) return [];
    return [
      {
        title: proposal.title,
        marker: i + 1,
        groups: [...proposal.opinions.groups]
          .sort((a, b) => a.groupId - b.groupId)
          .map((group) => ({
            label: group.label,
            groupSize: group.groupSize,
            agree: group.agree,
            disagree: group.disagree,
            pass: group.pass,
          })),
      },
    ];
  });
}

/** The section's draft dissent note (empty when no cited proposal has a dissenting group). */
export const sectionDissentDraft = (section: Pick<SectionState, 'citations'>, language: Language) =>
  draftDissentNote(dissentSources(section), language);

/**
 * The note with the draft added: the draft alone in an empty note, after a blank line otherwise,
 * so that what the curator wrote is kept; unchanged when the note already holds the draft.
 */
export function appendDissentDraft(note: string, draft: string): string {
  if (draft === '' || note.includes(draft)) return note;
  const kept = note.trimEnd();
  return kept === '' ? draft : `${kept}\n\n${draft}`;
}
