import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sourceWarnings } from '../forms/source-markers';

/**
 * What the synthesis still needs before review, as it is typed: markers naming no citation and
 * paragraphs without a source. Announced politely (the text changes only when a warning does).
 */
export function SourceChecklist({
  id,
  synthesis,
  citationCount,
}: {
  id: string;
  synthesis: string;
  citationCount: number;
}) {
  const { t } = useTranslation();
  const warnings = sourceWarnings(synthesis, citationCount);
  return (
    <div id={id} aria-live="polite" className="curation-checklist">
      {synthesis.trim() === '' ? null : warnings.length === 0 ? (
        <Text size="sm" c="passerelle.8">
          {t('curation.sources.allSourced')}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={600} id={`${id}-title`}>
            {t('curation.sources.title', { count: warnings.length })}
          </Text>
          <List size="sm" c="red.8" aria-labelledby={`${id}-title`}>
            {warnings.map((warning) =>
              warning.kind === 'unsourced' ? (
                <List.Item key={`p${warning.paragraph}`}>
                  {t('curation.sources.unsourced', { paragraph: warning.paragraph })}
                </List.Item>
              ) : (
                <List.Item key={`m${warning.marker}`}>
                  {t('curation.sources.invalidMarker', {
                    marker: warning.marker,
                    count: warning.count,
                  })}
                </List.Item>
              ),
            )}
          </List>
        </>
      )}
    </div>
  );
}
