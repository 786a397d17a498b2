import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Brief } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { BriefEditor } from '../components/BriefEditor';
import { initialCandidateFilters, toCandidateVariables } from '../forms/candidate-filters';
import {
  brief,
  candidate,
  candidatesMock,
  firstCandidates,
  groupFigures,
  opinionsOf,
  proposal,
  themesMock,
  uuid,
} from './fixtures';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** Testing Library matches text with its whitespace collapsed (no-break spaces included). */
const shown = (text: string) => text.replace(/\s+/g, ' ');
const EXPLANATION = 'Approuvée par 87 % du groupe A, rejetée par 64 % du groupe B';

const divided = opinionsOf([groupFigures(0, 30, 20, 2, 1), groupFigures(1, 42, 6, 16, 3)], {
  explanation: EXPLANATION,
});

/** The fixture brief, its first section citing a proposal group B rejects, after `note`. */
function dividedBrief(note: string): Brief {
  const base = brief();
  const [first, second] = base.sections;
  if (!first || !second) throw new Error('fixture has two sections');
  const [citation] = first.citations;
  if (!citation) throw new Error('fixture cites');
  return {
    ...base,
    sections: [
      {
        ...first,
        dissentNote: note,
        citations: [
          citation,
          {
            ...citation,
            id: uuid(22),
            position: 1,
            quote: null,
            otherBriefs: [],
            proposal: proposal(4, 'Un fonds régional', divided),
          },
        ],
      },
      second,
    ],
  };
}

const section = (number: number, title: string) =>
  screen.getByRole('group', { name: `Section ${number} : ${title}` });
const dissentField = (number: number, title: string) =>
  within(section(number, title)).getByRole('textbox', { name: /^Note de dissensus/ });
const seedButton = (number: number, title: string) =>
  within(section(number, title)).getByRole('button', {
    name: 'Proposer à partir des groupes en désaccord',
  });

const DRAFT = `Le groupe B (42 participants) est majoritairement opposé à «${NNBSP}Un fonds régional${NNBSP}»${NBSP}[2]${NNBSP}: 64${NBSP}% contre, 24${NBSP}% pour.`;

describe('curators’ workspace: opinion groups', () => {
  it('shows each cited proposal’s figures per group, explained for screen readers', () => {
    renderWithApp(<BriefEditor brief={dividedBrief('')} />, {
      mocks: [firstCandidates(), themesMock],
    });
    const first = section(1, 'Financer');
    expect(
      within(first).getByText(shown(`Pour, par groupe : A 87${NBSP}% · B 24${NBSP}%`)),
    ).toHaveAttribute('aria-hidden', 'true');
    expect(
      within(first).getByText(shown(`Votes par groupe d’opinion : ${EXPLANATION}.`)),
    ).toHaveClass('visually-hidden');
    // The other cited proposal has no groups yet.
    expect(within(first).getByText('Groupes d’opinion pas encore calculés.')).toBeInTheDocument();
  });

  it('shows each candidate’s consensus and offers the consensus and divisive orders', async () => {
    const user = userEvent.setup();
    const consensual = candidate(5, 'Une SCIC d’énergie citoyenne', {
      opinions: opinionsOf([groupFigures(0, 30, 24, 6), groupFigures(1, 42, 30, 12)], {
        consensus: 0.82,
        explanation: 'Approuvée par 80 % du groupe A et 71 % du groupe B',
      }),
    });
    const divisive = candidate(6, 'Une tarification sociale de l’eau', { opinions: divided });
    const byDivisive = toCandidateVariables({
      ...initialCandidateFilters(uuid(50)),
      orderBy: 'DIVISIVE',
    });
    renderWithApp(<BriefEditor brief={dividedBrief('')} />, {
      mocks: [firstCandidates([consensual]), candidatesMock(byDivisive, [divisive]), themesMock],
    });
    const picker = screen.getByRole('region', { name: 'Sources à citer' });
    expect(
      await within(picker).findByText(shown(`Consensus 82${NBSP}% · A 80${NBSP}% · B 71${NBSP}%`)),
    ).toBeInTheDocument();
    expect(
      within(picker).getByText(
        shown(
          `Consensus entre groupes d’opinion : 82${NBSP}%. Approuvée par 80 % du groupe A et 71 % du groupe B.`,
        ),
      ),
    ).toBeInTheDocument();

    const order = within(picker).getByRole('combobox', { name: 'Classement' });
    expect(
      within(order).getByRole('option', { name: 'Consensus entre groupes' }),
    ).toBeInTheDocument();
    await user.selectOptions(order, within(order).getByRole('option', { name: 'Ce qui divise' }));
    expect(
      await within(picker).findByRole('link', { name: 'Une tarification sociale de l’eau' }),
    ).toBeInTheDocument();
    expect(
      within(picker).getByText(shown(`Consensus 50${NBSP}% · A 87${NBSP}% · B 24${NBSP}%`)),
    ).toBeInTheDocument();
  });

  it('adds the dissent draft after what the curator wrote, once', async () => {
    const user = userEvent.setup();
    renderWithApp(<BriefEditor brief={dividedBrief('Mon texte.')} />, {
      mocks: [firstCandidates(), themesMock],
    });
    await user.click(seedButton(1, 'Financer'));
    expect(dissentField(1, 'Financer')).toHaveValue(`Mon texte.\n\n${DRAFT}`);
    expect(
      within(section(1, 'Financer')).getByText(
        'Proposition de note ajoutée : relisez-la et complétez-la.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(dissentField(1, 'Financer')).toHaveFocus());
    expect(screen.getByText('Modifications non enregistrées.')).toBeInTheDocument();

    await user.click(seedButton(1, 'Financer'));
    expect(dissentField(1, 'Financer')).toHaveValue(`Mon texte.\n\n${DRAFT}`);
    expect(
      within(section(1, 'Financer')).getByText('La note contient déjà cette proposition.'),
    ).toBeInTheDocument();
  });

  it('fills an empty note with the draft', async () => {
    const user = userEvent.setup();
    renderWithApp(<BriefEditor brief={dividedBrief('')} />, {
      mocks: [firstCandidates(), themesMock],
    });
    await user.click(seedButton(1, 'Financer'));
    expect(dissentField(1, 'Financer')).toHaveValue(DRAFT);
  });

  it('is disabled, saying why, when no cited proposal has a disagreeing group', () => {
    renderWithApp(<BriefEditor brief={dividedBrief('')} />, {
      mocks: [firstCandidates(), themesMock],
    });
    const button = seedButton(2, 'Former');
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      /^Aucune proposition citée dans cette section n’est rejetée par un groupe d’opinion \(au moins 3 votes du groupe/,
    );
    expect(dissentField(2, 'Former')).toHaveValue('Désaccord');
    expect(seedButton(1, 'Financer')).toBeEnabled();
  });
});
