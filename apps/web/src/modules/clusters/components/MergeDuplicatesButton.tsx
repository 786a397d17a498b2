import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CLUSTER_LIMITS, isMergeable, type ProposalStatus } from '@passerelle/domain';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { isModerator } from '../../moderation/components/ProposalModeration';
import { MERGE_CANDIDATES_QUERY, MERGE_PROPOSALS_MUTATION } from '../graphql/clusters.documents';

interface LeadProposal {
  id: string;
  title: string;
  status: ProposalStatus;
  consultationId: string;
}

function MergeDialog({ lead, onClose }: { lead: LeadProposal; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, loading: searching } = useQuery(MERGE_CANDIDATES_QUERY, {
    variables: { title: lead.title, consultationId: lead.consultationId, excludeId: lead.id },
    fetchPolicy: 'network-only',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ selection?: string; reason?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [merge, { loading }] = useMutation(MERGE_PROPOSALS_MUTATION, {
    update(cache) {
      // Merged proposals leave the public lists.
      cache.evict({ fieldName: 'proposals' });
    },
  });
  const candidates = data?.similarProposals ?? [];

  const submit = async () => {
    setError(null);
    const trimmed = reason.trim();
    const found = {
      selection: selected.length === 0 ? t('clusters.chooseOne') : undefined,
      reason: trimmed.length < CLUSTER_LIMITS.reasonMin ? t('clusters.reasonRequired') : undefined,
    };
    setErrors(found);
    if (found.selection || found.reason) return;
    try {
      const result = await merge({
        variables: { input: { leadProposalId: lead.id, proposalIds: selected, reason: trimmed } },
      });
      const clusterId = result.data?.mergeProposals.id;
      onClose();
      if (clusterId) await navigate(paths.cluster(clusterId));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('clusters.mergeIntro')}</Text>
        {searching && !data ? (
          <Text size="sm">{t('app.loading')}</Text>
        ) : candidates.length === 0 ? (
          <Text size="sm">{t('clusters.noCandidates')}</Text>
        ) : (
          <Checkbox.Group
            label={t('clusters.mergeCandidates')}
            required
            value={selected}
            onChange={setSelected}
            error={errors.selection}
          >
            <Stack gap="xs" mt="xs">
              {candidates.map(({ proposal, similarity }) => {
                const canMerge = isMergeable(proposal.status);
                return (
                  <Checkbox
                    key={proposal.id}
                    value={proposal.id}
                    disabled={!canMerge}
                    label={proposal.title}
                    description={
                      canMerge
                        ? t('clusters.similarity', { percent: Math.round(similarity * 100) })
                        : `${t(`status.${proposal.status}`)} — ${t('clusters.alreadyMerged')}`
                    }
                  />
                );
              })}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea
          label={t('clusters.mergeReason')}
          description={t('clusters.mergeHint')}
          required
          autosize
          minRows={2}
          maxLength={CLUSTER_LIMITS.reasonMax}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('clusters.cancel')}
          </Button>
          <Button type="submit" loading={loading} disabled={candidates.length === 0}>
            {t('clusters.mergeConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Regrouper des doublons" for moderators: pick similar proposals to merge into this one. */
export function MergeDuplicatesButton({ lead }: { lead: LeadProposal }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [opened, setOpened] = useState(false);
  if (!isModerator(user?.role) || !isMergeable(lead.status)) return null;
  return (
    <>
      <Group>
        <Button variant="default" onClick={() => setOpened(true)}>
          {t('clusters.mergeButton')}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('clusters.mergeTitle')}
        closeButtonProps={{ 'aria-label': t('clusters.cancel') }}
        size="lg"
        centered
      >
        {opened && <MergeDialog lead={lead} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
}
