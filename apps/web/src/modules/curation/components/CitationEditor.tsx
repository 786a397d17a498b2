import { Anchor, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BRIEF_LIMITS as L } from '@passerelle/domain';
import { paths } from '../../../app/paths';
import { fieldId, type CitationState } from '../forms/brief-form';
import { VoteFigures } from './VoteFigures';

interface CitationEditorProps {
  citation: CitationState;
  /** `sections.0.citations.1`: the API's field path prefix. */
  path: string;
  index: number;
  count: number;
  errors: Record<string, string>;
  onQuote: (quote: string) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One citation: its source with live figures, "already cited elsewhere", the quote, order. */
export function CitationEditor(props: CitationEditorProps) {
  const { citation, path, index, count, errors, onQuote, onMove, onRemove } = props;
  const { t } = useTranslation();
  const proposal = citation.proposal;
  const name = proposal?.title ?? t('curation.citation.comment');
  const sourceError = errors[path] ?? errors[`${path}.proposalId`] ?? errors[`${path}.commentId`];
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap="xs">
        <Text fw={600}>
          {proposal ? (
            <Anchor component={Link} to={paths.proposal(proposal.id)} target="_blank">
              {proposal.title}
            </Anchor>
          ) : (
            t('curation.citation.comment')
          )}
        </Text>
        {citation.commentBody && <Text size="sm">{citation.commentBody}</Text>}
        {proposal && <VoteFigures proposal={proposal} />}
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
          description={t('curation.citation.quoteHint', { max: L.quoteMax })}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={L.quoteMax}
          value={citation.quote}
          error={errors[`${path}.quote`]}
          onChange={(event) => onQuote(event.currentTarget.value)}
        />
        <Group gap="xs" wrap="wrap">
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
