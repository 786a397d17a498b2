import { Button, Fieldset, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BRIEF_LIMITS as L } from '@passerelle/domain';
import type { CuratedProposal } from '../../../shared/graphql/schema-types';
import { fieldId, move, proposalCitation, removeAt, type SectionState } from '../forms/brief-form';
import { CitationEditor } from './CitationEditor';
import { MarkdownPreview } from './MarkdownPreview';
import { ProposalPicker } from './ProposalPicker';

interface SectionEditorProps {
  section: SectionState;
  index: number;
  count: number;
  consultations: { id: string; title: string }[];
  errors: Record<string, string>;
  onChange: (section: SectionState) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One section: title, synthesis with preview, dissent note, citations and the proposal search. */
export function SectionEditor(props: SectionEditorProps) {
  const { section, index, count, consultations, errors, onChange, onMove, onRemove } = props;
  const { t } = useTranslation();
  const path = `sections.${index}`;
  const number = index + 1;
  const patch = (values: Partial<SectionState>) => onChange({ ...section, ...values });
  const cite = (proposal: CuratedProposal) =>
    patch({ citations: [...section.citations, proposalCitation(proposal)] });

  return (
    <li>
      <Fieldset legend={t('curation.section.legend', { number, title: section.title || '…' })}>
        <Stack gap="md">
          <TextInput
            id={fieldId(`${path}.title`)}
            label={t('curation.section.title')}
            description={t('curation.lengthHint', {
              min: L.sectionTitleMin,
              max: L.sectionTitleMax,
            })}
            required
            maxLength={L.sectionTitleMax}
            value={section.title}
            error={errors[`${path}.title`]}
            onChange={(event) => patch({ title: event.currentTarget.value })}
          />
          <Textarea
            id={fieldId(`${path}.synthesis`)}
            label={t('curation.section.synthesis')}
            description={t('curation.markdownHint', { max: L.synthesisMax })}
            autosize
            minRows={4}
            maxRows={20}
            maxLength={L.synthesisMax}
            value={section.synthesis}
            error={errors[`${path}.synthesis`]}
            onChange={(event) => patch({ synthesis: event.currentTarget.value })}
          />
          <MarkdownPreview
            id={fieldId(`${path}.preview`)}
            text={section.synthesis}
            savedHtml={section.synthesisHtml}
          />
          <Textarea
            id={fieldId(`${path}.dissentNote`)}
            label={t('curation.section.dissentNote')}
            description={t('curation.section.dissentNoteHint', { max: L.dissentNoteMax })}
            autosize
            minRows={2}
            maxRows={10}
            maxLength={L.dissentNoteMax}
            value={section.dissentNote}
            error={errors[`${path}.dissentNote`]}
            onChange={(event) => patch({ dissentNote: event.currentTarget.value })}
          />
          <section aria-labelledby={fieldId(`${path}.citations`)}>
            <Title order={4} id={fieldId(`${path}.citations`)} mb="xs">
              {t('curation.section.citations', { count: section.citations.length })}
            </Title>
            {errors[`${path}.citations`] && (
              <Text size="sm" c="red.7">
                {errors[`${path}.citations`]}
              </Text>
            )}
            {section.citations.length > 0 && (
              <Stack component="ol" gap="xs" className="plain-list" mb="sm">
                {section.citations.map((citation, i) => (
                  <CitationEditor
                    key={citation.key}
                    citation={citation}
                    path={`${path}.citations.${i}`}
                    index={i}
                    count={section.citations.length}
                    errors={errors}
                    onQuote={(quote) =>
                      patch({
                        citations: section.citations.map((c, j) => (j === i ? { ...c, quote } : c)),
                      })
                    }
                    onMove={(delta) => patch({ citations: move(section.citations, i, delta) })}
                    onRemove={() => patch({ citations: removeAt(section.citations, i) })}
                  />
                ))}
              </Stack>
            )}
            <ProposalPicker
              idPrefix={fieldId(`${path}.picker`)}
              consultations={consultations}
              citedIds={section.citations.flatMap((c) => (c.proposal ? [c.proposal.id] : []))}
              onPick={cite}
            />
          </section>
          <Group gap="xs" wrap="wrap">
            <Button
              variant="default"
              size="xs"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t('curation.section.moveUp', { number })}
            >
              {t('curation.moveUp')}
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('curation.section.moveDown', { number })}
            >
              {t('curation.moveDown')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              size="xs"
              onClick={onRemove}
              aria-label={t('curation.section.remove', { number })}
            >
              {t('curation.remove')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </li>
  );
}
