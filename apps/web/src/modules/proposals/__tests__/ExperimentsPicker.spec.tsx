import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { renderWithApp } from '../../../testing/render';
import { ExperimentsPicker } from '../components/ExperimentsPicker';
import {
  EXPERIMENT_OPTIONS_QUERY,
  type ExperimentOption,
} from '../graphql/proposal-experiments.documents';

const option = (id: string, name: string): ExperimentOption => ({
  __typename: 'Experiment',
  id,
  name,
  measurementsCount: 2,
  organisation: { __typename: 'Organisation', id: `o-${id}`, name: 'PTCE Drôme Coopérative' },
});
const legumerie = option('e1', 'Légumerie coopérative de la vallée de la Drôme');
const solaire = option('e2', 'Centrales solaires citoyennes du Labourd');

const answer = (query: string | null, nodes: ExperimentOption[]): MockLink.MockedResponse => ({
  request: { query: EXPERIMENT_OPTIONS_QUERY, variables: { query } },
  result: { data: { experiments: { __typename: 'ExperimentConnection', nodes } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

function Harness({ onChange }: { onChange: (ids: string[]) => void }) {
  const [value, setValue] = useState<ExperimentOption[]>([]);
  return (
    <ExperimentsPicker
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next.map((item) => item.id));
      }}
    />
  );
}

describe('ExperimentsPicker', () => {
  it('searches the registry by name and keeps the experiments picked, in order', async () => {
    const user = userEvent.setup();
    const picked: string[][] = [];
    renderWithApp(<Harness onChange={(ids) => picked.push(ids)} />, {
      mocks: [answer(null, [solaire, legumerie]), answer('Légumerie', [legumerie])],
    });
    const input = screen.getByRole('combobox', {
      name: /^Expérimentations du registre sur lesquelles elle s’appuie/,
    });
    await user.click(input);
    await user.click(
      await screen.findByRole('option', { name: /^Centrales solaires citoyennes du Labourd/ }),
    );
    await user.type(input, 'Légumerie');
    await user.click(
      await screen.findByRole(
        'option',
        { name: 'Légumerie coopérative de la vallée de la Drôme — PTCE Drôme Coopérative' },
        { timeout: 3000 },
      ),
    );
    expect(picked.at(-1)).toEqual(['e2', 'e1']);
  });
});
