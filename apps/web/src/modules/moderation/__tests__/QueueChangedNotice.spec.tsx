import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createLiveServer } from '../../../testing/liveServer';
import { renderWithApp } from '../../../testing/render';
import { QueueChangedNotice } from '../components/QueueChangedNotice';

const changed = (openCount: number) => ({
  moderationQueueChanged: { __typename: 'ModerationQueueEvent', kind: 'REPORTED', openCount },
});

describe('QueueChangedNotice', () => {
  it('says the queue changed without reloading it, and reloads it on request', async () => {
    const live = createLiveServer();
    const onRefresh = jest.fn().mockResolvedValue(undefined);
    renderWithApp(<QueueChangedNotice onRefresh={onRefresh} />, { live });
    await waitFor(() => expect(live.openCount('ModerationQueueChanged')).toBe(1));
    expect(screen.queryByRole('button', { name: 'Actualiser' })).not.toBeInTheDocument();

    await live.push('ModerationQueueChanged', changed(4));
    await live.push('ModerationQueueChanged', changed(5));
    expect(
      await screen.findByText('La file de modération a changé (5 éléments ouverts).'),
    ).toBeInTheDocument();
    expect(onRefresh).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Actualiser' }));
    expect(onRefresh).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Actualiser' })).not.toBeInTheDocument(),
    );
  });
});
