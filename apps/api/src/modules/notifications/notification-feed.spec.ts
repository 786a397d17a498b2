import { NotificationFeed } from './notification-feed';
import { type NotificationRecord, type NotificationsRepository } from './notifications.repository';

const row = (id: string, userId: string): NotificationRecord =>
  ({
    id,
    userId,
    kind: 'CONTENT_HIDDEN',
    payload: {},
    createdAt: new Date(),
  }) as NotificationRecord;

describe('NotificationFeed', () => {
  it('sends each listener only the new notifications of its own account, once', async () => {
    const rows: NotificationRecord[] = [row('old', 'me')];
    const repository = {
      findRecent: jest.fn((userIds: readonly string[]) =>
        Promise.resolve(rows.filter((r) => userIds.includes(r.userId))),
      ),
    } as unknown as NotificationsRepository;
    const feed = new NotificationFeed(repository);
    const mine = await feed.watch('me');
    const next = mine.next();

    rows.push(row('theirs', 'someone-else'), row('new', 'me'));
    await feed.poll();
    await feed.poll();
    expect(await next).toEqual({ done: false, value: rows[2] });
    expect(repository.findRecent).toHaveBeenLastCalledWith(['me'], expect.any(Date), 500);

    const pending = mine.next();
    await mine.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
    // Nobody listens any more: polls query nothing.
    (repository.findRecent as jest.Mock).mockClear();
    await feed.poll();
    expect(repository.findRecent).not.toHaveBeenCalled();
    feed.onModuleDestroy();
  });
});
