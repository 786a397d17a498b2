import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  buildSchema,
  executeSync,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  GraphQLError,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  validate,
} from 'graphql';
import { Route, Routes } from 'react-router';
import type { MockLink } from '@apollo/client/testing';
import { createCache } from '../../../app/providers/apollo';
import { renderWithApp } from '../../../testing/render';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import { ProposalPage } from '../components/ProposalPage';
import { PROPOSAL_PAGE_QUERY } from '../graphql/proposal-page.documents';
import {
  PROPOSAL_DRAFT_QUERY,
  PROPOSAL_HISTORY_QUERY,
  PUBLISH_PROPOSAL_MUTATION,
  SUBMIT_PROPOSAL_MUTATION,
} from '../graphql/proposals.documents';

const schema = buildSchema(
  readFileSync(path.join(__dirname, '../../../../../api/schema.graphql'), 'utf8'),
);
const cache = createCache();

/** What a test leaves out: null when nullable, else an empty list, 0, false, a first value. */
function blank(type: GraphQLOutputType): unknown {
  if (!isNonNullType(type)) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]?.value;
  if (isObjectType(inner)) return {};
  if (isScalarType(inner)) {
    const scalars: Record<string, unknown> = {
      ID: 'blank-id',
      String: 'texte',
      Int: 0,
      Float: 0,
      Boolean: false,
      DateTime: '2026-11-20T10:00:00.000Z',
    };
    return scalars[inner.name];
  }
  throw new Error(`no blank for ${String(inner)}`);
}

const givenOrBlank: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  const given = (source as Record<string, unknown>)[info.fieldName];
  return given === undefined ? blank(info.returnType) : given;
};

/** The API's answer to `document` (with the __typename fields the cache adds), from `root`. */
function answer(document: DocumentNode, variables: Record<string, unknown>, root: object) {
  const result = executeSync({
    schema,
    document: cache.transformDocument(document),
    variableValues: variables,
    rootValue: root,
    fieldResolver: givenOrBlank,
  });
  if (result.errors) throw result.errors[0];
  return result.data;
}

const id = '00000000-0000-4000-8000-000000000042';
const authorId = '00000000-0000-4000-8000-000000000001';

const draft = {
  id,
  title: 'Des composteurs partagés dans chaque quartier',
  summary: 'Un composteur par quartier, entretenu par une association.',
  body: 'Le détail de la proposition.',
  status: 'DRAFT',
  publishedAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  competentLevel: 'COMMUNE',
  lever: 'BUDGET',
  territory: { id: 'COMMUNE-69123', level: 'COMMUNE', code: '69123', name: 'Lyon', parent: null },
  author: { id: authorId, displayName: 'Camille', actorType: 'CITIZEN', deleted: false },
  consultation: {
    id: 'c1',
    slug: 'grande-consultation',
    title: 'Grande consultation',
    openPhases: ['PROPOSING', 'VOTING'],
  },
  version: 1,
  canEdit: true,
  viewerCanPublish: true,
  awaitingReview: false,
};
type ProposalFields = Partial<Record<keyof typeof draft, unknown>>;

const me: MockLink.MockedResponse = {
  request: { query: ME_QUERY },
  result: {
    data: answer(
      ME_QUERY,
      {},
      {
        me: { id: authorId, displayName: 'Camille', role: 'PARTICIPANT', actorType: 'CITIZEN' },
      },
    ),
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const page = (fields: ProposalFields = {}): MockLink.MockedResponse => ({
  request: { query: PROPOSAL_PAGE_QUERY, variables: { id } },
  result: { data: answer(PROPOSAL_PAGE_QUERY, { id }, { proposal: { ...draft, ...fields } }) },
});

const publishInput = { input: { proposalId: id } };
const published = (fields: ProposalFields): MockLink.MockedResponse => ({
  request: { query: PUBLISH_PROPOSAL_MUTATION, variables: publishInput },
  result: {
    data: answer(PUBLISH_PROPOSAL_MUTATION, publishInput, {
      publishProposal: {
        ...draft,
        status: 'PUBLISHED',
        publishedAt: '2026-11-27T09:00:00.000Z',
        updatedAt: '2026-11-27T09:00:00.000Z',
        viewerCanPublish: false,
        ...fields,
      },
    }),
  },
});

/** The status history the page asks again once the draft is published. */
const history: MockLink.MockedResponse = {
  request: { query: PROPOSAL_HISTORY_QUERY, variables: { id } },
  result: { data: answer(PROPOSAL_HISTORY_QUERY, { id }, { proposal: draft }) },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function renderPage(mocks: MockLink.MockedResponse[]) {
  return renderWithApp(
    <Routes>
      <Route path="/propositions/:id" element={<ProposalPage />} />
    </Routes>,
    { mocks: [me, ...mocks], route: `/propositions/${id}` },
  );
}

const title = () => screen.findByRole('heading', { level: 1, name: draft.title });
const draftNotice = () => screen.queryByRole('note', { name: /^Brouillon/ });
const publishButton = () => screen.queryByRole('button', { name: 'Publier la proposition' });
/** The vote panel's heading. */
const votes = () => screen.queryByRole('heading', { name: 'Avis des participants' });

const comments = () => screen.queryByRole('heading', { name: /^\d+ commentaires?$/ });

/** The role="status" region a text is announced in, if it is in one. */
const statusOf = (text: HTMLElement) => text.closest('[role="status"]');

describe('the draft documents', () => {
  it('ask the API only for fields and arguments its schema has', () => {
    expect(validate(schema, PROPOSAL_DRAFT_QUERY)).toEqual([]);
    expect(validate(schema, PUBLISH_PROPOSAL_MUTATION)).toEqual([]);
    // The input's fields are checked when the variables are read: asDraft must be one of them.
    const variables = {
      input: {
        consultationId: 'c1',
        title: draft.title,
        summary: draft.summary,
        body: draft.body,
        themeIds: ['t1'],
        territoryId: 'COMMUNE-69123',
        competentLevel: 'COMMUNE',
        lever: 'BUDGET',
        asDraft: true,
      },
    };
    expect(() =>
      answer(SUBMIT_PROPOSAL_MUTATION, variables, { submitProposal: draft }),
    ).not.toThrow();
    expect(() =>
      answer(SUBMIT_PROPOSAL_MUTATION, { input: { ...variables.input, asDraftt: true } }, {}),
    ).toThrow(/asDraftt/);
  });
});

describe('a draft on the proposal page', () => {
  it('tells its author it is not published and offers to publish it', async () => {
    renderPage([page()]);
    await title();
    const notice = draftNotice();
    expect(notice).toHaveTextContent('Brouillon : cette proposition n’est pas publiée.');
    expect(notice).toHaveTextContent(
      'Seuls vous et les personnes invitées à la co-écrire la voient.',
    );
    expect(
      within(notice as HTMLElement).getByRole('button', { name: 'Publier la proposition' }),
    ).toBeEnabled();
    expect(screen.getByText('Brouillon', { selector: '.mantine-Badge-label' })).toBeVisible();
  });

  it('shows no publish button to a co-author, only the notice', async () => {
    renderPage([page({ viewerCanPublish: false })]);
    await title();
    expect(draftNotice()).toHaveTextContent(
      'Seuls son auteur ou son autrice et les personnes invitées à la co-écrire la voient',
    );
    expect(publishButton()).not.toBeInTheDocument();
  });

  it('shows neither the vote panel, nor share, follow or comments, and no publication date', async () => {
    renderPage([page()]);
    await title();
    expect(votes()).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copier le lien' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Suivre/ })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Se connecter pour suivre' }),
    ).not.toBeInTheDocument();
    expect(comments()).not.toBeInTheDocument();
    // Dated by its creation: it has never been published.
    expect(screen.queryByText('Publiée le')).not.toBeInTheDocument();
    expect(screen.getByText('Créée le')).toBeInTheDocument();
  });

  it('shows the vote panel and no draft notice once published', async () => {
    renderPage([
      page({
        status: 'PUBLISHED',
        publishedAt: '2026-11-21T10:00:00.000Z',
        viewerCanPublish: false,
      }),
    ]);
    await title();
    expect(votes()).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copier le lien' })).toBeInTheDocument();
    // Once the signed-in user is known.
    expect(await screen.findByRole('button', { name: /^Suivre/ })).toBeInTheDocument();
    expect(comments()).toBeInTheDocument();
    expect(screen.getByText('Publiée le')).toBeInTheDocument();
    expect(draftNotice()).not.toBeInTheDocument();
    expect(publishButton()).not.toBeInTheDocument();
  });

  it('publishes it: the page shows it published and announces it', async () => {
    const user = userEvent.setup();
    renderPage([page(), published({}), history]);
    await title();
    expect(votes()).not.toBeInTheDocument();
    await user.click(publishButton() as HTMLElement);

    const done = await screen.findByText('La proposition est publiée.');
    expect(statusOf(done)).not.toBeNull();
    await waitFor(() => expect(draftNotice()).not.toBeInTheDocument());
    // The page renders its new state in a deferred pass.
    expect(await screen.findByText('Publiée', { selector: '.mantine-Badge-label' })).toBeVisible();
    expect(screen.getByText('Publiée le')).toBeInTheDocument();
    expect(votes()).toBeInTheDocument();
    // The button is gone: the focus is on the proposal's title, not lost.
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });

  it('announces that pre-moderation holds it when the answer says so', async () => {
    const user = userEvent.setup();
    renderPage([page(), published({ awaitingReview: true }), history]);
    await title();
    await user.click(publishButton() as HTMLElement);

    await waitFor(() => expect(draftNotice()).not.toBeInTheDocument());
    const held = screen.getAllByText(/sera publiée dès qu’un membre de l’équipe de modération/);
    expect(held.some((text) => statusOf(text) !== null)).toBe(true);
    expect(await screen.findByText('En attente de validation par la modération')).toBeVisible();
    expect(screen.queryByText('La proposition est publiée.')).not.toBeInTheDocument();
  });

  it("shows the API's message when publishing fails, and keeps the draft", async () => {
    const user = userEvent.setup();
    const message =
      'La phase de dépôt des propositions de cette consultation est close : elle ne peut plus être publiée.';
    renderPage([
      page(),
      {
        request: { query: PUBLISH_PROPOSAL_MUTATION, variables: publishInput },
        result: {
          errors: [
            new GraphQLError(message, {
              extensions: { code: 'FORBIDDEN', reason: 'PROPOSING_CLOSED' },
            }),
          ],
        },
      },
    ]);
    await title();
    await user.click(publishButton() as HTMLElement);

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(draftNotice()).toBeInTheDocument();
    expect(publishButton()).toBeInTheDocument();
    expect(screen.queryByText('La proposition est publiée.')).not.toBeInTheDocument();
  });
});
