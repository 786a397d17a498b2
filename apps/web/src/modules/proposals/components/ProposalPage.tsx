import { lazy, Suspense, useDeferredValue, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage, errorReason } from '../../../shared/graphql/errors';
import type { ProposalDetail } from '../../../shared/graphql/schema-types';
import { formatDate, territoryLabel } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { PROPOSAL_PAGE_QUERY } from '../graphql/proposal-page.documents';
import { PROPOSAL_QUERY } from '../graphql/proposals.documents';
import { CommentsSection } from '../../comments/components/CommentsSection';
import { VotePanel } from '../../votes/components/VotePanel';
import { ProposalBroadSupportBadge } from '../../votes/components/BroadSupport';
import { ProposalClusterNotice } from '../../clusters/components/ProposalClusterNotice';
import { ProposalCitedIn } from '../../briefs/components/ProposalCitedIn';
import { ProposalOpinions } from '../../opinions/components/ProposalOpinions';
import { authorName, proposalText, proposalTitle } from '../../privacy/anonymous';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { CoAuthorsByline } from '../../amendments/components/CoAuthorsByline';
import {
  AnswerProposalForm,
  HiddenProposalNotice,
  isModerator,
  OfficialAnswer,
  ProposalModerationActions,
  ReportProposal,
} from '../../moderation/components/ProposalModeration';
import {
  AuthorActions,
  FollowButton,
  ProposalBody,
  ProposalHistory,
  ShareButton,
} from './ProposalExtras';
import { AwaitingReviewNotice, useIsAwaitingReview } from './AwaitingReviewNotice';
import { DraftProposalNotice } from './DraftProposalNotice';
import { ThemeBadges } from './ThemeBadges';
import { ProposalExperiments } from './ProposalExperiments';

// Moderators only: its code (with the merge rules' validation schemas, and zod) is loaded for them.
const MergeDuplicatesButton = lazy(() =>
  import('../../clusters/components/MergeDuplicatesButton').then((m) => ({
    default: m.MergeDuplicatesButton,
  })),
);

// Amendments and co-authoring (issue 11): their forms and dialogs load after the page's text.
const AmendmentsSection = lazy(() =>
  import('../../amendments/components/AmendmentsSection').then((m) => ({
    default: m.AmendmentsSection,
  })),
);
const CoAuthorsPanel = lazy(() =>
  import('../../amendments/components/CoAuthorsPanel').then((m) => ({
    default: m.CoAuthorsPanel,
  })),
);
const CoAuthorInvitationBanner = lazy(() =>
  import('../../amendments/components/CoAuthorsPanel').then((m) => ({
    default: m.CoAuthorInvitationBanner,
  })),
);

function ModeratorOnly({ children }: { children: ReactNode }) {
  const { user } = useCurrentUser();
  return isModerator(user?.role) ? <Suspense fallback={null}>{children}</Suspense> : null;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack component="section" gap="xs">
      <Title order={2} fz="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Details({ proposal }: { proposal: ProposalDetail }) {
  const { t, i18n } = useTranslation();
  const rows: [string, ReactNode][] = [
    [t('proposal.themes'), proposal.themes.map((theme) => theme.name).join(', ')],
    [
      t('proposal.territory'),
      <Anchor key="territory" component={Link} to={paths.territory(proposal.territory.id)}>
        {territoryLabel(proposal.territory)}
      </Anchor>,
    ],
    [t('proposal.competentLevel'), t(`competentLevel.${proposal.competentLevel}`)],
    [t('proposal.lever'), t(`lever.${proposal.lever}`)],
    [
      t('proposal.author'),
      `${authorName(proposal.author, t)} (${t(`actorType.${proposal.author.actorType}`)})`,
    ],
  ];
  if (proposal.organisation) {
    rows.push([
      t('proposal.organisation'),
      <Anchor key="organisation" component={Link} to={paths.organisation(proposal.organisation.id)}>
        {proposal.organisation.name}
      </Anchor>,
    ]);
  }
  rows.push([t('proposal.consultation'), proposal.consultation.title]);
  const shownDate = formatDate(proposal.publishedAt ?? proposal.createdAt, i18n.language);
  rows.push([t(proposal.publishedAt ? 'proposal.publishedAt' : 'proposal.createdAt'), shownDate]);
  const updated = formatDate(proposal.updatedAt, i18n.language);
  if (updated !== shownDate) rows.push([t('proposal.updatedAt'), updated]);

  return (
    <Card component="aside" withBorder radius="md" padding="lg" aria-labelledby="proposal-details">
      <Stack gap="md">
        <Title order={2} fz="h4" id="proposal-details">
          {t('proposal.details')}
        </Title>
        <dl className="meta-list">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Stack>
    </Card>
  );
}

/**
 * A proposal with all its fields, votes, discussion and history. The sections added by issue 3
 * query their own fields, so each one hides itself while an older API does not serve them.
 */
export function ProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // One request for every section: each section's own query then reads the cache.
  const page = useQuery(PROPOSAL_PAGE_QUERY, { variables: { id } });
  // A failing section field fails that one request: the page then asks for the proposal alone and
  // each section for its own fields, so that only the failing section hides itself.
  const isPageQueryFailed =
    page.error !== undefined && errorReason(page.error) !== 'PROPOSAL_NOT_FOUND';
  const alone = useQuery(PROPOSAL_QUERY, { variables: { id }, skip: !isPageQueryFailed });
  const isAwaitingReviewAlone = useIsAwaitingReview(id, !isPageQueryFailed);
  const { data, error, loading } = isPageQueryFailed ? alone : page;
  // The page is a large render: deferred, React builds it in slices that let the browser respond
  // in between, instead of one long task when the answer arrives.
  const proposal = useDeferredValue(data?.proposal);
  const isAwaitingReview =
    (proposal && 'awaitingReview' in proposal ? proposal.awaitingReview : isAwaitingReviewAlone) ??
    false;
  const isNotFound =
    !loading && !data?.proposal && (!error || errorReason(error) === 'PROPOSAL_NOT_FOUND');
  usePageTitle(
    (proposal && proposalTitle(proposal, t)) ??
      (isNotFound ? t('notFound.title') : error ? t('errors.generic') : t('app.loading')),
    proposal && proposalText(proposal, proposal.summary, t),
  );

  if (!proposal && (loading || data?.proposal)) return <LoadingState />;
  if (isNotFound) return <NotFoundPage message={t('proposal.notFound')} />;
  if (!proposal) {
    return (
      <Alert color="red" role="alert" title={errorMessage(error, t)}>
        <Anchor component={Link} to={paths.home}>
          {t('proposal.backToList')}
        </Anchor>
      </Alert>
    );
  }
  // A draft is read only by its author and co-writers: votes (and the opinion groups drawn from
  // them), follows, comments, amendments and reports are refused by the API, and there is no
  // public address to share yet.
  const isDraft = proposal.status === 'DRAFT';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.proposals} size="sm" fw={600}>
        ← {t('proposal.backToList')}
      </Anchor>
      <Stack gap="sm" component="header">
        <Group gap="xs">
          <Badge variant="outline" radius="sm" tt="none" size="lg">
            {t(`status.${proposal.status}`)}
          </Badge>
          <ProposalBroadSupportBadge proposalId={proposal.id} />
        </Group>
        <PageTitle id="proposal-title" fz={{ base: 26, sm: 34 }}>
          {proposalTitle(proposal, t)}
        </PageTitle>
        <Text c="gray.7">
          {t('proposal.by', { name: authorName(proposal.author, t) })}
          {' · '}
          {t(`actorType.${proposal.author.actorType}`)}
          {proposal.organisation ? ` · ${proposal.organisation.name}` : ''}
          {' · '}
          {territoryLabel(proposal.territory)}
        </Text>
        <CoAuthorsByline proposalId={proposal.id} />
        <ThemeBadges themes={proposal.themes} label={t('proposal.themes')} />
        <DraftProposalNotice proposalId={proposal.id} titleId="proposal-title" />
        {/* A held proposal is hidden too: its own notice says why, instead of the generic one. */}
        {isAwaitingReview ? (
          <AwaitingReviewNotice proposalId={proposal.id} />
        ) : (
          <HiddenProposalNotice proposalId={proposal.id} />
        )}
        <ProposalClusterNotice proposalId={proposal.id} />
        <ProposalCitedIn proposalId={proposal.id} />
        <Suspense fallback={null}>
          <CoAuthorInvitationBanner proposalId={proposal.id} />
        </Suspense>
      </Stack>
      <div className="proposal-layout">
        <Stack gap="xl" className="proposal-main">
          <OfficialAnswer proposalId={proposal.id} />
          <Section title={t('proposal.summary')}>
            <Text size="lg" className="preserve-lines">
              {proposalText(proposal, proposal.summary, t)}
            </Text>
          </Section>
          <Section title={t('proposal.body')}>
            {proposal.erased ? (
              <Text className="preserve-lines">{proposalText(proposal, proposal.body, t)}</Text>
            ) : (
              <ProposalBody proposalId={proposal.id} body={proposal.body} />
            )}
          </Section>
          {proposal.experiment && (
            <Section title={t('proposal.experiment')}>
              <Text className="preserve-lines">{proposal.experiment}</Text>
            </Section>
          )}
          {proposal.measuredImpact && (
            <Section title={t('proposal.measuredImpact')}>
              <Text className="preserve-lines">{proposal.measuredImpact}</Text>
            </Section>
          )}
          <ProposalExperiments proposalId={proposal.id} />
          {!isDraft && <ProposalOpinions proposalId={proposal.id} />}
          {!isDraft && (
            <Suspense fallback={null}>
              <AmendmentsSection proposalId={proposal.id} />
            </Suspense>
          )}
        </Stack>
        <Stack gap="md" className="proposal-aside">
          {!isDraft && (
            <>
              <VotePanel proposalId={proposal.id} />
              <Group gap="sm" align="flex-start" wrap="wrap">
                <FollowButton proposalId={proposal.id} />
                <ShareButton />
              </Group>
            </>
          )}
          <AuthorActions proposalId={proposal.id} />
          <Suspense fallback={null}>
            <CoAuthorsPanel proposalId={proposal.id} />
          </Suspense>
          {!isDraft && <ReportProposal proposalId={proposal.id} />}
          <ProposalModerationActions proposalId={proposal.id} />
          <AnswerProposalForm proposalId={proposal.id} />
          <ModeratorOnly>
            <MergeDuplicatesButton
              lead={{
                id: proposal.id,
                title: proposalTitle(proposal, t),
                status: proposal.status,
                consultationId: proposal.consultation.id,
              }}
            />
          </ModeratorOnly>
          <Details proposal={proposal} />
        </Stack>
        <Stack gap="xl" className="proposal-discussion">
          {!isDraft && <CommentsSection proposalId={proposal.id} />}
          <ProposalHistory proposalId={proposal.id} />
        </Stack>
      </div>
    </Stack>
  );
}
