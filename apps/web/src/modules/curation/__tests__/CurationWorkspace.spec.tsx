import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { Brief, CommentNode } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { PROPOSAL_COMMENTS_QUERY } from '../../comments/graphql/comments.documents';
import { BriefEditor } from '../components/BriefEditor';
import { initialCandidateFilters, toCandidateVariables } from '../forms/candidate-filters';
import { brief, candidate, candidatesMock, firstCandidates, themesMock, uuid } from './fixtures';

/** The fixture brief, its first section's synthesis citing both of its sources. */
function sourcedBrief(synthesis = 'Un fonds régional [1].\n\nDes garanties publiques [2].'): Brief {
  const base = brief();
  const [first, ...rest] = base.sections;
  if (!first) throw new Error('fixture has sections');
  return { ...base, sections: [{ ...first, synthesis }, ...rest] };
}

const synthesisField = () => {
  const field = screen.getAllByRole('textbox', { name: /^Synthèse/ })[0];
  if (!field) throw new Error('no synthesis');
  return field as HTMLTextAreaElement;
};

const SCIC = candidate(5, 'Une SCIC d’énergie citoyenne', { broadSupport: true, commentsCount: 2 });
const EAU = candidate(6, 'Une tarification sociale de l’eau');

function comment(n: number, body: string, overrides: Partial<CommentNode> = {}): CommentNode {
  return {
    __typename: 'Comment',
    id: uuid(300 + n),
    proposalId: SCIC.id,
    parentId: null,
    body,
    bodyHtml: `<p>${body}</p>`,
    stance: 'FOR',
    author: {
      __typename: 'Participant',
      id: uuid(80 + n),
      displayName: 'Camille',
      actorType: 'ASSOCIATION',
      deleted: false,
    },
    isHidden: false,
    isDeleted: false,
    isEdited: false,
    upvotes: 0,
    hasMyUpvote: false,
    canEdit: false,
    createdAt: '2026-11-20T10:00:00.000Z',
    editedAt: null,
    replies: [],
    ...overrides,
  };
}

const commentsMock: MockLink.MockedResponse = {
  request: { query: PROPOSAL_COMMENTS_QUERY, variables: { id: SCIC.id } },
  result: {
    data: {
      proposal: {
        __typename: 'Proposal',
        id: SCIC.id,
        commentsCount: 2,
        consultation: { __typename: 'Consultation', id: uuid(50), openPhases: ['VOTING'] },
        comments: {
          __typename: 'CommentConnection',
          edges: [
            {
              __typename: 'CommentEdge',
              cursor: 'k1',
              node: comment(1, 'Notre SCIC finance trois toits solaires.', {
                replies: [
                  comment(2, 'Et la commune est sociétaire.', {
                    parentId: uuid(301),
                    author: {
                      __typename: 'Participant',
                      id: uuid(90),
                      displayName: 'Lou',
                      actorType: 'LOCAL_AUTHORITY',
                      deleted: false,
                    },
                  }),
                ],
              }),
            },
          ],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          totalCount: 2,
        },
      },
    },
  },
};

// The whole editor renders in each test: slow machines need more than the default time.
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

describe('curators’ workspace: source markers', () => {
  it('inserts the citation’s marker at the synthesis cursor', async () => {
    const user = userEvent.setup();
    renderWithApp(<BriefEditor brief={sourcedBrief('Un fonds régional.')} />, {
      mocks: [firstCandidates(), themesMock],
    });
    const synthesis = synthesisField();
    await user.click(synthesis);
    synthesis.setSelectionRange(17, 17);
    await user.click(screen.getByRole('button', { name: /^Insérer le renvoi \[2\]/ }));
    expect(synthesisField()).toHaveValue('Un fonds régional [2].');
    await waitFor(() => expect(synthesisField()).toHaveFocus());
  });

  it('renumbers the markers when citations are reordered or removed', async () => {
    const user = userEvent.setup();
    renderWithApp(<BriefEditor brief={sourcedBrief()} />, {
      mocks: [firstCandidates(), themesMock],
    });
    await user.click(
      screen.getByRole('button', { name: 'Descendre la citation « Un fonds régional »' }),
    );
    expect(synthesisField()).toHaveValue('Un fonds régional [2].\n\nDes garanties publiques [1].');
    await user.click(
      screen.getByRole('button', { name: 'Retirer la citation « Des garanties publiques »' }),
    );
    expect(synthesisField()).toHaveValue('Un fonds régional [1].\n\nDes garanties publiques.');
    expect(screen.getByText('Le paragraphe 2 n’a pas de source.')).toBeInTheDocument();
  });

  it('warns live about unsourced paragraphs and markers naming no source', async () => {
    const user = userEvent.setup();
    renderWithApp(<BriefEditor brief={sourcedBrief()} />, {
      mocks: [firstCandidates(), themesMock],
    });
    expect(screen.getByText('Chaque paragraphe renvoie à ses sources.')).toBeInTheDocument();
    const synthesis = synthesisField();
    await user.click(synthesis);
    await user.keyboard('{Control>}{End}{/Control}');
    await user.paste('\n\nUn PTCE [3].\n\nSans source.');
    const first = screen.getByRole('group', { name: 'Section 1 : Financer' });
    const checklist = within(first).getByText(
      /points? à corriger avant la relecture/,
    ).parentElement;
    if (!checklist) throw new Error('no checklist');
    expect(
      within(checklist)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Le renvoi [3] ne correspond à aucune source (cette section en cite 2).',
      'Le paragraphe 4 n’a pas de source.',
    ]);
  });
});

describe('curators’ workspace: candidate search', () => {
  it('sends the broad-support filter and cites a candidate in the chosen section', async () => {
    const user = userEvent.setup();
    const broad = toCandidateVariables({
      ...initialCandidateFilters(uuid(50)),
      isBroadSupportOnly: true,
    });
    renderWithApp(<BriefEditor brief={sourcedBrief()} />, {
      mocks: [firstCandidates([EAU, SCIC]), candidatesMock(broad, [SCIC]), themesMock],
    });
    expect(await screen.findByText('2 propositions trouvées')).toBeInTheDocument();

    await user.click(screen.getByText('Filtres'));
    await user.click(screen.getByRole('switch', { name: /^Large soutien entre collèges/ }));
    expect(await screen.findByText('1 proposition trouvée')).toBeInTheDocument();
    expect(screen.getByText('Filtres (1 actif)')).toBeInTheDocument();
    const results = screen.getByRole('list', { name: '1 proposition trouvée' });
    expect(within(results).getByText('Une SCIC d’énergie citoyenne')).toBeInTheDocument();
    expect(within(results).queryByText('Une tarification sociale de l’eau')).toBeNull();

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Citer dans' }),
      'Section 2 : Former',
    );
    await user.click(
      screen.getByRole('button', {
        name: 'Citer « Une SCIC d’énergie citoyenne » dans la section 2 « Former »',
      }),
    );
    const second = screen.getByRole('group', { name: 'Section 2 : Former' });
    expect(
      within(second).getByRole('link', { name: 'Une SCIC d’énergie citoyenne' }),
    ).toBeVisible();
    expect(screen.getByText(/est citée dans la section 2 comme source \[1\]/)).toBeInTheDocument();
    expect(within(results).getByText('Dans cette contribution : section 2')).toBeInTheDocument();
  });

  it('loads more candidates after the last cursor', async () => {
    const user = userEvent.setup();
    const first = toCandidateVariables(initialCandidateFilters(uuid(50)));
    renderWithApp(<BriefEditor brief={sourcedBrief()} />, {
      mocks: [
        candidatesMock(first, [EAU], { hasNextPage: true, endCursor: 'c1' }, 2),
        candidatesMock(
          { ...first, after: 'c1' },
          [SCIC],
          { hasNextPage: false, endCursor: 'c2' },
          2,
        ),
        themesMock,
      ],
    });
    await user.click(
      await screen.findByRole('button', { name: 'Afficher plus de propositions (1 sur 2)' }),
    );
    const results = await screen.findByRole('list', { name: '2 propositions trouvées' });
    await waitFor(() => expect(within(results).getAllByRole('link')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: /Afficher plus/ })).toBeNull();
  });

  it('cites a comment of a candidate, shown with its author’s collège and checked quote', async () => {
    const user = userEvent.setup();
    renderWithApp(<BriefEditor brief={sourcedBrief()} />, {
      mocks: [firstCandidates([SCIC]), themesMock, commentsMock],
    });
    await user.click(
      await screen.findByRole('button', {
        name: 'Commentaires (2) de « Une SCIC d’énergie citoyenne »',
      }),
    );
    await user.click(
      await screen.findByRole('button', {
        name: 'Citer ce commentaire de Lou dans la section 1 « Financer »',
      }),
    );
    const first = screen.getByRole('group', { name: 'Section 1 : Financer' });
    const citation = within(first).getByText('Commentaire de Lou').closest('li');
    if (!citation) throw new Error('no citation');
    expect(citation).toHaveTextContent('Collège : Collectivité territoriale');
    expect(citation).toHaveTextContent('Sur la proposition « Une SCIC d’énergie citoyenne »');
    expect(citation).toHaveTextContent('Et la commune est sociétaire.');
    expect(within(citation).getByRole('link', { name: 'Voir le commentaire' })).toHaveAttribute(
      'href',
      `/propositions/${SCIC.id}#commentaire-${uuid(302)}`,
    );
    const quote = within(citation).getByRole('textbox', { name: /^Extrait cité/ });
    expect(quote).toHaveAccessibleDescription(/mot pour mot du commentaire/);
    await user.click(quote);
    await user.paste('la commune est associée');
    expect(quote).toHaveAccessibleDescription(/ne figure pas tel quel dans le commentaire/);
    await user.clear(quote);
    await user.paste('la commune est sociétaire');
    expect(quote).not.toHaveAccessibleDescription(/ne figure pas/);
    // The button of the cited comment is now disabled.
    expect(screen.getAllByRole('button', { name: 'Déjà citée ici' })).toHaveLength(1);
  });
});
