import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../testing/render';
import { PublicDashboardPage } from '../components/PublicDashboardPage';
import { PARTICIPATION_DASHBOARD_QUERY } from '../graphql/dashboard.documents';
import {
  CONSULTATION_ID,
  OTHER_CONSULTATION_ID,
  consultationsMock,
  publicMock,
  twoConsultationsMock,
} from './fixtures';

const DEMO = '/api/open-data/consultations/demo';
// 'été 2026/bis' through encodeURIComponent: the slash stays inside the path segment.
const OTHER = '/api/open-data/consultations/%C3%A9t%C3%A9%202026%2Fbis';

function renderPage(mocks: MockLink.MockedResponse[], route = '/tableau-de-bord') {
  return renderWithApp(<PublicDashboardPage />, { mocks, route });
}

/** The section, once the consultations have arrived (its first consultation heading). */
async function openDataSection() {
  const region = await screen.findByRole('region', { name: 'Données ouvertes' });
  await within(region).findAllByRole('heading', { level: 3 });
  return region;
}

/** Each download link of the section as "accessible name → href" (the licence link aside). */
function downloads(region: HTMLElement) {
  return within(region)
    .getAllByRole('link')
    .filter((link) => link.hasAttribute('download'))
    .map((link) => [link.getAttribute('aria-label'), link.getAttribute('href')]);
}

describe('PublicDashboardPage: open data', () => {
  it('links the six files of the consultation chosen in the filter', async () => {
    renderPage(
      [twoConsultationsMock, publicMock({ consultationId: CONSULTATION_ID })],
      `/tableau-de-bord?consultation=${CONSULTATION_ID}`,
    );
    const region = await openDataSection();
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent('Données ouvertes');
    expect(
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['Consultation démo']);
    expect(downloads(region)).toEqual([
      ['Propositions de « Consultation démo » au format CSV', `${DEMO}/proposals.csv`],
      ['Propositions de « Consultation démo » au format JSON', `${DEMO}/proposals.json`],
      ['Commentaires de « Consultation démo » au format CSV', `${DEMO}/comments.csv`],
      ['Commentaires de « Consultation démo » au format JSON', `${DEMO}/comments.json`],
      ['Amendements de « Consultation démo » au format CSV', `${DEMO}/amendments.csv`],
      ['Amendements de « Consultation démo » au format JSON', `${DEMO}/amendments.json`],
    ]);
    // The visible text is the format; the accessible name contains it (label in name).
    const csv = within(region).getByRole('link', {
      name: 'Commentaires de « Consultation démo » au format CSV',
    });
    expect(csv).toHaveTextContent(/^CSV$/);
    expect(csv).toHaveAttribute('download');
  });

  it('lists every consultation when none is chosen, with its slug encoded', async () => {
    renderPage([twoConsultationsMock, publicMock()]);
    const region = await openDataSection();
    expect(
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['Consultation démo', 'Énergies locales']);
    const links = downloads(region);
    expect(links).toHaveLength(12);
    expect(links).toContainEqual([
      'Propositions de « Énergies locales » au format JSON',
      `${OTHER}/proposals.json`,
    ]);
    expect(links).toContainEqual([
      'Amendements de « Énergies locales » au format CSV',
      `${OTHER}/amendments.csv`,
    ]);
  });

  it('gives every link of the section a distinct accessible name', async () => {
    renderPage([twoConsultationsMock, publicMock()]);
    const region = await openDataSection();
    const names = within(region)
      .getAllByRole('link')
      .map((link) => link.getAttribute('aria-label') ?? link.textContent);
    expect(names).toHaveLength(13);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists every consultation when the one in the address is not among them', async () => {
    const unknown = '00000000-0000-4000-8000-000000000099';
    renderPage(
      [twoConsultationsMock, publicMock({ consultationId: unknown })],
      `/tableau-de-bord?consultation=${unknown}`,
    );
    const region = await openDataSection();
    expect(within(region).getAllByRole('heading', { level: 3 })).toHaveLength(2);
    expect(downloads(region)).toHaveLength(12);
  });

  it('names the licence and says that no personal data is in the files', async () => {
    renderPage([consultationsMock, publicMock()]);
    const region = await openDataSection();
    expect(
      within(region).getByRole('link', { name: 'Licence Ouverte / Open Licence 2.0' }),
    ).toHaveAttribute('href', 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
    expect(region).toHaveTextContent(
      'sans aucune donnée personnelle : ni nom, ni adresse e-mail, ni vote individuel',
    );
  });

  it('follows the consultation chosen in the filter', async () => {
    const user = userEvent.setup();
    renderPage([
      twoConsultationsMock,
      publicMock(),
      publicMock({ consultationId: OTHER_CONSULTATION_ID }),
    ]);
    const region = await openDataSection();
    expect(within(region).getAllByRole('heading', { level: 3 })).toHaveLength(2);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Consultation' }),
      OTHER_CONSULTATION_ID,
    );
    await waitFor(() =>
      expect(
        within(region)
          .getAllByRole('heading', { level: 3 })
          .map((heading) => heading.textContent),
      ).toEqual(['Énergies locales']),
    );
    expect(downloads(region).map(([, href]) => href)).toEqual(
      ['proposals', 'comments', 'amendments'].flatMap((dataset) => [
        `${OTHER}/${dataset}.csv`,
        `${OTHER}/${dataset}.json`,
      ]),
    );
  });

  it('stays available when the figures cannot be loaded', async () => {
    const failing: MockLink.MockedResponse = {
      request: {
        query: PARTICIPATION_DASHBOARD_QUERY,
        variables: { consultationId: null, period: 'WEEK' },
      },
      error: new Error('Network down'),
      maxUsageCount: Number.POSITIVE_INFINITY,
    };
    renderPage([consultationsMock, failing]);
    await screen.findByRole('alert');
    const region = await openDataSection();
    expect(
      within(region).getByRole('link', {
        name: 'Propositions de « Consultation démo » au format CSV',
      }),
    ).toHaveAttribute('href', `${DEMO}/proposals.csv`);
  });
});
