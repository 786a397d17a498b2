import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BRIEF_LIMITS as L } from '@passerelle/domain';
import { paths } from '../../../app/paths';
import { authorName } from '../../privacy/anonymous';
import { fieldId, type CitationState } from '../forms/brief-form';
import { citationDragId, type BriefDragData } from '../hooks/useBriefDnd';
import { DragHandle } from './DragHandle';
import { OpinionFigures } from './OpinionFigures';
import { CitationExperiments } from './CitationExperiments';
import { VoteFigures } from './VoteFigures';

interface CitationEditorProps {
  citation: CitationState;
  /** The section it belongs to (citations are reordered within their section). */
  sectionKey: string;
  /** `sections.0.citations.1`: the API's field path prefix. */
  path: string;
  index: number;
  count: number;
  errors: Record<string, string>;
  onQuote: (quote: string) => void;
  /** Puts `[n]` (this citation's number) at the synthesis cursor. */
  onInsertMarker: () => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** The link to a comment under its proposal (CONTRACT-issue5.md link targets). */
const commentPath = (proposalId: string, commentId: string) =>
  `${paths.proposal(proposalId)}#commentaire-${commentId}`;

/**
 * One citation, numbered [n] as the synthesis refers to it: its source (a proposal with live
 * figures, or a comment with its author's collège), "already cited elsewhere", the quote, order.
 */
export function CitationEditor(props: CitationEditorProps) {
  const { citation, sectionKey, path, index, count, errors } = props;
  const { onQuote, onInsertMarker, onMove, onRemove } = props;
  const { t } = useTranslation();
  const data: BriefDragData = { type: 'citation', key: citation.key, sectionKey };
  const sortable = useSortable({
    id: citationDragId(citation.key),
    data,
    attributes: { roleDescription: t('curation.dnd.roleDescription') },
  });
  const proposal = citation.proposal;
  const number = index + 1;
  const author = citation.commentAuthor;
  const name =
    proposal?.title ??
    (author
      ? t('curation.citation.commentBy', { name: authorName(author, t) })
      : t('curation.citation.comment'));
  const sourceError = errors[path] ?? errors[`${path}.proposalId`] ?? errors[`${path}.commentId`];
  // A comment's text is known here: a quote that is not an exact part of it is flagged at once.
  const isQuoteOutsideComment =
    !proposal &&
    citation.commentBody !== null &&
    citation.quote !== '' &&
    !citation.commentBody.includes(citation.quote);
  const quoteError =
    errors[`${path}.quote`] ??
    (isQuoteOutsideComment ? t('curation.citation.quoteNotInComment') : undefined);

  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      ref={sortable.setNodeRef}
      id={fieldId(`${path}.card`)}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
        position: 'relative',
        zIndex: sortable.isDragging ? 2 : undefined,
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" align="center">
          <Badge variant="light" size="lg" radius="sm" aria-hidden="true">
            [{number}]
          </Badge>
          <Text fw={600} style={{ flex: '1 1 12rem' }}>
            <span className="visually-hidden">{t('curation.citation.number', { number })} </span>
            {proposal ? (
              <Anchor component={Link} to={paths.proposal(proposal.id)} target="_blank">
                {proposal.title}
              </Anchor>
            ) : (
              name
            )}
          </Text>
          <DragHandle
            handle={sortable}
            label={t('curation.citation.drag', { number, title: name })}
          />
        </Group>
        {!proposal && (
          <Stack gap={4}>
            {author && (
              <Text size="sm" c="gray.7">
                {t('curation.citation.commentCollege', {
                  college: t(`actorType.${author.actorType}`),
                })}
              </Text>
            )}
            {citation.commentProposalTitle && (
              <Text size="sm" c="gray.7">
                {t('curation.citation.onProposal', { title: citation.commentProposalTitle })}
              </Text>
            )}
            {citation.commentBody && (
              <Text size="sm" lineClamp={4} component="blockquote" className="curation-excerpt">
                {citation.commentBody}
              </Text>
            )}
            {citation.commentProposalId && citation.commentId && (
              <Anchor
                size="sm"
                component={Link}
                to={commentPath(citation.commentProposalId, citation.commentId)}
                target="_blank"
              >
                {t('curation.citation.viewComment')}
              </Anchor>
            )}
          </Stack>
        )}
        {proposal && <OpinionFigures opinions={proposal.opinions} variant="groups" />}
        {proposal && <VoteFigures proposal={proposal} />}
        {proposal?.experiments && <CitationExperiments experiments={proposal.experiments} />}
        {citation.otherBriefs.length > 0 && (
          <Text size="sm" c="ochre.9">
            {t('curation.citation.citedElsewhere', {
              titles: citation.otherBriefs.map((b) => `« ${b.title} »`).join(', '),
            })}
          </Text>
        )}
        {sourceError && (
          <Text size="sm" c="red.7" id={fieldId(path)} tabIndex={-1}>
            {sourceError}
          </Text>
        )}
        <Textarea
          id={fieldId(`${path}.quote`)}
          label={t('curation.citation.quote')}
          description={
            proposal
              ? t('curation.citation.quoteHint', { max: L.quoteMax })
              : t('curation.citation.commentQuoteHint', { max: L.quoteMax })
          }
          autosize
          minRows={1}
          maxRows={6}
          maxLength={L.quoteMax}
          value={citation.quote}
          error={quoteError}
          onChange={(event) => onQuote(event.currentTarget.value)}
        />
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="light"
            onClick={onInsertMarker}
            aria-label={t('curation.citation.insertMarkerLabel', { number, title: name })}
          >
            {t('curation.citation.insertMarker', { number })}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t('curation.citation.moveUp', { title: name })}
          >
            {t('curation.moveUp')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t('curation.citation.moveDown', { title: name })}
          >
            {t('curation.moveDown')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('curation.citation.remove', { title: name })}
          >
            {t('curation.remove')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
