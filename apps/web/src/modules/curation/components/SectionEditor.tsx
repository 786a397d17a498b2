import { useRef, useState } from 'react';
import { Button, Fieldset, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useSortable, SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { BRIEF_LIMITS as L, DISSENT_MIN_GROUP_VOTES } from '@passerelle/domain';
import { fieldId, move, removeAt, withCitations, type SectionState } from '../forms/brief-form';
import { appendDissentDraft, sectionDissentDraft, toLanguage } from '../forms/opinions';
import { insertSourceMarker } from '../forms/source-markers';
import { citationDragId, sectionDragId, type BriefDragData } from '../hooks/useBriefDnd';
import { CitationEditor } from './CitationEditor';
import { DragHandle } from './DragHandle';
import { MarkdownPreview } from './MarkdownPreview';
import { SourceChecklist } from './SourceChecklist';

interface SectionEditorProps {
  section: SectionState;
  index: number;
  count: number;
  errors: Record<string, string>;
  /** The picker adds to this section (its "Citer" buttons name it). */
  isPickerTarget: boolean;
  onChange: (section: SectionState) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Makes this section the picker's target and moves the focus to the search. */
  onFindSources: () => void;
}

/** The DOM id of a citation's card, the target of its marker in the live preview. */
export const citationCardId = (path: string) => `${fieldId(path)}-card`;

/**
 * One section: title, synthesis with its source markers (inserted at the cursor, checked live,
 * previewed as references), dissent note, and its ordered citations.
 */
export function SectionEditor(props: SectionEditorProps) {
  const { section, index, count, errors, isPickerTarget } = props;
  const { onChange, onMove, onRemove, onFindSources } = props;
  const { t, i18n } = useTranslation();
  const synthesisRef = useRef<HTMLTextAreaElement>(null);
  const dissentRef = useRef<HTMLTextAreaElement>(null);
  const [seedStatus, setSeedStatus] = useState('');
  const path = `sections.${index}`;
  const number = index + 1;
  const patch = (values: Partial<SectionState>) => onChange({ ...section, ...values });
  const data: BriefDragData = { type: 'section', key: section.key };
  const sortable = useSortable({
    id: sectionDragId(section.key),
    data,
    attributes: { roleDescription: t('curation.dnd.roleDescription') },
  });
  const isCandidateOver =
    sortable.isOver &&
    (sortable.active?.data.current as BriefDragData | undefined)?.type === 'candidate';

  const insertMarker = (n: number) => {
    const field = synthesisRef.current;
    const end = field?.selectionEnd ?? section.synthesis.length;
    const start = field?.selectionStart ?? end;
    const next = insertSourceMarker(section.synthesis, start, end, n);
    patch({ synthesis: next.text });
    // Back to the synthesis, the cursor after the marker, once the new value is rendered.
    requestAnimationFrame(() => {
      const element = synthesisRef.current;
      if (!element) return;
      element.focus();
      element.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const dissentDraft = sectionDissentDraft(section, toLanguage(i18n.language));
  const seedDissent = () => {
    const next = appendDissentDraft(section.dissentNote, dissentDraft);
    setSeedStatus(
      next === section.dissentNote
        ? t('curationOpinions.alreadySeeded')
        : t('curationOpinions.seeded'),
    );
    if (next !== section.dissentNote) patch({ dissentNote: next });
    requestAnimationFrame(() => dissentRef.current?.focus());
  };

  const sources = section.citations.map((citation, i) => ({
    number: i + 1,
    title: citation.proposal?.title ?? t('curation.citation.comment'),
    targetId: citationCardId(`${path}.citations.${i}`),
  }));

  return (
    <li
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
        position: 'relative',
        zIndex: sortable.isDragging ? 2 : undefined,
      }}
      className="curation-section"
      data-drop-target={isCandidateOver || undefined}
    >
      <Fieldset
        legend={t('curation.section.legend', { number, title: section.title || '…' })}
        style={
          isCandidateOver
            ? { outline: '3px dashed var(--mantine-color-passerelle-6)', outlineOffset: 2 }
            : undefined
        }
      >
        <Stack gap="md">
          <Group gap="xs" wrap="wrap">
            <DragHandle
              handle={sortable}
              label={t('curation.section.drag', { number, title: section.title || '…' })}
            />
            {isPickerTarget && (
              <Text size="sm" c="gray.7">
                {t('curation.section.isTarget')}
              </Text>
            )}
          </Group>
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
            ref={synthesisRef}
            id={fieldId(`${path}.synthesis`)}
            label={t('curation.section.synthesis')}
            description={t('curation.section.synthesisHint', { max: L.synthesisMax })}
            autosize
            minRows={4}
            maxRows={20}
            maxLength={L.synthesisMax}
            value={section.synthesis}
            error={errors[`${path}.synthesis`]}
            onChange={(event) => patch({ synthesis: event.currentTarget.value })}
          />
          <SourceChecklist
            id={fieldId(`${path}.checklist`)}
            synthesis={section.synthesis}
            citationCount={section.citations.length}
          />
          <MarkdownPreview
            id={fieldId(`${path}.preview`)}
            text={section.synthesis}
            savedHtml={section.synthesisHtml}
            sources={sources}
          />
          <Textarea
            ref={dissentRef}
            id={fieldId(`${path}.dissentNote`)}
            label={t('curation.section.dissentNote')}
            description={t('curation.section.dissentNoteHint', { max: L.dissentNoteMax })}
            autosize
            minRows={2}
            maxRows={10}
            maxLength={L.dissentNoteMax}
            value={section.dissentNote}
            error={errors[`${path}.dissentNote`]}
            onChange={(event) => {
              setSeedStatus('');
              patch({ dissentNote: event.currentTarget.value });
            }}
          />
          <Stack gap={4}>
            <div>
              <Button
                variant="light"
                size="xs"
                disabled={dissentDraft === ''}
                onClick={seedDissent}
                aria-describedby={fieldId(`${path}.dissentSeedHint`)}
              >
                {t('curationOpinions.seed')}
              </Button>
            </div>
            <Text size="sm" c="gray.7" id={fieldId(`${path}.dissentSeedHint`)}>
              {dissentDraft === ''
                ? t('curationOpinions.seedDisabled', { min: DISSENT_MIN_GROUP_VOTES })
                : t('curationOpinions.seedHint')}
            </Text>
            <Text size="sm" role="status" aria-live="polite">
              {seedStatus}
            </Text>
          </Stack>
          <section aria-labelledby={fieldId(`${path}.citations`)}>
            <Title order={4} id={fieldId(`${path}.citations`)} mb="xs">
              {t('curation.section.citations', { count: section.citations.length })}
            </Title>
            {errors[`${path}.citations`] && (
              <Text size="sm" c="red.7">
                {errors[`${path}.citations`]}
              </Text>
            )}
            {section.citations.length === 0 && (
              <Text size="sm" c="gray.7" mb="xs">
                {t('curation.section.noCitations')}
              </Text>
            )}
            <SortableContext
              id={`citations:${section.key}`}
              items={section.citations.map((c) => citationDragId(c.key))}
              strategy={verticalListSortingStrategy}
            >
              {section.citations.length > 0 && (
                <Stack component="ol" gap="xs" className="plain-list" mb="sm">
                  {section.citations.map((citation, i) => (
                    <CitationEditor
                      key={citation.key}
                      citation={citation}
                      sectionKey={section.key}
                      path={`${path}.citations.${i}`}
                      index={i}
                      count={section.citations.length}
                      errors={errors}
                      onQuote={(quote) =>
                        patch({
                          citations: section.citations.map((c, j) =>
                            j === i ? { ...c, quote } : c,
                          ),
                        })
                      }
                      onInsertMarker={() => insertMarker(i + 1)}
                      onMove={(delta) =>
                        onChange(withCitations(section, move(section.citations, i, delta)))
                      }
                      onRemove={() =>
                        onChange(withCitations(section, removeAt(section.citations, i)))
                      }
                    />
                  ))}
                </Stack>
              )}
            </SortableContext>
            <Button variant="light" size="xs" onClick={onFindSources}>
              {t('curation.section.findSources', { number })}
            </Button>
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
