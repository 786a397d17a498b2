import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client';
import { Observable, firstValueFrom } from 'rxjs';
import { languageLink, sessionRefreshLink } from '../apollo';

const QUERY = gql`
  query Me {
    me {
      id
    }
  }
`;

const expired = {
  errors: [
    {
      message: 'Session expirée',
      extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' },
    },
  ],
};
const ok = { data: { me: { id: 'u1' } } };

/** A terminating link answering from a list, recording the headers it saw. */
function fakeServer(answers: object[]) {
  const seen: Record<string, string>[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        seen.push({ ...(operation.getContext()['headers'] as Record<string, string>) });
        observer.next(answers[Math.min(seen.length - 1, answers.length - 1)] as ApolloLink.Result);
        observer.complete();
      }),
  );
  return { link, seen };
}

const client = new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() });
const run = (link: ApolloLink) =>
  firstValueFrom(ApolloLink.execute(link, { query: QUERY }, { client }));

describe('sessionRefreshLink', () => {
  it('refreshes the session once after SESSION_EXPIRED and replays the operation', async () => {
    const server = fakeServer([expired, ok]);
    const refresh = jest.fn().mockResolvedValue(true);
    const result = await run(ApolloLink.from([sessionRefreshLink(refresh), server.link]));
    expect(result).toEqual(ok);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.seen).toHaveLength(2);
  });

  it('does not loop when the replayed operation is still expired', async () => {
    const server = fakeServer([expired, expired]);
    const refresh = jest.fn().mockResolvedValue(true);
    expect(await run(ApolloLink.from([sessionRefreshLink(refresh), server.link]))).toEqual(expired);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.seen).toHaveLength(2);
  });

  it('replays the operation as a visitor when the refresh fails (the API cleared the cookies)', async () => {
    const anonymous = { data: { me: null } };
    const server = fakeServer([expired, anonymous]);
    const refresh = jest.fn().mockResolvedValue(false);
    expect(await run(ApolloLink.from([sessionRefreshLink(refresh), server.link]))).toEqual(
      anonymous,
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.seen).toHaveLength(2);
  });

  it('leaves other errors alone', async () => {
    const forbidden = {
      errors: [{ message: 'Non', extensions: { code: 'FORBIDDEN', reason: 'NOT_ALLOWED' } }],
    };
    const server = fakeServer([forbidden]);
    const refresh = jest.fn();
    expect(await run(ApolloLink.from([sessionRefreshLink(refresh), server.link]))).toEqual(
      forbidden,
    );
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('languageLink', () => {
  it('sends the UI language as Accept-Language', async () => {
    const server = fakeServer([ok]);
    let language = 'fr';
    const link = ApolloLink.from([languageLink(() => language), server.link]);
    await run(link);
    language = 'en';
    await run(link);
    expect(server.seen.map((headers) => headers['Accept-Language'])).toEqual(['fr', 'en']);
  });
});
