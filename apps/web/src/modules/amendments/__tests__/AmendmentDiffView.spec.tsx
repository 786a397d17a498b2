import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../testing/render';
import { AmendmentDiffView } from '../components/AmendmentDiffView';
import { amendment } from './fixtures';

const dd = (container: HTMLElement, index: number) => container.querySelectorAll('dd')[index];

describe('AmendmentDiffView', () => {
  it('shows only the changed fields, labelled, with insertions in <ins> and deletions in <del>', () => {
    const { container } = renderWithApp(<AmendmentDiffView diff={amendment().diff} />);
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['Titre', 'Texte']);
    const title = dd(container, 0);
    expect(title?.querySelector('del')?.textContent).toBe('supprimé : recyclerie');
    expect(title?.querySelector('ins')?.textContent).toBe('ajouté : ressourcerie');
    // What a screen reader reads, in order.
    expect(title?.textContent).toBe(
      'Une supprimé : recyclerieajouté : ressourcerie dans chaque quartier',
    );
    const body = dd(container, 1);
    expect(body?.querySelectorAll('ins')).toHaveLength(1);
    expect(body?.querySelector('del')).toBeNull();
  });

  it('marks changes without relying on colour, and says so in a legend', () => {
    const { container } = renderWithApp(<AmendmentDiffView diff={amendment().diff} />);
    expect(container.querySelector('ins')).toHaveStyle({ textDecoration: 'underline' });
    expect(container.querySelector('del')).toHaveStyle({ textDecoration: 'line-through' });
    expect(
      screen.getByText('Texte ajouté : souligné. Texte supprimé : barré.'),
    ).toBeInTheDocument();
  });

  it('reads accented French text as it is, in English too', () => {
    const diff = {
      ...amendment().diff,
      summary: [
        { kind: 'SAME' as const, text: 'Créer un lieu d’' },
        { kind: 'REMOVED' as const, text: 'échange' },
        { kind: 'ADDED' as const, text: 'entraide' },
      ],
      changedFields: ['SUMMARY' as const],
    };
    const { container } = renderWithApp(<AmendmentDiffView diff={diff} />, { language: 'en' });
    expect(container.querySelector('dt')?.textContent).toBe('Summary');
    expect(dd(container, 0)?.textContent).toMatch(/^Créer un lieu d’.*échange.*entraide$/);
    expect(container.querySelector('del')?.textContent).toMatch(/échange$/);
    expect(container.querySelector('ins')?.textContent).toMatch(/entraide$/);
  });
});
