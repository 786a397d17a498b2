/** The app's URLs, in French: the site is French first. Routes are declared in AppRoutes.tsx. */
export const paths = {
  home: '/',
  signUp: '/inscription',
  signIn: '/connexion',
  submit: '/proposer',
  proposal: (id: string) => `/propositions/${encodeURIComponent(id)}`,
} as const;

/** A sign-in or sign-up link that comes back to `next` afterwards. */
export const withNext = (path: string, next: string) => `${path}?next=${encodeURIComponent(next)}`;
