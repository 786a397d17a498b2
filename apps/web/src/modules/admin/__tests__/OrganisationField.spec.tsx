import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { SEARCH_ORGANISATIONS_QUERY } from '../../organisations/graphql/organisations.documents';
import { OrganisationField } from '../components/OrganisationField';
import { ORGANISATION_NAME_QUERY } from '../graphql/local-moderators.documents';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function Harness({ initial, onChange }: { initial: string; onChange: (id: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <OrganisationField
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: ORGANISATION_NAME_QUERY, variables: { id: uuid(21) } },
    result: {
      data: {
        organisation: { __typename: 'Organisation', id: uuid(21), name: 'PTCE Sud Loire' },
      },
    },
  },
  {
    request: { query: SEARCH_ORGANISATIONS_QUERY, variables: { query: 'pilat', first: 10 } },
    result: {
      data: {
        searchOrganisations: [
          {
            __typename: 'Organisation',
            id: uuid(22),
            name: 'SCIC Énergies du Pilat',
            actorType: 'ESS_ENTERPRISE',
          },
        ],
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];

describe('OrganisationField (carrying organisation of a local space)', () => {
  it('names the organisation the consultation has, and searches another one by name', async () => {
    const user = userEvent.setup();
    const onChange = jest.fn();
    renderWithApp(<Harness initial={uuid(21)} onChange={onChange} />, { mocks });
    const input = screen.getByRole('combobox', { name: /^Organisation porteuse/ });
    await waitFor(() => expect(input).toHaveValue('PTCE Sud Loire'));

    await user.clear(input);
    await user.type(input, 'pilat');
    await user.click(
      await screen.findByRole('option', { name: 'SCIC Énergies du Pilat' }, { timeout: 3000 }),
    );
    expect(onChange).toHaveBeenLastCalledWith(uuid(22));
    expect(input).toHaveValue('SCIC Énergies du Pilat');
  });

  it('leaves the field empty for a consultation without organisation', () => {
    renderWithApp(<Harness initial="" onChange={() => undefined} />);
    expect(screen.getByRole('combobox', { name: /^Organisation porteuse/ })).toHaveValue('');
  });
});
