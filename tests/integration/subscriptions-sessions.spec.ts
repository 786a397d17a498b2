import { closeFactories, createUser } from '../factories';
import { CHANGE_USER_ROLE } from './support/operations';
import { portOf, subscribe, wsUrl, type LiveSubscription } from './support/subscriptions';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

const NOTIFICATION_ADDED = `subscription { notificationAdded { id kind title } }`;
const QUEUE_CHANGED = `subscription { moderationQueueChanged { kind openCount } }`;
const SIGN_OUT = `mutation { signOut }`;

/** What `ended` resolves with, or "open" when the connection is still up after `ms`. */
function endedWithin(subscription: LiveSubscription<unknown>, ms: number) {
  return Promise.race([
    subscription.ended.then((end) => end.code),
    new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms)),
  ]);
}

describe('WebSocket connections whose session ends', () => {
  let api: TestApp;
  let url: string;
  const open: LiveSubscription<unknown>[] = [];
  const live = (query: string, token: string) => {
    const subscription = subscribe<unknown>(url, query, {}, { token });
    open.push(subscription);
    return subscription;
  };

  beforeAll(async () => {
    api = await startTestApp({ SUBSCRIPTION_SESSION_CHECK_MS: '200' });
    url = wsUrl(portOf(api.app.getHttpServer()));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((subscription) => subscription.close()));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('closes with 4401 the connections of a session that signed out, and only those', async () => {
    const leaving = await createUser();
    const staying = await createUser();
    const leavingToken = await api.tokenFor(leaving);
    const otherDeviceToken = await api.tokenFor(leaving);
    const stayingToken = await api.tokenFor(staying);
    const gone = live(NOTIFICATION_ADDED, leavingToken);
    const otherDevice = live(NOTIFICATION_ADDED, otherDeviceToken);
    const kept = live(NOTIFICATION_ADDED, stayingToken);
    // Each connection is accepted (open past a few checks) before the sign-out.
    expect(await endedWithin(gone, 600)).toBe('open');

    expect(dataOf(await api.gql(SIGN_OUT, {}, { token: leavingToken }))).toEqual({
      signOut: true,
    });

    expect(await endedWithin(gone, 3_000)).toBe(4401);
    // Another session of the same account and other accounts stay connected.
    expect(await endedWithin(otherDevice, 600)).toBe('open');
    expect(await endedWithin(kept, 1)).toBe('open');
  });

  it('closes the connections of a moderator who is no longer one', async () => {
    const admin = await createUser({ role: 'ADMIN' });
    const moderator = await createUser({ role: 'MODERATOR' });
    const queue = live(QUEUE_CHANGED, await api.tokenFor(moderator));
    expect(await endedWithin(queue, 600)).toBe('open');

    dataOf(
      await api.gql(
        CHANGE_USER_ROLE,
        { input: { userId: moderator.id, role: 'PARTICIPANT' } },
        { token: await api.tokenFor(admin) },
      ),
    );

    expect(await endedWithin(queue, 3_000)).toBe(4401);
  });
});
