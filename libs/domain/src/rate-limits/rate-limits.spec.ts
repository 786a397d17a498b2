import {
  combineRateLimitDecisions,
  fixedWindow,
  RATE_LIMITS,
  rateLimitDecision,
  rateLimitRules,
} from './rate-limits';

describe('rate limits', () => {
  it.each([
    ['signUp', [['ip', 5, 3600]]],
    [
      'signIn',
      [
        ['account', 10, 900],
        ['ip', 50, 900],
      ],
    ],
    [
      'submitProposal',
      [
        ['account', 5, 3600],
        ['ip', 30, 3600],
      ],
    ],
    [
      'addComment',
      [
        ['account', 30, 600],
        ['ip', 120, 600],
      ],
    ],
    [
      'castVote',
      [
        ['account', 120, 60],
        ['ip', 600, 60],
      ],
    ],
    [
      'resendVerificationEmail',
      [
        ['account', 3, 3600],
        ['ip', 20, 3600],
      ],
    ],
    [
      'requestPasswordReset',
      [
        ['account', 3, 3600],
        ['ip', 20, 3600],
      ],
    ],
    [
      'changePassword',
      [
        ['account', 10, 900],
        ['ip', 50, 900],
      ],
    ],
    [
      'exportMyData',
      [
        ['account', 5, 3600],
        ['ip', 30, 3600],
      ],
    ],
    [
      'deleteMyAccount',
      [
        ['account', 10, 900],
        ['ip', 50, 900],
      ],
    ],
    ['oidcSignIn', [['ip', 30, 600]]],
    ['download', [['ip', 60, 60]]],
    [
      'editExperiment',
      [
        ['account', 120, 3600],
        ['ip', 600, 3600],
      ],
    ],
    [
      'amend',
      [
        ['account', 20, 3600],
        ['ip', 100, 3600],
      ],
    ],
    [
      'voteOnAmendment',
      [
        ['account', 120, 60],
        ['ip', 600, 60],
      ],
    ],
    [
      'decideAmendment',
      [
        ['account', 120, 3600],
        ['ip', 600, 3600],
      ],
    ],
  ] as const)('limits %s', (action, expected) => {
    expect(RATE_LIMITS[action].map((rule) => [rule.scope, rule.limit, rule.windowSeconds])).toEqual(
      expected,
    );
  });

  it.each([
    [1, [10, 50]],
    [1000, [10_000, 50_000]],
    [0.5, [5, 25]],
    [0.01, [1, 1]],
    [1.05, [10, 52]],
  ])('multiplies the limits by the factor %s, never below 1', (factor, limits) => {
    expect(rateLimitRules('signIn', factor).map((rule) => rule.limit)).toEqual(limits);
  });

  it('uses factor 1 by default and keeps scopes and windows', () => {
    expect(rateLimitRules('castVote')).toEqual(RATE_LIMITS.castVote);
  });

  it.each([0, -1, Number.NaN])('refuses the factor %s', (factor) => {
    expect(() => rateLimitRules('signUp', factor)).toThrow(RangeError);
  });

  it.each([
    [60, 0, { index: 0, endsAt: 60_000 }],
    [60, 59_999, { index: 0, endsAt: 60_000 }],
    [60, 60_000, { index: 1, endsAt: 120_000 }],
    [900, 1_000_000, { index: 1, endsAt: 1_800_000 }],
  ])('finds the fixed window of %ss holding %s ms', (seconds, now, expected) => {
    expect(fixedWindow(seconds, now)).toEqual(expected);
  });

  it.each([
    // limit, count, endsAt, now, decision
    [10, 1, 60_000, 0, { isAllowed: true, retryAfterSeconds: 0 }],
    [10, 10, 60_000, 0, { isAllowed: true, retryAfterSeconds: 0 }],
    [10, 11, 60_000, 0, { isAllowed: false, retryAfterSeconds: 60 }],
    [10, 11, 60_000, 59_001, { isAllowed: false, retryAfterSeconds: 1 }],
    [10, 50, 60_000, 30_500, { isAllowed: false, retryAfterSeconds: 30 }],
    [1, 2, 60_000, 60_000, { isAllowed: false, retryAfterSeconds: 1 }],
  ])('limit %s, count %s, window ending at %s, now %s', (limit, count, endsAt, now, expected) => {
    expect(rateLimitDecision({ limit }, count, endsAt, now)).toEqual(expected);
  });

  it('combines decisions: refused when one refuses, waiting for the longest', () => {
    const allowed = { isAllowed: true, retryAfterSeconds: 0 };
    expect(combineRateLimitDecisions([])).toEqual(allowed);
    expect(combineRateLimitDecisions([allowed, allowed])).toEqual(allowed);
    expect(
      combineRateLimitDecisions([
        allowed,
        { isAllowed: false, retryAfterSeconds: 12 },
        { isAllowed: false, retryAfterSeconds: 700 },
      ]),
    ).toEqual({ isAllowed: false, retryAfterSeconds: 700 });
  });
});
