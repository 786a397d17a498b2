import { type Language } from './language';

/** The domain's own error codes; the API maps each to a GraphQL `extensions.code` in one table. */
export const DomainErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  SIGN_IN_REQUIRED: 'SIGN_IN_REQUIRED',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  NOT_ALLOWED: 'NOT_ALLOWED',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  PROPOSAL_NOT_FOUND: 'PROPOSAL_NOT_FOUND',
  CONSULTATION_NOT_FOUND: 'CONSULTATION_NOT_FOUND',
  THEME_NOT_FOUND: 'THEME_NOT_FOUND',
  TERRITORY_NOT_FOUND: 'TERRITORY_NOT_FOUND',
  ORGANISATION_NOT_FOUND: 'ORGANISATION_NOT_FOUND',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  OWN_ROLE_CHANGE: 'OWN_ROLE_CHANGE',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  REASON_REQUIRED: 'REASON_REQUIRED',
  PROPOSING_CLOSED: 'PROPOSING_CLOSED',
  VOTING_CLOSED: 'VOTING_CLOSED',
  PROPOSAL_CLOSED_TO_VOTES: 'PROPOSAL_CLOSED_TO_VOTES',
  PHASE_CLOSED: 'PHASE_CLOSED',
  RATE_LIMITED: 'RATE_LIMITED',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

/** One invalid field of an input, with a message a person can act on. */
export interface FieldError {
  /** Dotted path of the field in the input, e.g. `title` or `themeIds.2`. */
  field: string;
  /** Human message in the requested language. */
  message: string;
  /** Machine-readable rule, e.g. `required`, `minLength`, `format`. */
  rule: string;
}

const MESSAGES: Record<DomainErrorCode, Record<Language, string>> = {
  INVALID_INPUT: {
    fr: 'Certains champs ne sont pas valides : corrigez-les puis réessayez.',
    en: 'Some fields are not valid: correct them and try again.',
  },
  SIGN_IN_REQUIRED: {
    fr: 'Connectez-vous pour effectuer cette action.',
    en: 'Sign in to do this.',
  },
  SESSION_EXPIRED: {
    fr: 'Votre session a expiré : reconnectez-vous.',
    en: 'Your session has expired: sign in again.',
  },
  INVALID_CREDENTIALS: {
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    en: 'Incorrect e-mail address or password.',
  },
  NOT_ALLOWED: {
    fr: "Votre compte n'a pas le droit d'effectuer cette action.",
    en: 'Your account is not allowed to do this.',
  },
  EMAIL_TAKEN: {
    fr: 'Un compte existe déjà avec cette adresse e-mail : connectez-vous ou utilisez une autre adresse.',
    en: 'An account already uses this e-mail address: sign in or use another address.',
  },
  PROPOSAL_NOT_FOUND: {
    fr: "Cette proposition n'existe pas ou n'est pas publique.",
    en: 'This proposal does not exist or is not public.',
  },
  CONSULTATION_NOT_FOUND: {
    fr: "Cette consultation n'existe pas.",
    en: 'This consultation does not exist.',
  },
  THEME_NOT_FOUND: { fr: "Ce thème n'existe pas.", en: 'This theme does not exist.' },
  TERRITORY_NOT_FOUND: {
    fr: "Ce territoire n'existe pas : choisissez-le dans la liste proposée.",
    en: 'This territory does not exist: pick it from the suggested list.',
  },
  ORGANISATION_NOT_FOUND: {
    fr: "Cette organisation n'existe pas.",
    en: 'This organisation does not exist.',
  },
  NOT_A_MEMBER: {
    fr: "Vous n'êtes pas membre de cette organisation : vous ne pouvez pas publier en son nom.",
    en: 'You are not a member of this organisation: you cannot post on its behalf.',
  },
  USER_NOT_FOUND: {
    fr: "Ce compte n'existe pas.",
    en: 'This account does not exist.',
  },
  OWN_ROLE_CHANGE: {
    fr: 'Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.',
    en: 'You cannot change your own role: ask another administrator.',
  },
  ILLEGAL_TRANSITION: {
    fr: "Ce changement de statut n'est pas possible depuis le statut actuel.",
    en: 'This status change is not possible from the current status.',
  },
  REASON_REQUIRED: {
    fr: 'Indiquez un motif pour ce changement de statut.',
    en: 'Give a reason for this status change.',
  },
  PROPOSING_CLOSED: {
    fr: "Le dépôt de propositions n'est pas ouvert pour cette consultation.",
    en: 'This consultation is not accepting proposals at the moment.',
  },
  VOTING_CLOSED: {
    fr: "Le vote n'est pas ouvert pour cette consultation.",
    en: 'Voting is not open for this consultation.',
  },
  PROPOSAL_CLOSED_TO_VOTES: {
    fr: 'Cette proposition ne reçoit plus de votes : elle a déjà reçu une réponse ou a été retirée.',
    en: 'This proposal no longer takes votes: it has been answered or withdrawn.',
  },
  PHASE_CLOSED: {
    fr: "Cette étape de la consultation n'est pas ouverte.",
    en: 'This step of the consultation is not open.',
  },
  RATE_LIMITED: {
    fr: 'Trop de tentatives : patientez un instant puis réessayez.',
    en: 'Too many attempts: wait a moment and try again.',
  },
};

/** The human message for a domain error code, in the given language. */
export function errorMessage(code: DomainErrorCode, lang: Language): string {
  return MESSAGES[code][lang];
}

/** An expected failure of a domain rule. Anything else reaching the API is a bug. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly fields?: FieldError[],
    lang: Language = 'fr',
  ) {
    super(errorMessage(code, lang));
    this.name = 'DomainError';
  }
}
