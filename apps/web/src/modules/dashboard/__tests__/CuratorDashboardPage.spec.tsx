import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../testing/render';
import { CurationRoutes } from '../../curation/components/CurationRoutes';
import { consultationsMock, curatorMock, meMock, publicMock } from './fixtures';

function renderAt(role: 'CURATOR' | 'PARTICIPANT') {
  return renderWithApp(
    <Routes>
      <Route path="curation/*" element={<CurationRoutes />} />
    </Routes>,
    {
      // The public dashboard's answer is there too: the page must not use it.
      mocks: [meMock(role), consultationsMock, curatorMock(), publicMock()],
      route: '/curation/tableau-de-bord',
    },
  );
}

describe('CuratorDashboardPage', () => {
  it('asks curatorDashboard and shows the exact figures, with no hidden cell', async () => {
    const user = userEvent.setup();
    renderAt('CURATOR');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tableau de bord : chiffres exacts' }),
    ).toBeInTheDocument();
    await screen.findByRole('region', { name: 'En chiffres' });
    expect(screen.queryByText(/moins de 5 participants/)).not.toBeInTheDocument();
    expect(screen.queryByText(/sont masqués/)).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Par thème' })).getAllByTestId('bar-row')[1],
    ).toHaveTextContent('Mobilité : 2 participants');
    const map = screen.getByRole('group', { name: 'Carte des départements : Participants' });
    expect(map.querySelector('[data-code="2A"]')).toHaveAccessibleName(
      'Corse-du-Sud (2A) : 2 participants, 0 proposition, 2 votes, 1 commentaire',
    );
    await user.click(
      screen.getByRole('button', { name: 'Voir le tableau : Participation par collège' }),
    );
    const table = screen.getByRole('table', { name: 'Participation par collège' });
    expect(within(table).getByRole('row', { name: /PTCE/ })).toHaveTextContent('4121');
    expect(screen.getByRole('link', { name: 'Voir la version publique' })).toHaveAttribute(
      'href',
      '/tableau-de-bord',
    );
  });

  it('refuses the page to a participant', async () => {
    renderAt('PARTICIPANT');
    expect(
      await screen.findByText(/Cet espace est réservé à l’équipe de curation/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'En chiffres' })).not.toBeInTheDocument();
  });
});
