/**
 * Rate limits: how often one account (or one e-mail, for signIn) and one IP address may call
 * an action, counted in fixed windows. Pure rules; the API keeps the counters (memory or Redis).
 *
 * | action         | per account (e-mail for signIn) | per IP address  |
 * |----------------|---------------------------------|-----------------|
 * | signUp         | —                               | 5 per hour      |
 * | signIn         | 10 per 15 minutes               | 50 per 15 min   |
 * | submitProposal | 5 per hour                      | 30 per hour     |
 * | addComment     | 30 per 10 minutes               | 120 per 10 min  |
 * | castVote       | 120 per minute                  | 600 per minute  |
 * | resendVerificationEmail | 3 per hour             | 20 per hour     |
 * | requestPasswordReset | 3 per hour (per e-mail)   | 20 per hour     |
 * | changePassword | 10 per 15 minutes               | 50 per 15 min   |
 * | exportMyData   | 5 per hour                      | 30 per hour     |
 * | deleteMyAccount | 10 per 15 minutes              | 50 per 15 min   |
 * | oidcSignIn     | —                               | 30 per 10 min   |
 * | download       | —                               | 60 per minute   |
 * | editExperiment | 120 per hour                    | 600 per hour    |
 * | amend          | 20 per hour                     | 100 per hour    |
 * | voteOnAmendment | 120 per minute                 | 600 per minute  |
 * | decideAmendment | 120 per hour                   | 600 per hour    |
 *
 * Per-IP limits are a few times the per-account ones, so that a household, a school or an
 * association sharing one address is not blocked by one busy member, while a script spraying
 * many accounts from one address still is.
 */
export const RateLimitAction = {
  signUp: 'signUp',
  signIn: 'signIn',
  submitProposal: 'submitProposal',
  addComment: 'addComment',
  castVote: 'castVote',
  resendVerificationEmail: 'resendVerificationEmail',
  requestPasswordReset: 'requestPasswordReset',
  changePassword: 'changePassword',
  exportMyData: 'exportMyData',
  deleteMyAccount: 'deleteMyAccount',
  oidcSignIn: 'oidcSignIn',
  download: 'download',
  editExperiment: 'editExperiment',
  amend: 'amend',
  voteOnAmendment: 'voteOnAmendment',
  decideAmendment: 'decideAmendment',
} as const;
export type RateLimitAction = keyof typeof RateLimitAction;

/**
 * What a counter is keyed on: the signed-in account (the e-mail address given for signIn and
 * requestPasswordReset, so nobody floods one mailbox) or the IP.
 */
export type RateLimitScope = 'account' | 'ip';

export interface RateLimitRule {
  scope: RateLimitScope;
  /** Calls allowed in one window. */
  limit: number;
  windowSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const RATE_LIMITS: Readonly<Record<RateLimitAction, readonly RateLimitRule[]>> = {
  signUp: [{ scope: 'ip', limit: 5, windowSeconds: HOUR }],
  signIn: [
    { scope: 'account', limit: 10, windowSeconds: 15 * MINUTE },
    { scope: 'ip', limit: 50, windowSeconds: 15 * MINUTE },
  ],
  submitProposal: [
    { scope: 'account', limit: 5, windowSeconds: HOUR },
    { scope: 'ip', limit: 30, windowSeconds: HOUR },
  ],
  addComment: [
    { scope: 'account', limit: 30, windowSeconds: 10 * MINUTE },
    { scope: 'ip', limit: 120, windowSeconds: 10 * MINUTE },
  ],
  castVote: [
    { scope: 'account', limit: 120, windowSeconds: MINUTE },
    { scope: 'ip', limit: 600, windowSeconds: MINUTE },
  ],
  resendVerificationEmail: [
    { scope: 'account', limit: 3, windowSeconds: HOUR },
    { scope: 'ip', limit: 20, windowSeconds: HOUR },
  ],
  requestPasswordReset: [
    { scope: 'account', limit: 3, windowSeconds: HOUR },
    { scope: 'ip', limit: 20, windowSeconds: HOUR },
  ],
  // Guessing the current password of a signed-in session: the same budget as signIn.
  changePassword: [
    { scope: 'account', limit: 10, windowSeconds: 15 * MINUTE },
    { scope: 'ip', limit: 50, windowSeconds: 15 * MINUTE },
  ],
  // A data export reads every row of the account: a few per hour are plenty.
  exportMyData: [
    { scope: 'account', limit: 5, windowSeconds: HOUR },
    { scope: 'ip', limit: 30, windowSeconds: HOUR },
  ],
  // Checks the password like changePassword: the same budget.
  deleteMyAccount: [
    { scope: 'account', limit: 10, windowSeconds: 15 * MINUTE },
    { scope: 'ip', limit: 50, windowSeconds: 15 * MINUTE },
  ],
  // Each start of an identity-provider sign-in stores an attempt row.
  oidcSignIn: [{ scope: 'ip', limit: 30, windowSeconds: 10 * MINUTE }],
  // Public files (brief exports, open data): rendering a PDF or streaming a whole consultation
  // costs far more than a page.
  download: [{ scope: 'ip', limit: 60, windowSeconds: MINUTE }],
  // Every change of the experiments registry (experiments, indicators, measurements, checks):
  // a member typing a few years of figures stays well within it, a script does not.
  editExperiment: [
    { scope: 'account', limit: 120, windowSeconds: HOUR },
    { scope: 'ip', limit: 600, windowSeconds: HOUR },
  ],
  // Proposing or rebasing an amendment writes a whole proposal's texts: a few dozen per hour.
  amend: [
    { scope: 'account', limit: 20, windowSeconds: HOUR },
    { scope: 'ip', limit: 100, windowSeconds: HOUR },
  ],
  // Votes on amendments: the budget of votes on proposals.
  voteOnAmendment: [
    { scope: 'account', limit: 120, windowSeconds: MINUTE },
    { scope: 'ip', limit: 600, windowSeconds: MINUTE },
  ],
  // Accepting (a new revision and its notices), rejecting or withdrawing an amendment: an author
  // or a moderator working through a long list stays within it, a script does not.
  decideAmendment: [
    { scope: 'account', limit: 120, windowSeconds: HOUR },
    { scope: 'ip', limit: 600, windowSeconds: HOUR },
  ],
};

/**
 * The rules of an action with every limit multiplied by `factor` (configuration, e.g. 1000 in
 * end-to-end tests), rounded down but never below 1.
 */
export function rateLimitRules(action: RateLimitAction, factor = 1): RateLimitRule[] {
  if (!(factor > 0)) throw new RangeError(`A rate-limit factor must be positive (got ${factor})`);
  return RATE_LIMITS[action].map((rule) => ({
    ...rule,
    limit: Math.max(1, Math.floor(rule.limit * factor)),
  }));
}

export interface RateLimitWindow {
  /** Number of the window since the epoch: part of the counter's key. */
  index: number;
  /** When the window ends (epoch milliseconds): when its counter may be dropped. */
  endsAt: number;
}

/** The fixed window holding the instant `now` (epoch milliseconds). */
export function fixedWindow(windowSeconds: number, now: number): RateLimitWindow {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(now / windowMs);
  return { index, endsAt: (index + 1) * windowMs };
}

export interface RateLimitDecision {
  isAllowed: boolean;
  /** Whole seconds until the window ends (at least 1) when refused; 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Whether a call is allowed, given the window's count including this call.
 * @param count calls in the current window, this one included
 * @param endsAt end of the window (epoch milliseconds)
 * @param now the current instant (epoch milliseconds)
 */
export function rateLimitDecision(
  rule: Pick<RateLimitRule, 'limit'>,
  count: number,
  endsAt: number,
  now: number,
): RateLimitDecision {
  if (count <= rule.limit) return { isAllowed: true, retryAfterSeconds: 0 };
  return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) };
}

/** The decision of several rules: refused when any refuses, waiting for the longest. */
export function combineRateLimitDecisions(
  decisions: readonly RateLimitDecision[],
): RateLimitDecision {
  const refused = decisions.filter((decision) => !decision.isAllowed);
  if (refused.length === 0) return { isAllowed: true, retryAfterSeconds: 0 };
  return {
    isAllowed: false,
    retryAfterSeconds: Math.max(...refused.map((decision) => decision.retryAfterSeconds)),
  };
}
