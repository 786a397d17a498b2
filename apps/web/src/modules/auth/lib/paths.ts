/** The pages of accounts by e-mail (the API writes the first and last into its e-mails). */
export const accountPaths = {
  verifyEmail: '/verifier-email',
  forgotPassword: '/mot-de-passe-oublie',
  resetPassword: '/reinitialiser-mot-de-passe',
  adminOutbox: '/admin/courriels',
} as const;
