import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../testing/render';
import { BriefExports } from '../components/BriefExports';

/** A reader handing out chunks one at a time, when the test releases them. */
function controlledStream() {
  const pending: ((result: { done: boolean; value?: Uint8Array }) => void)[] = [];
  const queued: { done: boolean; value?: Uint8Array }[] = [];
  const read = () =>
    new Promise<{ done: boolean; value?: Uint8Array }>((resolve) => {
      const next = queued.shift();
      if (next) resolve(next);
      else pending.push(resolve);
    });
  const push = (result: { done: boolean; value?: Uint8Array }) => {
    const waiting = pending.shift();
    if (waiting) waiting(result);
    else queued.push(result);
  };
  return {
    body: { getReader: () => ({ read }) },
    chunk: (size: number) => push({ done: false, value: new Uint8Array(size) }),
    end: () => push({ done: true }),
  };
}

function response(init: {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  json?: unknown;
}) {
  const headers = new Map(
    Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    ok: (init.status ?? 200) < 400,
    status: init.status ?? 200,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    body: init.body ?? null,
    json: () => Promise.resolve(init.json),
  };
}

describe('BriefExports', () => {
  const fetchMock = jest.fn();
  const createObjectURL = jest.fn(() => 'blob:export');
  const revokeObjectURL = jest.fn();
  let clicked: { href: string; download: string }[];

  beforeEach(() => {
    fetchMock.mockReset();
    createObjectURL.mockClear();
    clicked = [];
    Object.assign(globalThis, { fetch: fetchMock });
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('offers Markdown, PDF and Word for the version shown', () => {
    renderWithApp(<BriefExports slug="energie-citoyenne" version={2} />);
    expect(screen.getByText('Télécharger la version 2')).toBeInTheDocument();
    for (const format of ['Markdown', 'PDF', 'Word']) {
      expect(screen.getByRole('button', { name: `Télécharger au format ${format}` })).toBeEnabled();
    }
  });

  it('shows the preparation, then the progress from Content-Length, then saves the file', async () => {
    const stream = controlledStream();
    let answer: (value: unknown) => void = () => undefined;
    fetchMock.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderWithApp(<BriefExports slug="energie-citoyenne" version={2} />);

    await userEvent.click(screen.getByRole('button', { name: 'Télécharger au format PDF' }));
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/briefs/energie-citoyenne/export.pdf?version=2',
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    // Before the first byte: no percentage yet.
    expect(screen.getAllByText('Préparation du document…').length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent('Préparation du document…');
    expect(screen.getByRole('button', { name: 'Télécharger au format Word' })).toBeDisabled();

    await act(async () => {
      answer(
        response({
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Length': '400',
            'Content-Disposition': 'attachment; filename="energie-citoyenne-v2.pdf"',
          },
          body: stream.body,
        }),
      );
    });
    await act(async () => stream.chunk(100));
    const progress = await screen.findByRole('progressbar', {
      name: 'Progression du téléchargement (PDF)',
    });
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '25'));
    expect(screen.getByText('Téléchargement : 25 %', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Téléchargement : 25 %');

    await act(async () => stream.chunk(200));
    await waitFor(() =>
      expect(screen.getByText('Téléchargement : 75 %', { selector: 'p' })).toBeInTheDocument(),
    );

    await act(async () => {
      stream.chunk(100);
      stream.end();
    });
    await waitFor(() =>
      expect(
        screen.getByText('Document PDF téléchargé : energie-citoyenne-v2.pdf', { selector: 'p' }),
      ).toBeInTheDocument(),
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Document PDF téléchargé : energie-citoyenne-v2.pdf',
    );
    expect(clicked).toEqual([{ href: 'blob:export', download: 'energie-citoyenne-v2.pdf' }]);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    expect(blob.size).toBe(400);
    expect(blob.type).toBe('application/pdf');
    expect(screen.getByRole('button', { name: 'Télécharger au format PDF' })).toBeEnabled();
  });

  it('shows the received size when the length is unknown', async () => {
    const stream = controlledStream();
    fetchMock.mockResolvedValue(
      response({ headers: { 'Content-Type': 'text/markdown' }, body: stream.body }),
    );
    renderWithApp(<BriefExports slug="energie-citoyenne" version={1} />);
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger au format Markdown' }));
    await act(async () => stream.chunk(3000));
    expect(await screen.findByText('Téléchargement : 3 Ko reçus')).toBeInTheDocument();
    await act(async () => stream.end());
    // No Content-Disposition: the name follows the same rule as the server's.
    await waitFor(() =>
      expect(clicked).toEqual([{ href: 'blob:export', download: 'energie-citoyenne-v1.md' }]),
    );
  });

  it('shows the server’s message when it refuses', async () => {
    fetchMock.mockResolvedValue(
      response({
        status: 404,
        json: {
          error: {
            code: 'NOT_FOUND',
            reason: 'BRIEF_VERSION_NOT_FOUND',
            message:
              "Cette version de la contribution n'existe pas : choisissez une version publiée.",
          },
        },
      }),
    );
    renderWithApp(<BriefExports slug="energie-citoyenne" version={9} />);
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger au format Word' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Le téléchargement n’a pas abouti');
    expect(alert).toHaveTextContent(
      "Cette version de la contribution n'existe pas : choisissez une version publiée.",
    );
    expect(clicked).toEqual([]);
  });

  it('says the download failed when the network does, in English too', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    renderWithApp(<BriefExports slug="energie-citoyenne" version={1} />, { language: 'en' });
    await userEvent.click(screen.getByRole('button', { name: 'Download as PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The document could not be downloaded. Check your connection and try again.',
    );
  });
});
