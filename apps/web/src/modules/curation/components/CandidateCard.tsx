import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import type { CommentNode } from '../../../shared/graphql/schema-types';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PROPOSAL_COMMENTS_QUERY } from '../../comments/graphql/comments.documents';
import { authorName } from '../../privacy/anonymous';
import type { CandidateWithOpinions } from '../graphql/curation.documents';
import { candidateDragId, type BriefDragData } from '../hooks/useBriefDnd';
import { DragHandle } from './DragHandle';
import { OpinionFigures } from './OpinionFigures';
import { VoteFigures } from './VoteFigures';

/** Public comments of a thread, replies included, in reading order (deleted or hidden ones left out). */
export function citableComments(comments: readonly CommentNode[]): CommentNode[] {
  return comments.flatMap((comment) => [
    ...(comment.body !== null && !comment.isDeleted && !comment.isHidden ? [comment] : []),
    ...citableComments(comment.replies ?? []),
  ]);
}

interface CandidateCardProps {
  proposal: CandidateWithOpinions;
  /** The section the buttons add to ("section 2 « Financer »"), or null when there is none. */
  targetName: string | null;
  /** Already cited by the target section. */
  isInTarget: boolean;
  citedCommentIds: readonly string[];
  /** Sections of this brief citing it ("2, 3"). */
  citedInSections: number[];
  onCite: () => void;
  onCiteComment: (comment: CommentNode) => void;
}

/** The comments of a candidate, each with its "Citer ce commentaire" button. */
function CandidateComments({
  proposal,
  targetName,
  citedCommentIds,
  onCiteComment,
}: Pick<CandidateCardProps, 'proposal' | 'targetName' | 'citedCommentIds' | 'onCiteComment'>) {
  const { t } = useTranslation();
  const { data, error } = useQuery(PROPOSAL_COMMENTS_QUERY, { variables: { id: proposal.id } });
  if (error) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  if (!data) return <LoadingState />;
  const comments = citableComments(data.proposal.comments.edges.map((edge) => edge.node));
  if (comments.length === 0) return <Text size="sm">{t('curation.picker.noComments')}</Text>;
  return (
    <Stack component="ul" gap="xs" className="plain-list">
      {comments.map((comment) => {
        const isCited = citedCommentIds.includes(comment.id);
        const name = comment.author
          ? authorName(comment.author, t)
          : t('curation.citation.comment');
        return (
          <Card component="li" key={comment.id} withBorder padding="xs">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {comment.author
                  ? t('curation.picker.commentAuthor', {
                      name,
                      college: t(`actorType.${comment.author.actorType}`),
                    })
                  : name}
              </Text>
              <Text size="sm" lineClamp={4}>
                {comment.body}
              </Text>
              <div>
                <Button
                  size="xs"
                  variant="light"
                  disabled={isCited || targetName === null}
                  onClick={() => onCiteComment(comment)}
                  aria-label={
                    targetName && !isCited
                      ? t('curation.picker.citeCommentLabel', { name, section: targetName })
                      : undefined
                  }
                >
                  {isCited
                    ? t('curation.picker.alreadyInSection')
                    : t('curation.picker.citeComment')}
                </Button>
              </div>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

/**
 * A candidate: what it is, its consensus across opinion groups, its live figures per collège,
 * where it is already cited, and how to cite it (button, drag handle, or one of its comments).
 */
export function CandidateCard(props: CandidateCardProps) {
  const { proposal, targetName, isInTarget, citedCommentIds, citedInSections } = props;
  const { t } = useTranslation();
  const [areCommentsOpen, setCommentsOpen] = useState(false);
  const data: BriefDragData = { type: 'candidate', proposal };
  const draggable = useDraggable({
    id: candidateDragId(proposal.id),
    data,
    attributes: { roleDescription: t('curation.dnd.roleDescription') },
  });
  const commentsId = `candidate-${proposal.id}-comments`;

  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      ref={draggable.setNodeRef}
      style={{ opacity: draggable.isDragging ? 0.5 : undefined }}
      className="curation-candidate"
    >
      <Stack gap="xs">
        <Text fw={600}>
          <Anchor component={Link} to={paths.proposal(proposal.id)} target="_blank">
            {proposal.title}
          </Anchor>
        </Text>
        <Text size="sm" c="gray.7" lineClamp={2}>
          {proposal.summary}
        </Text>
        <Text size="sm" c="gray.7">
          {t('curation.picker.meta', {
            territory: proposal.territory.name,
            college: t(`actorType.${proposal.author.actorType}`),
            status: t(`status.${proposal.status}`),
          })}
        </Text>
        <Group gap={6} wrap="wrap">
          {proposal.themes.map((theme) => (
            <Badge key={theme.id} variant="light" color="gray" size="sm">
              {theme.name}
            </Badge>
          ))}
          {proposal.broadSupport && (
            <Badge variant="filled" color="passerelle" size="sm">
              {t('curation.picker.broadSupport')}
            </Badge>
          )}
        </Group>
        <OpinionFigures opinions={proposal.opinions} variant="consensus" />
        <VoteFigures proposal={proposal} />
        {(proposal.citedIn.length > 0 || citedInSections.length > 0) && (
          <Stack gap={2}>
            <Badge variant="outline" color="ochre" size="sm" style={{ alignSelf: 'flex-start' }}>
              {t('curation.picker.citedElsewhere')}
            </Badge>
            {citedInSections.length > 0 && (
              <Text size="sm" c="ochre.9">
                {t('curation.picker.citedHere', {
                  count: citedInSections.length,
                  sections: citedInSections.join(', '),
                })}
              </Text>
            )}
            {proposal.citedIn.length > 0 && (
              <Text size="sm" c="ochre.9">
                {t('curation.picker.citedInBriefs', {
                  titles: proposal.citedIn
                    .map((ref) => `« ${ref.briefTitle} » (${ref.sectionTitle})`)
                    .join(', '),
                })}
              </Text>
            )}
          </Stack>
        )}
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            disabled={isInTarget || targetName === null}
            onClick={props.onCite}
            aria-label={
              targetName && !isInTarget
                ? t('curation.picker.citeLabel', { title: proposal.title, section: targetName })
                : undefined
            }
          >
            {isInTarget ? t('curation.picker.alreadyInSection') : t('curation.picker.cite')}
          </Button>
          <DragHandle
            handle={draggable}
            text={t('curation.picker.drag')}
            label={t('curation.picker.dragLabel', { title: proposal.title })}
          />
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={areCommentsOpen}
            aria-controls={commentsId}
            onClick={() => setCommentsOpen((open) => !open)}
            aria-label={t('curation.picker.commentsLabel', {
              count: proposal.commentsCount,
              title: proposal.title,
            })}
          >
            {t('curation.picker.comments', { count: proposal.commentsCount })}
          </Button>
        </Group>
        <div id={commentsId}>
          {areCommentsOpen && (
            <CandidateComments
              proposal={proposal}
              targetName={targetName}
              citedCommentIds={citedCommentIds}
              onCiteComment={props.onCiteComment}
            />
          )}
        </div>
      </Stack>
    </Card>
  );
}
