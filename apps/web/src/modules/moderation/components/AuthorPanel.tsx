import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useFragment } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { canSuspend } from '@passerelle/domain';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { ModerationUser } from '../../../shared/graphql/schema-types';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { MODERATION_USER_FIELDS } from '../graphql/moderation.documents';
import { SuspensionDialog } from './SuspensionDialog';
import type { SuspensionMode } from './suspension.schema';

/** The counts side by side, as many per line as fit (two on a phone). */
const HISTORY_GRID: CSSProperties = {
  gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))',
  gap: '0.5rem 1rem',
};

interface AuthorPanelProps {
  author: ModerationUser;
  /** Id prefix of the headings, unique on the page. */
  idPrefix: string;
  /** The panel's heading: the author's name, or "account history" when the item is the account. */
  heading: string;
}

/**
 * The account behind an item: role, history counts and suspension state, with the suspend and
 * reinstate actions. Reads the account from the cache, so a decision taken on one item shows on
 * every item of the same author.
 */
export function AuthorPanel({ author: initial, idPrefix, heading }: AuthorPanelProps) {
  const { t, i18n } = useTranslation();
  const { user: me } = useCurrentUser();
  const live = useFragment({
    fragment: MODERATION_USER_FIELDS,
    from: { __typename: 'ModerationUser', id: initial.id },
  });
  const author = live.complete ? live.data : initial;
  const [dialog, setDialog] = useState<SuspensionMode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // After a decision the button that opened the dialog is replaced (suspend ↔ reinstate): focus
  // goes to the panel's heading, next to the announced result, rather than to the page's top.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [shouldFocusHeading, setShouldFocusHeading] = useState(false);
  useEffect(() => {
    if (!dialog && shouldFocusHeading) {
      headingRef.current?.focus();
      setShouldFocusHeading(false);
    }
  }, [dialog, shouldFocusHeading]);
  const headingId = `${idPrefix}-author`;
  const history = author.history;
  const counts: [string, number][] = [
    [t('moderation.historyProposals'), history.proposalsCount],
    [t('moderation.historyComments'), history.commentsCount],
    [t('moderation.historyHidden'), history.hiddenContentCount],
    [t('moderation.historyReports'), history.reportsAgainstCount],
    [t('moderation.historySuspensions'), history.suspensionsCount],
  ];
  const mayAct = canSuspend(me, author);

  return (
    <Stack
      component="section"
      gap="xs"
      p="sm"
      className="author-panel"
      aria-labelledby={headingId}
      bg="gray.0"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Title
        order={4}
        fz="h6"
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className="break-words"
      >
        {heading}
      </Title>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color="gray" radius="sm" tt="none">
          {t(`moderation.roles.${author.role}`)}
        </Badge>
        <Badge variant="light" color="gray" radius="sm" tt="none">
          {t(`actorType.${author.actorType}`)}
        </Badge>
        <Text size="sm" c="gray.7">
          {t('moderation.memberSince', {
            date: formatDate(history.memberSince, i18n.language),
          })}
        </Text>
      </Group>
      <dl className="meta-list" style={HISTORY_GRID}>
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd style={{ fontWeight: 700 }}>{value}</dd>
          </div>
        ))}
      </dl>
      {author.isSuspended ? (
        <Stack gap={2}>
          <Text size="sm" fw={700} c="red.9">
            {author.suspendedUntil
              ? t('moderation.suspendedUntil', {
                  date: formatDateTime(author.suspendedUntil, i18n.language),
                })
              : t('moderation.suspendedIndefinitely')}
          </Text>
          {author.suspensionReason && (
            <Text size="sm" className="preserve-lines break-words">
              {t('moderation.suspensionReasonShown', { reason: author.suspensionReason })}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm">{t('moderation.active')}</Text>
      )}
      <div role="status">{notice && <Text size="sm">{notice}</Text>}</div>
      {mayAct && (
        <Group gap="xs" wrap="wrap">
          {author.isSuspended ? (
            <>
              <Button size="compact-sm" variant="default" onClick={() => setDialog('reinstate')}>
                {t('moderation.reinstate')}
              </Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setDialog('suspend')}>
                {t('moderation.changeSuspension')}
              </Button>
            </>
          ) : (
            <Button
              size="compact-sm"
              variant="default"
              color="red"
              onClick={() => setDialog('suspend')}
            >
              {t('moderation.suspend')}
            </Button>
          )}
        </Group>
      )}
      {dialog && (
        <SuspensionDialog
          mode={dialog}
          user={author}
          opened
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setShouldFocusHeading(true);
            setNotice(
              t(updated.isSuspended ? 'moderation.suspended' : 'moderation.reinstated', {
                name: updated.displayName,
              }),
            );
          }}
        />
      )}
    </Stack>
  );
}
