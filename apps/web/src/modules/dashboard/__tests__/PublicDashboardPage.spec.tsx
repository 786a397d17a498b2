import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../testing/render';
import { PublicDashboardPage } from '../components/PublicDashboardPage';
import { CLASS_COLOURS } from '../lib/classes';
import { CONSULTATION_ID, consultationsMock, counts, dashboard, publicMock } from './fixtures';

const NNBSP = '\u202f'; // French thousands separator
/** The exact text, French spaces included (toHaveTextContent would fold them into plain spaces). */
const textOf = (element: Node | null | undefined) => element?.textContent ?? '';

function renderPage(mocks = [consultationsMock, publicMock()], route = '/tableau-de-bord') {
  return renderWithApp(<PublicDashboardPage />, { mocks, route });
}

const section = (name: string) => screen.getByRole('region', { name });

describe('PublicDashboardPage', () => {
  it('shows the totals formatted in French, and explains why small cells are hidden', async () => {
    renderPage();
    await screen.findByRole('heading', { level: 1, name: 'Tableau de bord de la participation' });
    const totals = await screen.findByRole('region', { name: 'En chiffres' });
    expect(textOf(within(totals).getByText('Participants').nextSibling)).toBe(`1${NNBSP}234`);
    expect(textOf(within(totals).getByText('Votes').nextSibling)).toBe(`4${NNBSP}321`);
    expect(
      screen.getByText(/les chiffres d’un groupe de moins de 5 participants sont masqués/),
    ).toBeInTheDocument();
  });

  it('draws the bars over time, by theme and by collège from the data', async () => {
    renderPage();
    await screen.findByRole('region', { name: 'En chiffres' });
    // Two visible weeks and one hidden for privacy.
    expect(
      within(section('Participation dans le temps')).getAllByTestId('over-time-bar'),
    ).toHaveLength(2);
    const chart = within(section('Participation dans le temps')).getByRole('group', {
      name: /^Participants par semaine \(2 nov\. 2026 – 16 nov\. 2026\)\. Maximum : 1\s200\.$/,
    });
    expect(
      within(chart).getByRole('img', { name: 'semaine du 9 nov. 2026 : moins de 5 participants' }),
    ).toBeInTheDocument();

    const themes = within(section('Par thème')).getAllByTestId('bar-row');
    expect(themes.map((row) => row.textContent)).toEqual([
      'Énergie\u00a0: 800 participants',
      'Mobilité\u00a0: moins de 5 participants',
    ]);
    const colleges = within(section('Par collège')).getAllByTestId('bar-row');
    // The collège labels of the app, in the collèges' usual order.
    expect(colleges.map((row) => row.textContent)).toEqual([
      'Citoyen ou citoyenne\u00a0: 900 participants',
      'Association\u00a0: 300 participants',
      'Pôle territorial de coopération économique (PTCE)\u00a0: moins de 5 participants',
    ]);
  });

  it('has a table alternative for each chart, with every count and the hidden cells', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('region', { name: 'En chiffres' });
    const toggle = screen.getByRole('button', {
      name: 'Voir le tableau : Participation par thème',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = screen.getByRole('table', { name: 'Participation par thème' });
    const energy = within(table).getByRole('row', { name: /Énergie/ });
    expect(
      within(energy)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['800', '30', `2${NNBSP}500`, '400']);
    expect(within(table).getByRole('row', { name: /Mobilité/ })).toHaveTextContent(
      'moins de 5 participants',
    );

    await user.click(
      screen.getByRole('button', { name: 'Voir le tableau : Participation par semaine' }),
    );
    const weeks = screen.getByRole('table', { name: 'Participation par semaine' });
    expect(within(weeks).getAllByRole('row')).toHaveLength(4);
    expect(textOf(within(weeks).getByRole('row', { name: /16 nov\. 2026/ }))).toBe(
      `semaine du 16 nov. 20261${NNBSP}200504${NNBSP}000770`,
    );

    await user.click(
      screen.getByRole('button', { name: 'Voir le tableau : Participation par département' }),
    );
    const departements = screen.getByRole('table', { name: 'Participation par département' });
    expect(textOf(within(departements).getByRole('row', { name: /Rhône \(69\)/ }))).toBe(
      `Rhône (69)500201${NNBSP}800300`,
    );
    expect(
      within(departements).getByRole('row', { name: /Corse-du-Sud \(2A\)/ }),
    ).toHaveTextContent('moins de 5 participants');
    expect(textOf(within(departements).getByRole('row', { name: /Non localisé/ }))).toBe(
      `Non localisé677282${NNBSP}392473`,
    );
  });

  it('shades the départements by class and names them with their figures', async () => {
    renderPage();
    const map = await screen.findByRole('group', { name: 'Carte des départements : Participants' });
    const rhone = within(map).getByRole('img', {
      name: 'Rhône (69) : 500 participants, 20 propositions, 1 800 votes, 300 commentaires'.replace(
        '1 800',
        `1${NNBSP}800`,
      ),
    });
    const shade = (code: string) => map.querySelector(`[data-code="${code}"]`) as SVGPathElement;
    // Four located values (500, 40, 10, 7): four classes, the largest darkest.
    expect(rhone).toHaveAttribute('data-shade', '3');
    expect(rhone).toHaveAttribute('fill', CLASS_COLOURS[4]);
    expect(shade('974')).toHaveAttribute('data-shade', '0');
    expect(shade('974')).toHaveAttribute('fill', CLASS_COLOURS[0]);
    expect(shade('2A')).toHaveAttribute('data-shade', 'suppressed');
    expect(shade('2A')).toHaveAccessibleName('Corse-du-Sud (2A) : moins de 5 participants');
    expect(shade('29')).toHaveAttribute('data-shade', 'none');
    expect(shade('29')).toHaveAccessibleName('Finistère (29) : aucune participation');
    const legend = screen.getByRole('list', { name: 'Légende : Participants' });
    expect(
      within(legend)
        .getAllByTestId('legend-class')
        .map((item) => item.textContent),
    ).toEqual(['7', '8 à 10', '11 à 40', '41 à 500']);
    expect(legend).toHaveTextContent('moins de 5 participants');
    expect(legend).toHaveTextContent('Aucune participation');
    expect(screen.getByText(/^Non localisé .* : 677 participants/)).toBeInTheDocument();
  });

  it('is one Tab stop, and the arrow keys move between neighbouring départements', async () => {
    const user = userEvent.setup();
    renderPage();
    const map = await screen.findByRole('group', { name: 'Carte des départements : Participants' });
    const focusable = map.querySelectorAll('[tabindex="0"]');
    expect(focusable).toHaveLength(1);
    // The tab stop is the département with the most participants.
    expect(focusable[0]).toHaveAttribute('data-code', '69');
    act(() => (focusable[0] as SVGElement).focus());
    expect(screen.getByTestId('map-readout')).toHaveTextContent(/^Rhône \(69\) : 500 participants/);
    await user.keyboard('{ArrowRight}');
    const moved = document.activeElement as SVGElement;
    expect(moved).not.toBe(focusable[0]);
    expect(moved).toHaveAttribute('tabindex', '0');
    expect(['01', '38']).toContain(moved.getAttribute('data-code'));
    expect(screen.getByTestId('map-readout')).toHaveTextContent(/aucune participation/);
  });

  it('shows the figures of a département on hover', async () => {
    const user = userEvent.setup();
    renderPage();
    const map = await screen.findByRole('group', { name: 'Carte des départements : Participants' });
    await user.hover(map.querySelector('[data-code="75"]') as SVGElement);
    expect(screen.getByTestId('map-readout')).toHaveTextContent(/^Paris \(75\) : 40 participants/);
  });

  it('changes the measure of the map and the bars without a new query', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('region', { name: 'En chiffres' });
    await user.selectOptions(screen.getByRole('combobox', { name: /^Mesure affichée/ }), 'votes');
    expect(textOf(within(section('Par thème')).getAllByTestId('bar-row')[0])).toBe(
      `Énergie\u00a0: 2${NNBSP}500 votes`,
    );
    expect(
      screen.getByRole('group', { name: 'Carte des départements : Votes' }),
    ).toBeInTheDocument();
  });

  it('asks again with the chosen period and consultation', async () => {
    const user = userEvent.setup();
    renderPage([
      consultationsMock,
      publicMock(),
      publicMock(
        { period: 'MONTH' },
        dashboard('PUBLIC', { period: 'MONTH', totals: counts(2000) }),
      ),
      publicMock(
        { period: 'MONTH', consultationId: CONSULTATION_ID },
        dashboard('PUBLIC', {
          period: 'MONTH',
          totals: counts(321),
          consultation: {
            __typename: 'Consultation',
            id: CONSULTATION_ID,
            slug: 'demo',
            title: 'Consultation démo',
          },
        }),
      ),
    ]);
    await screen.findByRole('region', { name: 'En chiffres' });
    await user.click(screen.getByRole('radio', { name: 'Mois' }));
    await waitFor(() =>
      expect(textOf(screen.getByTestId('total-participants'))).toBe(`Participants2${NNBSP}000`),
    );
    expect(screen.getByRole('group', { name: /^Participants par mois/ })).toBeInTheDocument();
    const consultation = screen.getByRole('combobox', { name: 'Consultation' });
    await screen.findByRole('option', { name: 'Consultation démo' });
    await user.selectOptions(consultation, CONSULTATION_ID);
    await waitFor(() =>
      expect(textOf(screen.getByTestId('total-participants'))).toBe('Participants321'),
    );
    expect(within(section('En chiffres')).getByText('Consultation démo')).toBeInTheDocument();
  });
});
