import { Fragment } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { previewBlocks } from '../forms/source-markers';

/** A citation a marker `[n]` may refer to, and the element showing it. */
export interface PreviewSource {
  number: number;
  title: string;
  targetId: string;
}

/** The live text: paragraphs, and markers as superscript references to the citations. */
function LivePreview({ text, sources }: { text: string; sources: readonly PreviewSource[] }) {
  const { t } = useTranslation();
  return (
    <>
      {previewBlocks(text).map((pieces, i) => (
        <p key={i} style={{ whiteSpace: 'pre-wrap', margin: '0 0 0.5em' }}>
          {pieces.map((piece, j) => {
            if ('text' in piece) return <Fragment key={j}>{piece.text}</Fragment>;
            const source = sources.find((s) => s.number === piece.marker);
            return (
              <sup key={j} className="source-marker">
                {source ? (
                  <a
                    href={`#${source.targetId}`}
                    aria-label={t('curation.preview.marker', {
                      number: piece.marker,
                      title: source.title,
                    })}
                  >
                    [{piece.marker}]
                  </a>
                ) : (
                  <span style={{ color: 'var(--mantine-color-red-8)' }}>
                    [{piece.marker}?]
                    <span className="visually-hidden"> {t('curation.preview.invalidMarker')}</span>
                  </span>
                )}
              </sup>
            );
          })}
        </p>
      ))}
    </>
  );
}

/**
 * The live preview builds no HTML from the Markdown (its paragraphs and source markers only);
 * the formatted rendering is the server's sanitised HTML as last saved.
 */
export function MarkdownPreview({
  id,
  text,
  savedHtml,
  sources,
}: {
  id: string;
  text: string;
  savedHtml: string;
  /** The section's citations: markers become superscript references (a synthesis only). */
  sources?: readonly PreviewSource[];
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
          {text.trim() === '' ? (
            t('curation.preview.empty')
          ) : sources ? (
            <LivePreview text={text} sources={sources} />
          ) : (
            text
          )}
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
