import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  AmendableFieldName,
  AmendmentDiff,
  DiffPart,
} from '../../../shared/graphql/schema-types';
import { DiffText } from '../../briefs/components/DiffText';
import { changedDiffFields } from '../amendment-logic';

/**
 * Word diffs as a list of labelled fields (Titre, Résumé, Texte): deletions struck through in
 * <del>, additions underlined in <ins>, each announced as such (the briefs' diff renderer).
 */
export function DiffFields({
  fields,
}: {
  fields: readonly { field: AmendableFieldName; parts: DiffPart[] }[];
}) {
  const { t } = useTranslation();
  return (
    // Long words (addresses, links) wrap instead of widening a phone's page.
    <dl style={{ margin: 0, overflowWrap: 'anywhere' }}>
      {fields.map(({ field, parts }) => (
        <div key={field} style={{ marginBottom: 'var(--mantine-spacing-xs)' }}>
          <dt style={{ fontWeight: 700 }}>{t(`amendments.field.${field}`)}</dt>
          <DiffText parts={parts} component="dd" />
        </div>
      ))}
    </dl>
  );
}

/** The differences of an amendment: only the fields it changes, with a legend of the marks. */
export function AmendmentDiffView({ diff }: { diff: AmendmentDiff }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="xs" c="gray.7">
        {t('amendments.diff.legend')}
      </Text>
      <DiffFields fields={changedDiffFields(diff)} />
    </Stack>
  );
}
