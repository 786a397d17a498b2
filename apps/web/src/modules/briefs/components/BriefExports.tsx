import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const EXPORT_FORMATS = ['md', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The download address of version `version` of a brief (numbered: cacheable, never changes). */
export const briefExportUrl = (slug: string, version: number, format: ExportFormat) =>
  `/api/briefs/${encodeURIComponent(slug)}/export.${format}?version=${version}`;

type DownloadState =
  | { phase: 'idle' }
  | { phase: 'preparing'; format: ExportFormat }
  | { phase: 'receiving'; format: ExportFormat; received: number; total: number | null }
  | { phase: 'done'; format: ExportFormat; fileName: string }
  | { phase: 'failed'; format: ExportFormat; message: string };

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/** Hands the bytes to the browser as a file download. */
function saveFile(parts: BlobPart[], type: string, fileName: string) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before releasing the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Download buttons for a published version (Markdown, PDF, Word). The file is fetched with a
 * streamed reader so the page stays usable and shows its progress (from Content-Length), then
 * saved through an object URL; the server's message is shown if it refuses.
 */
export function BriefExports({ slug, version }: { slug: string; version: number }) {
  const { t } = useTranslation();
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const busy = state.phase === 'preparing' || state.phase === 'receiving';
  const labelOf = (format: ExportFormat) => t(`briefs.exports.formats.${format}`);

  async function download(format: ExportFormat) {
    const controller = new AbortController();
    abort.current = controller;
    const name = labelOf(format);
    setState({ phase: 'preparing', format });
    setAnnouncement(t('briefs.exports.preparing'));
    try {
      const response = await fetch(briefExportUrl(slug, version, format), {
        signal: controller.signal,
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        throw new Error(body?.error?.message || t('briefs.exports.failed'));
      }
      const length = Number(response.headers.get('Content-Length'));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      const fileName = fileNameOf(
        response.headers.get('Content-Disposition'),
        `${slug}-v${version}.${format}`,
      );
      const parts: BlobPart[] = [];
      let received = 0;
      let announcedQuarter = 0;
      setState({ phase: 'receiving', format, received, total });
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(value as Uint8Array<ArrayBuffer>);
          received += value.byteLength;
          setState({ phase: 'receiving', format, received, total });
          // Screen readers hear every quarter, not every chunk.
          const quarter = total ? Math.floor((received / total) * 4) : 0;
          if (total && quarter > announcedQuarter && quarter < 4) {
            announcedQuarter = quarter;
            setAnnouncement(t('briefs.exports.progress', { percent: quarter * 25 }));
          }
        }
      } else {
        parts.push(await response.blob());
      }
      saveFile(parts, response.headers.get('Content-Type') ?? 'application/octet-stream', fileName);
      setState({ phase: 'done', format, fileName });
      setAnnouncement(t('briefs.exports.done', { format: name, file: fileName }));
    } catch (error) {
      if (controller.signal.aborted) return;
      const message =
        error instanceof Error && !(error instanceof TypeError)
          ? error.message
          : t('briefs.exports.failed');
      setState({ phase: 'failed', format, message });
      setAnnouncement('');
    }
  }

  const percent =
    state.phase === 'receiving' && state.total
      ? Math.min(100, Math.round((state.received / state.total) * 100))
      : null;

  return (
    <Stack gap="xs" component="section" aria-labelledby="brief-exports">
      <Text fw={700} size="sm" id="brief-exports">
        {t('briefs.exports.title', { number: version })}
      </Text>
      <Group gap="xs">
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            size="xs"
            variant="light"
            onClick={() => void download(format)}
            disabled={busy}
            loading={busy && state.format === format}
            aria-label={t('briefs.exports.download', { format: labelOf(format) })}
          >
            {labelOf(format)}
          </Button>
        ))}
      </Group>
      {state.phase === 'preparing' && (
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('briefs.exports.preparing')}</Text>
        </Group>
      )}
      {state.phase === 'receiving' && (
        <Stack gap={4}>
          <Progress
            value={percent ?? 100}
            animated={percent === null}
            striped={percent === null}
            aria-label={t('briefs.exports.progressLabel', { format: labelOf(state.format) })}
          />
          <Text size="sm">
            {percent === null
              ? t('briefs.exports.receivedKb', { size: Math.ceil(state.received / 1024) })
              : t('briefs.exports.progress', { percent })}
          </Text>
        </Stack>
      )}
      {state.phase === 'done' && (
        <Text size="sm" c="gray.7">
          {t('briefs.exports.done', { format: labelOf(state.format), file: state.fileName })}
        </Text>
      )}
      {state.phase === 'failed' && (
        <Alert color="red" role="alert" title={t('briefs.exports.failedTitle')}>
          {state.message}
        </Alert>
      )}
      <VisuallyHidden aria-live="polite" role="status">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}
