import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The live preview is plain text (no HTML is built in the browser); the formatted rendering is
 * the server's sanitised HTML as last saved.
 */
export function MarkdownPreview({
  id,
  text,
  savedHtml,
}: {
  id: string;
  text: string;
  savedHtml: string;
}) {
  const { t } = useTranslation();
  return (
    <details className="curation-preview">
      <summary>{t('curation.preview.toggle')}</summary>
      <Stack gap="xs" mt="xs">
        <Text size="sm" fw={600} id={`${id}-live`}>
          {t('curation.preview.live')}
        </Text>
        <div aria-labelledby={`${id}-live`} role="region" style={{ whiteSpace: 'pre-wrap' }}>
          {text || t('curation.preview.empty')}
        </div>
        <Text size="sm" fw={600} id={`${id}-saved`}>
          {t('curation.preview.saved')}
        </Text>
        {savedHtml ? (
          <div
            className="markdown-body"
            role="region"
            aria-labelledby={`${id}-saved`}
            dangerouslySetInnerHTML={{ __html: savedHtml }}
          />
        ) : (
          <Text size="sm">{t('curation.preview.notSaved')}</Text>
        )}
      </Stack>
    </details>
  );
}
