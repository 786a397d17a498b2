import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  AMENDMENT_LIMITS as A,
  PROPOSAL_LIMITS as L,
  fieldErrors,
  proposeAmendmentInputSchema,
  rebaseAmendmentInputSchema,
  rebaseTexts,
  wordDiff,
  type RebasedTexts,
} from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, errorReason, serverFieldErrors } from '../../../shared/graphql/errors';
import type { Amendment, DiffPart } from '../../../shared/graphql/schema-types';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PROPOSAL_HISTORY_QUERY } from '../../proposals/graphql/proposals.documents';
import { conflictKind, DIFF_FIELDS } from '../amendment-logic';
import {
  PROPOSAL_AMENDMENTS_QUERY,
  PROPOSE_AMENDMENT_MUTATION,
  REBASE_AMENDMENT_MUTATION,
  type AmendmentTextsInput,
} from '../graphql/amendments.documents';
import { DiffFields } from './AmendmentDiffView';

const FIELDS = ['title', 'summary', 'body', 'reason'] as const;

const KINDS = { same: 'SAME', added: 'ADDED', removed: 'REMOVED' } as const;
const toParts = (before: string, after: string): DiffPart[] =>
  wordDiff(before, after).map((part) => ({ kind: KINDS[part.kind], text: part.text }));

const same = (a: string, b: string) => a.trim() === b.trim();

type FormProps = {
  proposalId: string;
  /** The proposal's current texts. */
  current: AmendmentTextsInput;
  amendment?: Pick<
    Amendment,
    'id' | 'version' | 'baseVersion' | 'title' | 'summary' | 'body' | 'reason'
  >;
  onDone: (message: string) => void;
  onCancel: () => void;
};

/**
 * Propose an amendment (prefilled with the proposal's current texts, and a required reason), or
 * — with `amendment` — update an outdated one onto the proposal's current revision: the fields
 * only the amendment changed keep its text, the others take the proposal's; what the proposal now
 * says is shown next to the form, as the differences the update would make.
 */
export function AmendmentForm(props: FormProps) {
  const { amendment, current, proposalId } = props;
  // The revision the amendment was written on, for a field-by-field merge (in the page's cache).
  const history = useQuery(PROPOSAL_HISTORY_QUERY, {
    variables: { id: proposalId },
    skip: !amendment,
  });
  if (!amendment) {
    return <AmendmentFormFields {...props} start={{ texts: current, conflicts: [] }} />;
  }
  if (history.loading && !history.data) return <LoadingState />;
  const base = history.data?.proposal.revisions.find((r) => r.version === amendment.baseVersion);
  // Without its base revision (history unavailable), the amendment's own texts are the start.
  const start = base
    ? rebaseTexts(base, current, amendment)
    : {
        texts: { title: amendment.title, summary: amendment.summary, body: amendment.body },
        conflicts: [],
      };
  return <AmendmentFormFields {...props} start={start} />;
}

function AmendmentFormFields({
  proposalId,
  current,
  amendment,
  onDone,
  onCancel,
  start,
}: FormProps & { start: RebasedTexts }) {
  const { t, i18n } = useTranslation();
  const isRebase = amendment !== undefined;
  const [title, setTitle] = useState(start.texts.title);
  const [summary, setSummary] = useState(start.texts.summary);
  const [body, setBody] = useState(start.texts.body);
  const [reason, setReason] = useState(amendment?.reason ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const refetchQueries = [PROPOSAL_AMENDMENTS_QUERY];
  const [propose, proposing] = useMutation(PROPOSE_AMENDMENT_MUTATION, { refetchQueries });
  const [rebase, rebasing] = useMutation(REBASE_AMENDMENT_MUTATION, { refetchQueries });
  const texts = { title, summary, body };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const language = currentLanguage(i18n);
    if (DIFF_FIELDS.every(({ key }) => same(texts[key], current[key])) && !isRebase) {
      setFormError(t('amendments.form.unchanged'));
      return;
    }
    try {
      if (amendment) {
        const input = {
          amendmentId: amendment.id,
          expectedVersion: amendment.version,
          ...texts,
          reason: reason.trim() === '' ? null : reason,
        };
        if (report(fieldErrors(rebaseAmendmentInputSchema, input, language))) return;
        await rebase({ variables: { input } });
        onDone(t('amendments.announce.rebased'));
      } else {
        const input = { proposalId, ...texts, reason };
        if (report(fieldErrors(proposeAmendmentInputSchema, input, language))) return;
        await propose({ variables: { input } });
        onDone(t('amendments.announce.proposed'));
      }
    } catch (failure) {
      if (report(serverFieldErrors(failure))) return;
      const conflict = conflictKind(errorReason(failure));
      setFormError(
        conflict === 'stale' ? t('amendments.errors.staleRebase') : errorMessage(failure, t),
      );
    }
  };

  const counter = (value: string, max: number) => t('submit.counter', { count: value.length, max });
  const changedFromCurrent = DIFF_FIELDS.filter(({ key }) => !same(texts[key], current[key]));
  const headingId = isRebase ? `rebase-${amendment.id}` : 'propose-amendment';

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={headingId}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="md">
          <Title order={3} fz="h4" id={headingId}>
            {t(isRebase ? 'amendments.rebase.title' : 'amendments.form.title')}
          </Title>
          <Text size="sm">{t(isRebase ? 'amendments.rebase.intro' : 'amendments.form.intro')}</Text>
          <FormErrorSummary fieldErrorCount={count} formError={formError} />
          {start.conflicts.length > 0 && (
            <Alert color="ochre" title={t('amendments.rebase.conflictsTitle')}>
              {t('amendments.rebase.conflicts', {
                fields: start.conflicts
                  .map((field) => t(`amendments.field.${field.toUpperCase() as 'TITLE'}`))
                  .join(', '),
              })}
            </Alert>
          )}
          <TextInput
            ref={fieldRef('title')}
            label={t('amendments.field.TITLE')}
            description={counter(title, L.titleMax)}
            required
            maxLength={L.titleMax}
            value={title}
            error={errors.title}
            onChange={(event) => {
              setTitle(event.currentTarget.value);
              clear('title');
            }}
          />
          <Textarea
            ref={fieldRef('summary')}
            label={t('amendments.field.SUMMARY')}
            description={counter(summary, L.summaryMax)}
            required
            autosize
            minRows={3}
            maxLength={L.summaryMax}
            value={summary}
            error={errors.summary}
            onChange={(event) => {
              setSummary(event.currentTarget.value);
              clear('summary');
            }}
          />
          <Textarea
            ref={fieldRef('body')}
            label={t('amendments.field.BODY')}
            description={`${t('amendments.form.bodyHint')} ${counter(body, L.bodyMax)}`}
            required
            autosize
            minRows={6}
            maxRows={20}
            maxLength={L.bodyMax}
            value={body}
            error={errors.body}
            onChange={(event) => {
              setBody(event.currentTarget.value);
              clear('body');
            }}
          />
          <Textarea
            ref={fieldRef('reason')}
            label={t('amendments.form.reason')}
            description={t(
              isRebase ? 'amendments.rebase.reasonHint' : 'amendments.form.reasonHint',
              {
                min: A.reasonMin,
                max: A.reasonMax,
              },
            )}
            required={!isRebase}
            autosize
            minRows={3}
            maxLength={A.reasonMax}
            value={reason}
            error={errors.reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              clear('reason');
            }}
          />
          {isRebase && (
            <Stack gap="xs" component="section" aria-labelledby={`${headingId}-current`}>
              <Title order={4} fz="h5" id={`${headingId}-current`}>
                {t('amendments.rebase.current')}
              </Title>
              {changedFromCurrent.length === 0 ? (
                <Text size="sm">{t('amendments.rebase.noChange')}</Text>
              ) : (
                <>
                  <Text size="xs" c="gray.7">
                    {t('amendments.rebase.currentHint')}
                  </Text>
                  <DiffFields
                    fields={changedFromCurrent.map(({ field, key }) => ({
                      field,
                      parts: toParts(current[key], texts[key]),
                    }))}
                  />
                </>
              )}
            </Stack>
          )}
          <Group gap="sm">
            <Button type="submit" loading={proposing.loading || rebasing.loading}>
              {t(isRebase ? 'amendments.rebase.submit' : 'amendments.form.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('amendments.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
