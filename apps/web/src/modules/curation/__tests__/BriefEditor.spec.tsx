import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { BriefEditor } from '../components/BriefEditor';
import { CurationRoutes } from '../components/CurationRoutes';
import { toUpdateBriefInput, briefToForm } from '../forms/brief-form';
import { BRIEF_DRAFT_QUERY, UPDATE_BRIEF_MUTATION } from '../graphql/curation.documents';
import { brief, firstCandidates, themesMock, uuid } from './fixtures';

/** The picker's queries at mount: its first search and the themes. */
const pickerMocks = () => [firstCandidates(), themesMock];

/** The item at `index`; fails the test when missing. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

/** The error message Mantine links to a field with aria-describedby. */
function describedErrors(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .filter((id) => id.endsWith('-error'))
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The input the editor sends once the first section's synthesis is `synthesis`. */
function inputWithSynthesis(synthesis: string) {
  const form = briefToForm(brief());
  const [first, ...rest] = form.sections;
  if (!first) throw new Error('fixture has sections');
  return toUpdateBriefInput(uuid(1), 3, { ...form, sections: [{ ...first, synthesis }, ...rest] });
}

describe('BriefEditor', () => {
  it('keeps everything typed after a stale save and replaces it only when reload is clicked', async () => {
    const user = userEvent.setup();
    const typed = 'Synthèse A, complétée par moi';
    const newer = brief({
      revision: 4,
      sections: [{ ...at(brief().sections, 0), synthesis: 'Version de Dominique' }],
      updatedBy: {
        __typename: 'Participant',
        id: uuid(4),
        displayName: 'Dominique',
        actorType: 'SME',
      },
    });
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: UPDATE_BRIEF_MUTATION, variables: { input: inputWithSynthesis(typed) } },
        result: {
          errors: [
            new GraphQLError('La contribution a été modifiée entre-temps.', {
              extensions: { code: 'CONFLICT', reason: 'BRIEF_STALE' },
            }),
          ],
        },
      },
      {
        request: { query: BRIEF_DRAFT_QUERY, variables: { id: uuid(1) } },
        result: { data: { briefDraft: newer } },
      },
    ];
    renderWithApp(<BriefEditor brief={brief()} />, { mocks: [...mocks, ...pickerMocks()] });

    const synthesis = at(screen.getAllByRole('textbox', { name: /^Synthèse/ }), 0);
    await user.click(synthesis);
    await user.keyboard('{End}');
    await user.paste(', complétée par moi');
    expect(synthesis).toHaveValue(typed);
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('La contribution a été modifiée entre-temps.');
    // The typed text is still there.
    expect(screen.getAllByRole('textbox', { name: /^Synthèse/ })[0]).toHaveValue(typed);

    await user.click(within(alert).getByRole('button', { name: 'Recharger la dernière version' }));
    await waitFor(() =>
      expect(screen.getAllByRole('textbox', { name: /^Synthèse/ })[0]).toHaveValue(
        'Version de Dominique',
      ),
    );
    expect(screen.getByText(/Révision 4, enregistrée par Dominique/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a quote error next to the quote it is about', async () => {
    const user = userEvent.setup();
    const mocks: MockLink.MockedResponse[] = [
      {
        request: {
          query: UPDATE_BRIEF_MUTATION,
          variables: { input: inputWithSynthesis('Synthèse A') },
        },
        result: {
          errors: [
            new GraphQLError('Données invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'QUOTE_NOT_IN_SOURCE',
                fields: [
                  {
                    field: 'sections.0.citations.1.quote',
                    rule: 'quote',
                    message: 'Cet extrait ne figure pas dans la source.',
                  },
                ],
              },
            }),
          ],
        },
      },
    ];
    renderWithApp(<BriefEditor brief={brief()} />, { mocks: [...mocks, ...pickerMocks()] });
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const quotes = screen.getAllByRole('textbox', { name: /^Extrait cité/ });
    await waitFor(() =>
      expect(describedErrors(at(quotes, 1))).toBe('Cet extrait ne figure pas dans la source.'),
    );
    expect(describedErrors(at(quotes, 0))).toBe('');
    expect(quotes[1]).toHaveFocus();
  });

  it('shows an invalid source next to its citation and an error with no field in the summary', async () => {
    const user = userEvent.setup();
    const mocks: MockLink.MockedResponse[] = [
      {
        request: {
          query: UPDATE_BRIEF_MUTATION,
          variables: { input: inputWithSynthesis('Synthèse A') },
        },
        result: {
          errors: [
            new GraphQLError('Données invalides.', {
              extensions: {
                code: 'BAD_USER_INPUT',
                reason: 'CITATION_SOURCE_INVALID',
                fields: [
                  {
                    field: 'sections.0.citations.0.proposalId',
                    rule: 'source',
                    message: 'Cette proposition n’est plus visible.',
                  },
                  {
                    field: 'consultationIds',
                    rule: 'max',
                    message: 'Trop de consultations.',
                  },
                ],
              },
            }),
          ],
        },
      },
    ];
    renderWithApp(<BriefEditor brief={brief()} />, { mocks: [...mocks, ...pickerMocks()] });
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const source = await screen.findByText('Cette proposition n’est plus visible.');
    await waitFor(() => expect(source).toHaveFocus());
    const citation = source.closest('li');
    expect(citation).toHaveTextContent('Un fonds régional');
    expect(screen.getByRole('alert')).toHaveTextContent(
      /2 champs sont à corriger.*Trop de consultations\./,
    );
  });

  it('marks a proposal already cited in another brief', () => {
    renderWithApp(<BriefEditor brief={brief()} />, { mocks: pickerMocks() });
    expect(screen.getByText('Déjà citée dans : « Autre contribution »')).toBeInTheDocument();
  });

  it('moves a section with the keyboard-accessible buttons', async () => {
    const user = userEvent.setup();
    renderWithApp(<BriefEditor brief={brief()} />, { mocks: pickerMocks() });
    await user.click(screen.getByRole('button', { name: 'Monter la section 2' }));
    const titles = screen.getAllByRole('textbox', { name: /^Titre de la section/ });
    expect(titles.map((t) => (t as HTMLInputElement).value)).toEqual(['Former', 'Financer']);
    expect(screen.getByText('Modifications non enregistrées.')).toBeInTheDocument();
  });
});

describe('CurationRoutes', () => {
  it('tells a participant the workspace is for the curation team', async () => {
    const me: MockLink.MockedResponse = {
      request: { query: ME_QUERY },
      result: {
        data: {
          me: {
            __typename: 'User',
            id: uuid(1),
            email: 'camille@example.org',
            displayName: 'Camille',
            role: 'PARTICIPANT',
            actorType: 'CITIZEN',
            territory: null,
          },
        },
      },
    };
    renderWithApp(<CurationRoutes />, { mocks: [me], route: '/curation' });
    expect(await screen.findByRole('alert')).toHaveTextContent(/réservé à l’équipe de curation/);
  });
});
