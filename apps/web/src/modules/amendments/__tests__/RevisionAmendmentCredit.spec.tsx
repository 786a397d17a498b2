import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { RevisionAmendmentCredit } from '../components/RevisionAmendmentCredit';
import { PROPOSAL_AMENDMENTS_QUERY } from '../graphql/amendments.documents';
import { amendment, proposalId } from './fixtures';

const answer = {
  request: { query: PROPOSAL_AMENDMENTS_QUERY, variables: { id: proposalId } },
  result: {
    data: {
      proposal: {
        __typename: 'Proposal',
        id: proposalId,
        version: 3,
        title: 'Titre',
        summary: 'Résumé',
        body: 'Texte',
        status: 'PUBLISHED',
        author: { __typename: 'Participant', id: 'author' },
        amendmentsOpen: false,
        viewerCanAmend: false,
        pendingAmendmentsCount: 0,
        amendments: [
          amendment({ id: 'a2', status: 'REJECTED', appliedVersion: null }),
          amendment({ id: 'a1', status: 'ACCEPTED', appliedVersion: 2 }),
        ],
      },
    },
  },
  maxUsageCount: 2,
};

describe('RevisionAmendmentCredit', () => {
  it('credits the amendment’s author and the editor who accepted it on the revision it became', async () => {
    renderWithApp(
      <p>
        Version 2 · par Louise
        <RevisionAmendmentCredit proposalId={proposalId} version={2} editorName="Louise" />
      </p>,
      { mocks: [answer] },
    );
    expect(
      await screen.findByText(
        'Version 2 · par Louise · applique l’amendement de Aïcha Benali, accepté par Louise',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing on a revision that applies no amendment', async () => {
    renderWithApp(
      <>
        <p>
          Version 3
          <RevisionAmendmentCredit proposalId={proposalId} version={3} editorName="Louise" />
        </p>
        <p>
          Version 2
          <RevisionAmendmentCredit proposalId={proposalId} version={2} editorName="Louise" />
        </p>
      </>,
      { mocks: [answer] },
    );
    // Once the amendments are known (version 2 is credited), version 3 stays as it was.
    expect(await screen.findByText(/^Version 2 · applique/)).toBeInTheDocument();
    expect(screen.getByText(/^Version 3/).textContent).toBe('Version 3');
  });
});
