import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { OrganisationRef } from '../../../shared/graphql/schema-types';
import { renderWithApp } from '../../../testing/render';
import { OrganisationSelect, type OrganisationOption } from '../components/OrganisationSelect';
import { SEARCH_ORGANISATIONS_QUERY } from '../graphql/organisations.documents';

const organisation = (id: string, name: string): OrganisationRef => ({
  __typename: 'Organisation',
  id,
  name,
  actorType: 'ESS_ENTERPRISE',
});
const scic = organisation('o1', 'SCIC Énergies du Pilat');
const regie = organisation('o2', 'Régie de quartier des Énergies');
const carrier = organisation('o3', 'PTCE Énergies Sud Loire');

const answer = (query: string, nodes: OrganisationRef[]): MockLink.MockedResponse => ({
  request: { query: SEARCH_ORGANISATIONS_QUERY, variables: { query, first: 10 } },
  result: { data: { searchOrganisations: nodes } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

function Several({ onChange }: { onChange: (ids: string[]) => void }) {
  const [value, setValue] = useState<OrganisationRef[]>([]);
  return (
    <OrganisationSelect
      multiple
      id="partners"
      label="Organisations partenaires"
      exclude={[carrier.id]}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next.map((item) => item.id));
      }}
    />
  );
}

function One({ onChange }: { onChange: (id: string | null) => void }) {
  const [value, setValue] = useState<OrganisationOption | null>(null);
  return (
    <OrganisationSelect
      id="carrier"
      label="Organisation porteuse"
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next?.id ?? null);
      }}
    />
  );
}

describe('OrganisationSelect', () => {
  it('asks for 2 characters, then searches by name and never offers the excluded ones', async () => {
    const user = userEvent.setup();
    const picked: string[][] = [];
    renderWithApp(<Several onChange={(ids) => picked.push(ids)} />, {
      mocks: [answer('éne', [carrier, regie, scic]), answer('pilat', [scic])],
    });
    const input = screen.getByRole('combobox', { name: /^Organisations partenaires/ });
    await user.click(input);
    await user.type(input, 'é');
    expect(await screen.findByText('Tapez au moins 2 caractères.')).toBeVisible();

    await user.type(input, 'ne');
    await user.click(await screen.findByRole('option', { name: regie.name }, { timeout: 3000 }));
    expect(screen.queryByRole('option', { name: carrier.name })).not.toBeInTheDocument();
    await user.type(input, 'pilat');
    await user.click(await screen.findByRole('option', { name: scic.name }, { timeout: 3000 }));
    expect(picked.at(-1)).toEqual([regie.id, scic.id]);
  });

  it('chooses a single organisation and shows its name', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderWithApp(<One onChange={onChange} />, { mocks: [answer('scic', [scic])] });
    const input = screen.getByRole('combobox', { name: /^Organisation porteuse/ });
    await user.type(input, 'scic');
    await user.click(await screen.findByRole('option', { name: scic.name }, { timeout: 3000 }));
    expect(onChange).toHaveBeenLastCalledWith(scic.id);
    expect(input).toHaveValue(scic.name);
  });
});
