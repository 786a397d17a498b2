import { useState } from 'react';
import type { ApolloCache } from '@apollo/client';
import { Alert, Anchor, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorCode, errorMessage, errorReason } from '../../../shared/graphql/errors';
import type { Brief } from '../../../shared/graphql/schema-types';
import {
  BRIEF_DRAFT_QUERY,
  PUBLISH_BRIEF_MUTATION,
  RETURN_BRIEF_MUTATION,
  SUBMIT_BRIEF_MUTATION,
} from '../graphql/curation.documents';

interface BriefActionsProps {
  brief: Brief;
  /** Unsaved edits: moves wait for a save (they apply to the saved copy). */
  isDirty: boolean;
  onChanged: (brief: Brief) => void;
  onStale: (message: string) => void;
}

/** The moves of the working copy: to review, back to draft, publication (confirmed). */
export function BriefActions({ brief, isDirty, onChanged, onStale }: BriefActionsProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [error, setError] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [published, setPublished] = useState<{ slug: string; version: number } | null>(null);
  const evictBriefs = {
    update(cache: ApolloCache) {
      cache.evict({ fieldName: 'briefs' });
    },
  };
  const [submitBrief, submitting] = useMutation(SUBMIT_BRIEF_MUTATION, evictBriefs);
  const [returnBrief, returning] = useMutation(RETURN_BRIEF_MUTATION, evictBriefs);
  const [publishBrief, publishing] = useMutation(PUBLISH_BRIEF_MUTATION, evictBriefs);
  const input = { briefId: brief.id, expectedRevision: brief.revision };

  const fail = (caught: unknown) => {
    if (errorReason(caught) === 'BRIEF_STALE' || errorCode(caught) === 'CONFLICT') {
      onStale(errorMessage(caught, t));
    } else {
      setError(errorMessage(caught, t));
    }
  };

  const run = async (action: 'submit' | 'return') => {
    setError(null);
    setPublished(null);
    try {
      if (action === 'submit') {
        const { data } = await submitBrief({ variables: { input } });
        if (data) onChanged(data.submitBriefForReview);
      } else {
        const { data } = await returnBrief({ variables: { input } });
        if (data) onChanged(data.returnBriefToDraft);
      }
    } catch (caught) {
      fail(caught);
    }
  };

  const publish = async () => {
    setError(null);
    try {
      const { data } = await publishBrief({ variables: { input } });
      setIsConfirming(false);
      if (!data) return;
      setPublished({ slug: data.publishBrief.slug, version: data.publishBrief.publishedVersion });
      const reloaded = await client.query({
        query: BRIEF_DRAFT_QUERY,
        variables: { id: brief.id },
        fetchPolicy: 'network-only',
      });
      if (reloaded.data) onChanged(reloaded.data.briefDraft);
    } catch (caught) {
      setIsConfirming(false);
      fail(caught);
    }
  };

  return (
    <Fieldset legend={t('curation.actions.legend')}>
      <Stack gap="sm">
        {isDirty && <Text size="sm">{t('curation.actions.saveFirst')}</Text>}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {published && (
          <Alert color="passerelle" role="status">
            {t('curation.actions.published', { version: published.version })}{' '}
            <Anchor component={Link} to={paths.brief(published.slug)}>
              {t('curation.actions.viewPublic')}
            </Anchor>
          </Alert>
        )}
        <Group gap="sm" wrap="wrap">
          {brief.status === 'DRAFT' && (
            <Button
              variant="light"
              disabled={isDirty}
              loading={submitting.loading}
              onClick={() => void run('submit')}
            >
              {t('curation.actions.submit')}
            </Button>
          )}
          {brief.status === 'IN_REVIEW' && (
            <>
              <Button
                variant="default"
                disabled={isDirty}
                loading={returning.loading}
                onClick={() => void run('return')}
              >
                {t('curation.actions.return')}
              </Button>
              <Button disabled={isDirty || isConfirming} onClick={() => setIsConfirming(true)}>
                {t('curation.actions.publish')}
              </Button>
            </>
          )}
        </Group>
        {isConfirming && (
          <Alert color="ochre" title={t('curation.actions.confirmTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('curation.actions.confirmText', { title: brief.title })}</Text>
              <Group gap="sm">
                <Button loading={publishing.loading} onClick={() => void publish()}>
                  {t('curation.actions.confirm')}
                </Button>
                <Button variant="default" onClick={() => setIsConfirming(false)}>
                  {t('curation.actions.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Fieldset>
  );
}
