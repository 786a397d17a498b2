import { closeFactories } from '../factories';
import { portOf, subscribe, wsUrl } from '../integration/support/subscriptions';
import { type GqlResult, startTestApp, type TestApp } from '../integration/support/test-app';
import { describeOutcome, expectedOutcome, type Outcome, POLICY } from './support/matrix-policy';
import { schemaOperations } from './support/matrix-schema';
import { SUBSCRIPTION_POLICY } from './support/matrix-subscriptions';
import { CALLERS, createWorld, type MatrixWorld } from './support/matrix-world';

/**
 * The authorisation matrix, generated from apps/api/schema.graphql: every Query, Mutation and
 * Subscription field is called as an anonymous visitor, the participant owning the content it
 * acts on, another participant, a moderator, a curator and an administrator, and the outcome is
 * compared with the policy declared in support/matrix-policy.ts (queries and mutations) and
 * support/matrix-subscriptions.ts. An operation without a declared policy fails the suite.
 */
const OPERATIONS = schemaOperations();
const policyTable = (kind: string): Record<string, unknown> =>
  kind === 'subscription' ? SUBSCRIPTION_POLICY : POLICY;

function expectOutcome(name: string, result: GqlResult<Record<string, unknown>>, outcome: Outcome) {
  if (outcome === 'ok') {
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty([name]);
    return;
  }
  const expected = typeof outcome === 'string' ? { code: outcome.toUpperCase() } : { ...outcome };
  expect(result.errors?.[0]?.extensions).toMatchObject(expected);
  expect(result.data?.[name] ?? null).toBeNull();
}

describe('authorisation matrix', () => {
  let api: TestApp;
  let world: MatrixWorld;
  let url: string;

  beforeAll(async () => {
    api = await startTestApp();
    world = await createWorld(api);
    url = wsUrl(portOf(api.app.getHttpServer()));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  it('declares a policy for every query, mutation and subscription of the schema', () => {
    const undeclared = OPERATIONS.filter((op) => !(op.name in policyTable(op.kind))).map(
      (op) => `${op.kind} ${op.name}`,
    );
    expect(undeclared).toEqual([]);
    // The schema was read: a broken reader must not pass as "nothing undeclared".
    expect(OPERATIONS.filter((op) => op.kind === 'subscription').length).toBeGreaterThan(0);
    expect(OPERATIONS.length).toBeGreaterThan(60);
  });

  it('declares no policy for an operation the schema no longer has', () => {
    const names = (kind: string) =>
      new Set(OPERATIONS.filter((op) => op.kind === kind).map((op) => op.name));
    const queriesAndMutations = new Set([...names('query'), ...names('mutation')]);
    const subscriptions = names('subscription');
    expect(Object.keys(POLICY).filter((name) => !queriesAndMutations.has(name))).toEqual([]);
    expect(Object.keys(SUBSCRIPTION_POLICY).filter((name) => !subscriptions.has(name))).toEqual([]);
  });

  const cases = OPERATIONS.filter((op) => op.kind !== 'subscription' && op.name in POLICY).flatMap(
    ({ kind, name }) =>
      CALLERS.map((caller) => ({
        kind,
        name,
        caller,
        outcome: expectedOutcome(POLICY[name], caller),
        expected: describeOutcome(expectedOutcome(POLICY[name], caller)),
      })),
  );

  it.each(cases)('$kind $name as $caller → $expected', async ({ name, caller, outcome }) => {
    const { query, variables, jar, token } = await POLICY[name].call(world, caller);
    const result = await api.gql<Record<string, unknown>>(query, variables, {
      token: token ?? world.tokenOf(caller),
      jar,
    });
    expectOutcome(name, result, outcome);
  });

  const subscriptionCases = OPERATIONS.filter(
    (op) => op.kind === 'subscription' && op.name in SUBSCRIPTION_POLICY,
  ).flatMap(({ name }) =>
    CALLERS.map((caller) => ({
      name,
      caller,
      outcome: expectedOutcome(SUBSCRIPTION_POLICY[name], caller),
      expected: describeOutcome(expectedOutcome(SUBSCRIPTION_POLICY[name], caller)),
    })),
  );

  it.each(subscriptionCases)(
    'subscription $name as $caller → $expected',
    async ({ name, caller, outcome }) => {
      const policy = SUBSCRIPTION_POLICY[name];
      const call = await policy.subscribe(world);
      const live = subscribe<Record<string, unknown>>(url, call.query, call.variables, {
        token: world.tokenOf(caller),
      });
      try {
        if (outcome === 'ok') {
          // Accepted: an event caused after subscribing reaches the subscriber.
          const first = await live.untilLive(
            () => policy.trigger(world, caller, call),
            policy.attemptMs,
          );
          expect(first.errors).toBeUndefined();
          expect(first.data?.[name]).toBeTruthy();
        } else {
          const refused = await live.next();
          const expected =
            typeof outcome === 'string' ? { code: outcome.toUpperCase() } : { ...outcome };
          expect(refused.errors?.[0]?.extensions).toMatchObject(expected);
          expect(refused.data?.[name] ?? null).toBeNull();
        }
      } finally {
        await live.close();
      }
    },
  );
});
