/** The app's URLs, in French: the site is French first. Routes are declared in AppRoutes.tsx. */
export const paths = {
  home: '/',
  signUp: '/inscription',
  signIn: '/connexion',
  submit: '/proposer',
  proposals: '/propositions',
  proposal: (id: string) => `/propositions/${encodeURIComponent(id)}`,
  editProposal: (id: string) => `/propositions/${encodeURIComponent(id)}/modifier`,
  territory: (id: string) => `/territoires/${encodeURIComponent(id)}`,
  organisation: (id: string) => `/organisations/${encodeURIComponent(id)}`,
  newOrganisation: '/organisations/nouvelle',
  experiments: '/experiences',
  newExperiment: '/experiences/nouvelle',
  experiment: (id: string) => `/experiences/${encodeURIComponent(id)}`,
  editExperiment: (id: string) => `/experiences/${encodeURIComponent(id)}/modifier`,
  profile: '/profil',
  privacy: '/confidentialite',
  moderation: '/moderation',
  admin: '/admin',
  adminConsultations: '/admin/consultations',
  newConsultation: '/admin/consultations/nouvelle',
  editConsultation: (slug: string) => `/admin/consultations/${encodeURIComponent(slug)}/modifier`,
  adminUsers: '/admin/utilisateurs',
  adminSecurity: '/admin/securite',
  notifications: '/notifications',
  cluster: (id: string) => `/regroupements/${encodeURIComponent(id)}`,
  curation: '/curation',
  curationBrief: (id: string) => `/curation/${encodeURIComponent(id)}`,
  briefs: '/contributions',
  brief: (slug: string) => `/contributions/${encodeURIComponent(slug)}`,
  briefVersion: (slug: string, number: number) =>
    `/contributions/${encodeURIComponent(slug)}/versions/${number}`,
} as const;

/** A sign-in or sign-up link that comes back to `next` afterwards. */
export const withNext = (path: string, next: string) => `${path}?next=${encodeURIComponent(next)}`;
