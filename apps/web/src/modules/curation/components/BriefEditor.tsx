import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  Fieldset,
  Grid,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DndContext, DragOverlay } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { BRIEF_LIMITS as L } from '@passerelle/domain';
import {
  errorCode,
  errorMessage,
  errorReason,
  serverFieldErrors,
} from '../../../shared/graphql/errors';
import type { Brief, CandidateProposal, CommentNode } from '../../../shared/graphql/schema-types';
import {
  briefToForm,
  commentCitation,
  emptySection,
  fieldId,
  move,
  proposalCitation,
  removeAt,
  toErrorPaths,
  toUpdateBriefInput,
  type BriefFormState,
  type CitationState,
} from '../forms/brief-form';
import { authorName } from '../../privacy/anonymous';
import { BRIEF_DRAFT_QUERY, UPDATE_BRIEF_MUTATION } from '../graphql/curation.documents';
import { sectionDragId, useBriefDnd } from '../hooks/useBriefDnd';
import { BriefActions } from './BriefActions';
import { BriefStatusBadge } from './BriefStatusBadge';
import { MarkdownPreview } from './MarkdownPreview';
import { ProposalPicker } from './ProposalPicker';
import { SectionEditor } from './SectionEditor';

/** The element showing a field path, or its closest parent path (`…citations.1.proposalId`). */
function fieldElement(path: string): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const element = document.getElementById(fieldId(parts.join('.')));
    if (element) return element;
    parts.pop();
  }
  return null;
}

/** Keeps the React keys of what is on screen when the saved copy comes back (focus stays). */
function keepKeys(saved: BriefFormState, shown: BriefFormState): BriefFormState {
  return {
    ...saved,
    sections: saved.sections.map((section, i) => ({
      ...section,
      key: shown.sections[i]?.key ?? section.key,
      citations: section.citations.map((citation, j) => ({
        ...citation,
        key: shown.sections[i]?.citations[j]?.key ?? citation.key,
      })),
    })),
  };
}

/**
 * The editor of a working copy. Saving sends the whole copy with the revision it started from;
 * when someone else saved in between (CONFLICT), everything typed stays on screen and the latest
 * version replaces it only on request.
 */
export function BriefEditor({ brief: loaded }: { brief: Brief }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [brief, setBrief] = useState(loaded);
  const [state, setState] = useState<BriefFormState>(() => briefToForm(loaded));
  const [baseline, setBaseline] = useState(() =>
    JSON.stringify(toUpdateBriefInput(loaded.id, loaded.revision, briefToForm(loaded))),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [staleMessage, setStaleMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [isReportPending, setIsReportPending] = useState(false);
  const [updateBrief, saving] = useMutation(UPDATE_BRIEF_MUTATION);

  // Once the API's field errors are on screen: focus the first one; messages with no field shown
  // (e.g. `consultationIds`) go to the summary.
  useEffect(() => {
    if (!isReportPending) return;
    setIsReportPending(false);
    const paths = Object.keys(errors);
    const unplaced = paths.filter((path) => !fieldElement(path)).map((path) => errors[path]);
    setFormError(
      [t('curation.editor.fieldErrors', { count: paths.length }), ...unplaced].join(' '),
    );
    const first = paths.find((path) => fieldElement(path));
    if (first) fieldElement(first)?.focus();
  }, [isReportPending, errors, t]);

  const input = useMemo(
    () => toUpdateBriefInput(brief.id, brief.revision, state),
    [brief.id, brief.revision, state],
  );
  const isDirty = JSON.stringify(input) !== baseline;
  const consultations = brief.consultations;

  const replaceWith = (next: Brief, shown?: BriefFormState) => {
    const form = briefToForm(next);
    setBrief(next);
    setState(shown ? keepKeys(form, shown) : form);
    setBaseline(JSON.stringify(toUpdateBriefInput(next.id, next.revision, form)));
    setErrors({});
    setFormError(null);
    setStaleMessage(null);
  };

  const change = (patch: Partial<BriefFormState>, ...paths: string[]) => {
    setState((previous) => ({ ...previous, ...patch }));
    setNotice(null);
    if (paths.length > 0) {
      setErrors((previous) => {
        const next = { ...previous };
        for (const path of paths) delete next[path];
        return next;
      });
    }
  };
  // Reordering or removing makes index-based error paths meaningless: they are cleared.
  const changeSections = (sections: BriefFormState['sections'], structural: boolean) => {
    change({ sections });
    if (structural) setErrors({});
  };

  // The picker adds to one section at a time: the chosen one, else the first.
  const [pickerTarget, setPickerTarget] = useState<string | null>(null);
  const targetKey =
    state.sections.find((s) => s.key === pickerTarget)?.key ?? state.sections[0]?.key ?? null;
  const pickerSearchRef = useRef<HTMLInputElement>(null);
  const findSourcesFor = (sectionKey: string) => {
    setPickerTarget(sectionKey);
    pickerSearchRef.current?.scrollIntoView({ block: 'center' });
    pickerSearchRef.current?.focus();
  };
  /** Adds a citation at the end of a section (numbers of the others do not change). */
  const appendCitation = (sectionKey: string, citation: CitationState, title: string) => {
    const index = state.sections.findIndex((s) => s.key === sectionKey);
    const section = state.sections[index];
    if (!section) return;
    changeSections(
      state.sections.map((s) =>
        s.key === sectionKey ? { ...s, citations: [...s.citations, citation] } : s,
      ),
      false,
    );
    setNotice(
      t('curation.picker.cited', {
        title,
        number: section.citations.length + 1,
        section: index + 1,
      }),
    );
  };
  const citeProposal = (sectionKey: string, proposal: CandidateProposal) =>
    appendCitation(sectionKey, proposalCitation(proposal), proposal.title);
  const citeComment = (sectionKey: string, comment: CommentNode, proposalTitle: string) =>
    appendCitation(
      sectionKey,
      commentCitation(comment, proposalTitle),
      t('curation.citation.commentBy', {
        name: comment.author ? authorName(comment.author, t) : '…',
      }),
    );
  const dnd = useBriefDnd({
    sections: state.sections,
    onSections: (sections) => changeSections(sections, true),
    onCite: citeProposal,
  });

  const handleSave = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setNotice(null);
    try {
      const { data } = await updateBrief({ variables: { input } });
      if (data) {
        replaceWith(data.updateBrief, state);
        setNotice(t('curation.editor.saved', { revision: data.updateBrief.revision }));
      }
    } catch (error) {
      if (errorCode(error) === 'CONFLICT' || errorReason(error) === 'BRIEF_STALE') {
        setStaleMessage(errorMessage(error, t));
        return;
      }
      const fields = serverFieldErrors(error);
      if (fields.length > 0) {
        setErrors(toErrorPaths(fields));
        setIsReportPending(true);
        return;
      }
      setFormError(errorMessage(error, t));
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      const { data } = await client.query({
        query: BRIEF_DRAFT_QUERY,
        variables: { id: brief.id },
        fetchPolicy: 'network-only',
      });
      if (data) {
        replaceWith(data.briefDraft);
        setNotice(t('curation.editor.reloaded', { revision: data.briefDraft.revision }));
      }
    } catch (error) {
      setFormError(errorMessage(error, t));
    } finally {
      setReloading(false);
    }
  };

  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="wrap">
        <BriefStatusBadge status={brief.status} />
        <Text size="sm" c="gray.7">
          {t('curation.editor.revision', {
            revision: brief.revision,
            name: brief.updatedBy.displayName,
          })}
        </Text>
      </Group>
      <Text size="sm">
        {t('curation.editor.consultations', {
          titles: consultations.map((c) => c.title).join(', '),
        })}
      </Text>

      <DndContext {...dnd.contextProps}>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <form
              noValidate
              onSubmit={(event) => void handleSave(event)}
              aria-labelledby="brief-editor-title"
            >
              <Stack gap="xl">
                {staleMessage && (
                  <Alert color="ochre" role="alert" title={t('curation.editor.staleTitle')}>
                    <Stack gap="xs">
                      <Text size="sm">{staleMessage}</Text>
                      <Text size="sm">{t('curation.editor.staleHelp')}</Text>
                      <div>
                        <Button variant="white" loading={reloading} onClick={() => void reload()}>
                          {t('curation.editor.reload')}
                        </Button>
                      </div>
                    </Stack>
                  </Alert>
                )}
                {formError && (
                  <Alert color="red" role="alert">
                    {formError}
                  </Alert>
                )}

                <Fieldset legend={t('curation.editor.presentation')}>
                  <Stack gap="md">
                    <TextInput
                      id={fieldId('title')}
                      label={t('curation.create.title')}
                      description={t('curation.lengthHint', { min: L.titleMin, max: L.titleMax })}
                      required
                      maxLength={L.titleMax}
                      value={state.title}
                      error={errors.title}
                      onChange={(event) => change({ title: event.currentTarget.value }, 'title')}
                    />
                    <Textarea
                      id={fieldId('introduction')}
                      label={t('curation.create.introduction')}
                      description={t('curation.markdownHint', { max: L.introductionMax })}
                      autosize
                      minRows={3}
                      maxRows={16}
                      maxLength={L.introductionMax}
                      value={state.introduction}
                      error={errors.introduction}
                      onChange={(event) =>
                        change({ introduction: event.currentTarget.value }, 'introduction')
                      }
                    />
                    <MarkdownPreview
                      id={fieldId('introduction.preview')}
                      text={state.introduction}
                      savedHtml={brief.introductionHtml}
                    />
                  </Stack>
                </Fieldset>

                <section aria-labelledby="brief-sections">
                  <Text component="h2" fz="h2" fw={700} id="brief-sections" mb="sm">
                    {t('curation.editor.sections', { count: state.sections.length })}
                  </Text>
                  {errors.sections && (
                    <Text size="sm" c="red.7">
                      {errors.sections}
                    </Text>
                  )}
                  <SortableContext
                    id="sections"
                    items={state.sections.map((section) => sectionDragId(section.key))}
                    strategy={verticalListSortingStrategy}
                  >
                    <Stack component="ol" gap="lg" className="plain-list">
                      {state.sections.map((section, index) => (
                        <SectionEditor
                          key={section.key}
                          section={section}
                          index={index}
                          count={state.sections.length}
                          errors={errors}
                          isPickerTarget={section.key === targetKey && state.sections.length > 1}
                          onFindSources={() => findSourcesFor(section.key)}
                          onChange={(next) =>
                            changeSections(
                              state.sections.map((s, i) => (i === index ? next : s)),
                              next.citations.length !== section.citations.length ||
                                next.citations.some((c, i) => c.key !== section.citations[i]?.key),
                            )
                          }
                          onMove={(delta) =>
                            changeSections(move(state.sections, index, delta), true)
                          }
                          onRemove={() => changeSections(removeAt(state.sections, index), true)}
                        />
                      ))}
                    </Stack>
                  </SortableContext>
                  <Button
                    mt="md"
                    variant="light"
                    disabled={state.sections.length >= L.sectionsMax}
                    onClick={() => changeSections([...state.sections, emptySection()], false)}
                  >
                    {t('curation.editor.addSection')}
                  </Button>
                </section>

                <Group gap="sm" wrap="wrap">
                  <Button type="submit" loading={saving.loading}>
                    {t('curation.editor.save')}
                  </Button>
                  <Text size="sm" c="gray.7" aria-live="polite">
                    {notice ??
                      (isDirty ? t('curation.editor.unsaved') : t('curation.editor.upToDate'))}
                  </Text>
                </Group>
              </Stack>
            </form>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Box
              pos={{ base: 'static', lg: 'sticky' }}
              top={16}
              mah={{ base: 'none', lg: 'calc(100vh - 2rem)' }}
              style={{ overflowY: 'auto' }}
              p={2}
            >
              <ProposalPicker
                consultations={consultations}
                sections={state.sections}
                targetKey={targetKey}
                onTarget={setPickerTarget}
                onCite={citeProposal}
                onCiteComment={citeComment}
                searchRef={pickerSearchRef}
              />
            </Box>
          </Grid.Col>
        </Grid>
        <DragOverlay>
          {dnd.activeCandidate && (
            <Card withBorder shadow="md" padding="sm" maw={360}>
              <Text fw={600}>{dnd.activeCandidate.title}</Text>
              <Text size="sm" c="gray.7">
                {t('curation.picker.dropHint')}
              </Text>
            </Card>
          )}
        </DragOverlay>
      </DndContext>

      <BriefActions
        brief={brief}
        isDirty={isDirty}
        onChanged={(next) => replaceWith(next)}
        onStale={setStaleMessage}
      />
    </Stack>
  );
}
