import { lazy, Suspense, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import type { Amendment } from '../../../shared/graphql/schema-types';
import { formatDate } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import {
  ContentDecision,
  useCanModerateProposal,
} from '../../moderation/components/ProposalModeration';
import { ReportButton } from '../../moderation/components/ReportButton';
import { authorName } from '../../privacy/anonymous';
import {
  AMENDMENT_FILTERS,
  filterAmendments,
  type AmendmentFilter,
  type Decision,
} from '../amendment-logic';
import {
  PROPOSAL_AMENDMENTS_QUERY,
  PROPOSAL_COAUTHORS_QUERY,
  WITHDRAW_AMENDMENT_MUTATION,
  type ProposalAmendments,
} from '../graphql/amendments.documents';
import { AmendmentDiffView } from './AmendmentDiffView';
import { AmendmentVotes } from './AmendmentVotes';
import { DecideAmendmentDialog } from './DecideAmendmentDialog';
import { InviteCoAuthorButton } from './InviteCoAuthorButton';

// The form brings the validation schemas (zod) and the word diff: loaded when it opens.
const AmendmentForm = lazy(() =>
  import('./AmendmentForm').then((m) => ({ default: m.AmendmentForm })),
);

// The theme's palettes (shade 6 keeps 4.5:1 on white) and a dark blue: the outline badge's text
// stays readable.
const STATUS_COLOR = {
  PENDING: 'blue.9',
  ACCEPTED: 'passerelle',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
} as const;

/**
 * For the proposal's author: who already co-authors or is invited (not to be invited again; a
 * declined invitation may be renewed). Null for everyone else.
 */
function useInvitable(proposalId: string) {
  const { data } = useQuery(PROPOSAL_COAUTHORS_QUERY, { variables: { id: proposalId } });
  const proposal = data?.proposal;
  if (!proposal?.viewerCanInviteCoAuthors) return null;
  const invited = new Set(
    proposal.coAuthorInvitations
      .filter((invitation) => invitation.status === 'INVITED')
      .map((invitation) => invitation.participant.id),
  );
  const taken = new Set([proposal.author.id, ...proposal.coAuthors.map((p) => p.id), ...invited]);
  return { taken, invited };
}

function AmendmentItem({
  amendment,
  proposal,
  invitable,
  announce,
  canModerate,
  onModerated,
}: {
  amendment: Amendment;
  proposal: ProposalAmendments;
  invitable: ReturnType<typeof useInvitable>;
  announce: (message: string) => void;
  /** The viewer moderates the proposal's page (Proposal.viewerCanModerate): hide or restore. */
  canModerate: boolean;
  /** After a hide or restore: votes, decisions and the pending count change with it. */
  onModerated: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { user } = useCurrentUser();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [isRebasing, setRebasing] = useState(false);
  const [isConfirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const [withdraw, withdrawal] = useMutation(WITHDRAW_AMENDMENT_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const name = authorName(amendment.author, t);
  const headingId = `amendement-${amendment.id}-titre`;
  const isPending = amendment.status === 'PENDING';

  const confirmWithdraw = async () => {
    setError(null);
    try {
      await withdraw({ variables: { input: { amendmentId: amendment.id } } });
      setConfirmingWithdraw(false);
      announce(t('amendments.announce.withdrawn'));
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <Card
      component="article"
      withBorder
      radius="md"
      padding="md"
      aria-labelledby={headingId}
      id={`amendement-${amendment.id}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={3} fz="h5" id={headingId}>
              {t('amendments.itemTitle', { name })}
            </Title>
            <Text size="sm" c="gray.7">
              <time dateTime={amendment.createdAt}>
                {t('amendments.proposedOn', {
                  date: formatDate(amendment.createdAt, i18n.language),
                })}
              </time>
              {' · '}
              {t('amendments.onVersion', { version: amendment.baseVersion })}
            </Text>
          </Stack>
          <Badge variant="outline" color={STATUS_COLOR[amendment.status]} radius="sm" tt="none">
            {t(`amendments.status.${amendment.status}`)}
          </Badge>
        </Group>
        {amendment.isHidden && (
          // Only its author and the moderators get a hidden amendment: say why others do not.
          <Alert color="ochre" variant="light" role="note" title={t('amendments.hidden')}>
            {t('amendments.hiddenNotice')}
          </Alert>
        )}
        {invitable && !amendment.author.deleted && !invitable.taken.has(amendment.author.id) && (
          <InviteCoAuthorButton proposalId={proposal.id} participant={amendment.author} />
        )}
        {invitable?.invited.has(amendment.author.id) && (
          <Text size="sm" c="gray.7" role="status">
            {t('amendments.coAuthors.invited', { name })}
          </Text>
        )}
        {amendment.isOutdated && isPending && (
          <Alert color="ochre" variant="light" title={t('amendments.outdated.title')}>
            <Stack gap="xs">
              <Text size="sm">
                {t(
                  amendment.viewerIsAuthor
                    ? 'amendments.outdated.textAuthor'
                    : 'amendments.outdated.text',
                  { version: amendment.baseVersion, current: proposal.version },
                )}
              </Text>
              {amendment.viewerIsAuthor && !isRebasing && (
                <Group>
                  <Button size="xs" onClick={() => setRebasing(true)}>
                    {t('amendments.outdated.update')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {isRebasing && (
          <Suspense fallback={<LoadingState />}>
            <AmendmentForm
              proposalId={proposal.id}
              current={proposal}
              amendment={amendment}
              onCancel={() => setRebasing(false)}
              onDone={(message) => {
                setRebasing(false);
                announce(message);
              }}
            />
          </Suspense>
        )}
        {amendment.erased ? (
          <Text size="sm" c="gray.7">
            {t('amendments.erased')}
          </Text>
        ) : (
          <>
            <AmendmentDiffView diff={amendment.diff} />
            <Stack gap={2}>
              <Text size="sm" fw={700}>
                {t('amendments.reason')}
              </Text>
              <Text size="sm" className="preserve-lines">
                {amendment.reason}
              </Text>
            </Stack>
          </>
        )}
        {(amendment.status === 'ACCEPTED' || amendment.status === 'REJECTED') &&
          amendment.decidedAt && (
            <Text size="sm">
              {t(`amendments.decided.${amendment.status}`, {
                date: formatDate(amendment.decidedAt, i18n.language),
                name: amendment.decidedBy
                  ? authorName(amendment.decidedBy, t)
                  : t('notificationEmails.someone'),
              })}
              {amendment.appliedVersion
                ? ` ${t('amendments.decided.appliedVersion', { version: amendment.appliedVersion })}`
                : ''}
              {amendment.decisionReason && (
                <>
                  <br />
                  {t('amendments.decided.reason', { reason: amendment.decisionReason })}
                </>
              )}
            </Text>
          )}
        <AmendmentVotes amendment={amendment} proposalId={proposal.id} isSignedIn={!!user} />
        {isPending && (amendment.viewerCanDecide || amendment.viewerIsAuthor) && (
          <Group gap="xs" wrap="wrap">
            {amendment.viewerCanDecide && (
              <>
                {/* An outdated amendment is accepted only once its author has updated it. */}
                {!amendment.isOutdated && (
                  <Button size="sm" onClick={() => setDecision('ACCEPT')}>
                    {t('amendments.accept')}
                    <VisuallyHidden> {t('amendments.itemTitle', { name })}</VisuallyHidden>
                  </Button>
                )}
                <Button size="sm" variant="default" onClick={() => setDecision('REJECT')}>
                  {t('amendments.reject')}
                  <VisuallyHidden> {t('amendments.itemTitle', { name })}</VisuallyHidden>
                </Button>
              </>
            )}
            {amendment.viewerIsAuthor && (
              <Button
                size="sm"
                variant="subtle"
                color="red"
                aria-expanded={isConfirmingWithdraw}
                onClick={() => setConfirmingWithdraw((open) => !open)}
              >
                {t('amendments.withdraw')}
              </Button>
            )}
          </Group>
        )}
        {isConfirmingWithdraw && (
          <Group gap="xs">
            <Text size="sm">{t('amendments.withdrawConfirmText')}</Text>
            <Button
              size="xs"
              color="red"
              loading={withdrawal.loading}
              onClick={() => void confirmWithdraw()}
            >
              {t('amendments.withdrawConfirm')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirmingWithdraw(false)}>
              {t('amendments.cancel')}
            </Button>
          </Group>
        )}
        {!amendment.erased && !amendment.isHidden && !amendment.viewerIsAuthor && (
          <ReportButton
            targetType="AMENDMENT"
            targetId={amendment.id}
            authorId={amendment.author.id}
          />
        )}
        {canModerate && !amendment.erased && (
          <ContentDecision
            targetType="AMENDMENT"
            targetId={amendment.id}
            isHidden={amendment.isHidden}
            onDecided={onModerated}
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
      {decision && (
        <DecideAmendmentDialog
          amendment={amendment}
          decision={decision}
          isReasonRequired={user?.id !== proposal.author.id}
          onClose={() => setDecision(null)}
          onDecided={(message) => {
            setDecision(null);
            announce(message);
          }}
        />
      )}
    </Card>
  );
}

/**
 * « Amendements »: the amendments of a proposal, filtered by status, each with its word-level
 * differences, its reason and its votes; proposing one, deciding (the proposal's author or a
 * moderator), updating or withdrawing one's own; reporting another's, and hiding or restoring one
 * for the page's moderators. Hidden while the API does not serve them.
 */
export function AmendmentsSection({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const location = useLocation();
  const { data, refetch } = useQuery(PROPOSAL_AMENDMENTS_QUERY, { variables: { id: proposalId } });
  const invitable = useInvitable(proposalId);
  const canModerate = useCanModerateProposal(proposalId);
  const [chosenFilter, setFilter] = useState<AmendmentFilter | null>(null);
  const [isProposing, setProposing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const proposal = data?.proposal;
  if (!proposal) return null;
  const { amendments } = proposal;
  // A link to one amendment (a notification's) shows it whatever its status.
  const isLinked = amendments.some((a) => location.hash === `#amendement-${a.id}`);
  const filter =
    chosenFilter ?? (proposal.pendingAmendmentsCount > 0 && !isLinked ? 'PENDING' : 'ALL');
  const shown = filterAmendments(amendments, filter);
  const canSignInToAmend = !user && proposal.amendmentsOpen;
  if (amendments.length === 0 && !proposal.viewerCanAmend && !canSignInToAmend) {
    return <VisuallyHidden role="status">{announcement}</VisuallyHidden>;
  }

  return (
    <Stack component="section" gap="md" aria-labelledby="amendments-title">
      <Stack gap={4}>
        <Title order={2} fz="h3" id="amendments-title">
          {t('amendments.title')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('amendments.intro')}
        </Text>
      </Stack>
      {proposal.viewerCanAmend && !isProposing && (
        <Group>
          <Button variant="light" onClick={() => setProposing(true)}>
            {t('amendments.form.open')}
          </Button>
        </Group>
      )}
      {!proposal.amendmentsOpen && proposal.status === 'PUBLISHED' && (
        <Text size="sm">{t('amendments.form.closed')}</Text>
      )}
      {canSignInToAmend && (
        <Anchor component={Link} to={withNext(paths.signIn, paths.proposal(proposalId))} size="sm">
          {t('amendments.form.signIn')}
        </Anchor>
      )}
      {isProposing && (
        <Suspense fallback={<LoadingState />}>
          <AmendmentForm
            proposalId={proposalId}
            current={proposal}
            onCancel={() => setProposing(false)}
            onDone={(message) => {
              setProposing(false);
              setFilter('PENDING');
              setAnnouncement(message);
            }}
          />
        </Suspense>
      )}
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      {amendments.length > 0 && (
        <Group gap="xs" role="group" aria-label={t('amendments.filter.label')} wrap="wrap">
          {AMENDMENT_FILTERS.map((value) => (
            <Button
              key={value}
              size="xs"
              radius="xl"
              variant={filter === value ? 'filled' : 'default'}
              aria-pressed={filter === value}
              onClick={() => setFilter(value)}
            >
              {t('amendments.filter.option', {
                label: t(`amendments.filter.${value}`),
                count: filterAmendments(amendments, value).length,
              })}
            </Button>
          ))}
        </Group>
      )}
      {shown.length === 0 ? (
        <Text size="sm">{t(`amendments.empty.${filter}`)}</Text>
      ) : (
        <Stack gap="md">
          {shown.map((amendment) => (
            <AmendmentItem
              key={amendment.id}
              amendment={amendment}
              proposal={proposal}
              invitable={invitable}
              announce={setAnnouncement}
              canModerate={canModerate}
              // The decision already set isHidden in the cache: a failed refresh changes nothing.
              onModerated={() => void refetch().catch(() => undefined)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
