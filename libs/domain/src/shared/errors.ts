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
  STALE_VERSION: 'STALE_VERSION',
  PROPOSAL_NOT_EDITABLE: 'PROPOSAL_NOT_EDITABLE',
  COMMENTING_CLOSED: 'COMMENTING_CLOSED',
  COMMENT_NOT_FOUND: 'COMMENT_NOT_FOUND',
  COMMENT_DELETED: 'COMMENT_DELETED',
  OWN_COMMENT_UPVOTE: 'OWN_COMMENT_UPVOTE',
  RATE_LIMITED: 'RATE_LIMITED',
  SLUG_TAKEN: 'SLUG_TAKEN',
  INVALID_SIRET: 'INVALID_SIRET',
  SIRET_TAKEN: 'SIRET_TAKEN',
  INVITATION_NOT_FOUND: 'INVITATION_NOT_FOUND',
  INVITATION_ALREADY_ANSWERED: 'INVITATION_ALREADY_ANSWERED',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  LAST_MANAGER: 'LAST_MANAGER',
  NOT_A_MANAGER: 'NOT_A_MANAGER',
  ALREADY_REPORTED: 'ALREADY_REPORTED',
  OWN_CONTENT_REPORT: 'OWN_CONTENT_REPORT',
  ACCOUNT_SUSPENDED: 'ACCOUNT_SUSPENDED',
  OWN_ACCOUNT_SUSPENSION: 'OWN_ACCOUNT_SUSPENSION',
  NOT_SUSPENDED: 'NOT_SUSPENDED',
  CLUSTER_NOT_FOUND: 'CLUSTER_NOT_FOUND',
  ALREADY_IN_CLUSTER: 'ALREADY_IN_CLUSTER',
  CLUSTER_CONSULTATION_MISMATCH: 'CLUSTER_CONSULTATION_MISMATCH',
  MERGE_ALREADY_UNDONE: 'MERGE_ALREADY_UNDONE',
  VOTE_NOT_MOVABLE: 'VOTE_NOT_MOVABLE',
  VOTE_VALUE_NOT_OFFERED: 'VOTE_VALUE_NOT_OFFERED',
  NOTIFICATION_NOT_FOUND: 'NOTIFICATION_NOT_FOUND',
  BRIEF_NOT_FOUND: 'BRIEF_NOT_FOUND',
  BRIEF_STALE: 'BRIEF_STALE',
  BRIEF_SLUG_TAKEN: 'BRIEF_SLUG_TAKEN',
  QUOTE_NOT_IN_SOURCE: 'QUOTE_NOT_IN_SOURCE',
  CITATION_SOURCE_INVALID: 'CITATION_SOURCE_INVALID',
  SOURCE_MARKER_INVALID: 'SOURCE_MARKER_INVALID',
  UNSOURCED_PARAGRAPH: 'UNSOURCED_PARAGRAPH',
  BRIEF_VERSION_NOT_FOUND: 'BRIEF_VERSION_NOT_FOUND',
  BRIEF_EXPORT_FORMAT_INVALID: 'BRIEF_EXPORT_FORMAT_INVALID',
  TOKEN_INVALID: 'TOKEN_INVALID',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  TOKEN_USED: 'TOKEN_USED',
  PASSWORD_INCORRECT: 'PASSWORD_INCORRECT',
  LAST_ADMIN: 'LAST_ADMIN',
  OIDC_UNAVAILABLE: 'OIDC_UNAVAILABLE',
  OIDC_SIGN_IN_FAILED: 'OIDC_SIGN_IN_FAILED',
  OIDC_EMAIL_UNVERIFIED: 'OIDC_EMAIL_UNVERIFIED',
  OIDC_TERMS_REQUIRED: 'OIDC_TERMS_REQUIRED',
  EXPERIMENT_NOT_FOUND: 'EXPERIMENT_NOT_FOUND',
  INDICATOR_NOT_FOUND: 'INDICATOR_NOT_FOUND',
  MEASUREMENT_NOT_FOUND: 'MEASUREMENT_NOT_FOUND',
  NOT_AN_EXPERIMENT_MEMBER: 'NOT_AN_EXPERIMENT_MEMBER',
  OWN_FIGURE_CHECK: 'OWN_FIGURE_CHECK',
  AMENDMENT_NOT_FOUND: 'AMENDMENT_NOT_FOUND',
  AMENDMENT_OUTDATED: 'AMENDMENT_OUTDATED',
  AMENDMENT_CLOSED: 'AMENDMENT_CLOSED',
  AMENDMENT_HIDDEN: 'AMENDMENT_HIDDEN',
  AMENDING_CLOSED: 'AMENDING_CLOSED',
  AMENDMENT_UNCHANGED: 'AMENDMENT_UNCHANGED',
  OWN_PROPOSAL_AMENDMENT: 'OWN_PROPOSAL_AMENDMENT',
  OWN_AMENDMENT_VOTE: 'OWN_AMENDMENT_VOTE',
  DECISION_REASON_REQUIRED: 'DECISION_REASON_REQUIRED',
  COAUTHOR_ALREADY: 'COAUTHOR_ALREADY',
  COAUTHOR_INVITATION_NOT_FOUND: 'COAUTHOR_INVITATION_NOT_FOUND',
  COAUTHOR_LIMIT: 'COAUTHOR_LIMIT',
  COAUTHOR_NOT_FOUND: 'COAUTHOR_NOT_FOUND',
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
  COMMENTING_CLOSED: {
    fr: 'Cette consultation est close : elle ne reçoit plus de commentaires.',
    en: 'This consultation is closed: it no longer takes comments.',
  },
  COMMENT_NOT_FOUND: {
    fr: "Ce commentaire n'existe pas.",
    en: 'This comment does not exist.',
  },
  COMMENT_DELETED: {
    fr: 'Ce commentaire a été supprimé.',
    en: 'This comment has been deleted.',
  },
  OWN_COMMENT_UPVOTE: {
    fr: 'Vous ne pouvez pas soutenir votre propre commentaire.',
    en: 'You cannot upvote your own comment.',
  },
  STALE_VERSION: {
    fr: 'Cette proposition a été modifiée entre-temps : rechargez-la, puis reportez vos changements.',
    en: 'This proposal has been changed in the meantime: reload it, then apply your changes again.',
  },
  PROPOSAL_NOT_EDITABLE: {
    fr: 'Cette proposition ne peut plus être modifiée : elle est en cours d’examen, a reçu une réponse ou a été retirée.',
    en: 'This proposal can no longer be edited: it is under review, has been answered or has been withdrawn.',
  },
  SLUG_TAKEN: {
    fr: 'Une consultation utilise déjà cette adresse courte (slug) : choisissez-en une autre.',
    en: 'A consultation already uses this short address (slug): choose another one.',
  },
  RATE_LIMITED: {
    fr: 'Trop de tentatives : patientez un instant puis réessayez.',
    en: 'Too many attempts: wait a moment and try again.',
  },
  INVALID_SIRET: {
    fr: 'Ce numéro SIRET n’est pas valide : vérifiez ses 14 chiffres.',
    en: 'This SIRET number is not valid: check its 14 digits.',
  },
  SIRET_TAKEN: {
    fr: 'Une organisation existe déjà avec ce numéro SIRET : demandez à ses responsables de vous inviter.',
    en: 'An organisation already has this SIRET number: ask its managers to invite you.',
  },
  INVITATION_NOT_FOUND: {
    fr: "Cette invitation n'existe pas.",
    en: 'This invitation does not exist.',
  },
  INVITATION_ALREADY_ANSWERED: {
    fr: 'Vous avez déjà répondu à cette invitation, ou elle a été annulée.',
    en: 'This invitation has already been answered or was withdrawn.',
  },
  ALREADY_MEMBER: {
    fr: 'Cette personne est déjà membre de l’organisation.',
    en: 'This person is already a member of the organisation.',
  },
  LAST_MANAGER: {
    fr: 'Une organisation garde au moins un responsable : nommez-en un autre avant de partir.',
    en: 'An organisation keeps at least one manager: appoint another one before leaving.',
  },
  NOT_A_MANAGER: {
    fr: 'Seuls les responsables de l’organisation peuvent faire cela.',
    en: 'Only the managers of the organisation can do this.',
  },
  ALREADY_REPORTED: {
    fr: 'Vous avez déjà signalé ce contenu : les modérateurs vont l’examiner.',
    en: 'You have already reported this content: the moderators will review it.',
  },
  OWN_CONTENT_REPORT: {
    fr: 'Vous ne pouvez pas signaler votre propre contenu ni votre propre compte.',
    en: 'You cannot report your own content or your own account.',
  },
  ACCOUNT_SUSPENDED: {
    fr: 'Votre compte est suspendu : vous pouvez lire la plateforme mais pas y contribuer. Le motif et la durée sont dans vos notifications.',
    en: 'Your account is suspended: you can read the platform but not contribute. The reason and duration are in your notifications.',
  },
  OWN_ACCOUNT_SUSPENSION: {
    fr: 'Vous ne pouvez pas suspendre votre propre compte.',
    en: 'You cannot suspend your own account.',
  },
  NOT_SUSPENDED: {
    fr: "Ce compte n'est pas suspendu : il n'y a rien à lever.",
    en: 'This account is not suspended: there is nothing to lift.',
  },
  CLUSTER_NOT_FOUND: {
    fr: "Ce regroupement de doublons n'existe pas.",
    en: 'This duplicate cluster does not exist.',
  },
  ALREADY_IN_CLUSTER: {
    fr: "Une de ces propositions fait déjà partie d'un autre regroupement : annulez d'abord cette fusion.",
    en: 'One of these proposals already belongs to another cluster: undo that merge first.',
  },
  CLUSTER_CONSULTATION_MISMATCH: {
    fr: "Seules des propositions d'une même consultation peuvent être regroupées.",
    en: 'Only proposals of the same consultation can be merged.',
  },
  MERGE_ALREADY_UNDONE: {
    fr: 'Cette fusion a déjà été annulée.',
    en: 'This merge has already been undone.',
  },
  VOTE_NOT_MOVABLE: {
    fr: "Un vote ne peut être déplacé que d'une proposition fusionnée vers une proposition de son regroupement.",
    en: 'A vote can only be moved from a merged proposal to a proposal of its cluster.',
  },
  VOTE_VALUE_NOT_OFFERED: {
    fr: "Cette consultation ne propose pas ce choix de vote : choisissez l'un de ceux affichés.",
    en: 'This consultation does not offer this vote choice: pick one of those shown.',
  },
  NOTIFICATION_NOT_FOUND: {
    fr: "Cette notification n'existe pas.",
    en: 'This notification does not exist.',
  },
  BRIEF_NOT_FOUND: {
    fr: "Cette contribution nationale n'existe pas ou n'est pas encore publiée.",
    en: 'This national contribution does not exist or is not published yet.',
  },
  BRIEF_STALE: {
    fr: 'Un autre membre de l’équipe a modifié cette contribution entre-temps : votre texte est conservé ; rechargez la dernière version puis reportez vos changements.',
    en: 'Another team member changed this contribution in the meantime: your text is kept; reload the latest version, then apply your changes again.',
  },
  BRIEF_SLUG_TAKEN: {
    fr: 'Une contribution utilise déjà cette adresse courte (slug) : choisissez-en une autre.',
    en: 'A contribution already uses this short address (slug): choose another one.',
  },
  QUOTE_NOT_IN_SOURCE: {
    fr: 'Cet extrait ne figure pas mot pour mot dans la source citée : copiez-le exactement depuis la proposition ou le commentaire.',
    en: 'This extract is not word for word in the cited source: copy it exactly from the proposal or comment.',
  },
  CITATION_SOURCE_INVALID: {
    fr: 'Cette source ne peut pas être citée : elle doit être publique et appartenir à une consultation de la contribution.',
    en: 'This source cannot be cited: it must be public and belong to one of the contribution’s consultations.',
  },
  SOURCE_MARKER_INVALID: {
    fr: 'Un renvoi [n] de la synthèse ne correspond à aucune source de la section : numérotez-les de 1 au nombre de sources citées.',
    en: 'A [n] reference in the synthesis matches no source of the section: number them from 1 to the number of cited sources.',
  },
  UNSOURCED_PARAGRAPH: {
    fr: 'Un paragraphe de synthèse ne renvoie à aucune source : ajoutez au moins un renvoi [n] vers une source citée avant de soumettre ou publier.',
    en: 'A synthesis paragraph links to no source: add at least one [n] reference to a cited source before submitting or publishing.',
  },
  BRIEF_VERSION_NOT_FOUND: {
    fr: "Cette version de la contribution n'existe pas : choisissez une version publiée.",
    en: 'This version of the contribution does not exist: choose a published version.',
  },
  BRIEF_EXPORT_FORMAT_INVALID: {
    fr: 'Format d’export inconnu : choisissez md (Markdown), pdf ou docx (Word).',
    en: 'Unknown export format: choose md (Markdown), pdf or docx (Word).',
  },
  TOKEN_INVALID: {
    fr: 'Ce lien n’est pas valide : vérifiez qu’il a été copié en entier, ou demandez-en un nouveau.',
    en: 'This link is not valid: check that it was copied in full, or ask for a new one.',
  },
  TOKEN_EXPIRED: {
    fr: 'Ce lien a expiré : demandez-en un nouveau.',
    en: 'This link has expired: ask for a new one.',
  },
  TOKEN_USED: {
    fr: 'Ce lien a déjà servi : il ne fonctionne qu’une fois. Demandez-en un nouveau si besoin.',
    en: 'This link has already been used: it only works once. Ask for a new one if needed.',
  },
  PASSWORD_INCORRECT: {
    fr: 'Mot de passe actuel incorrect : saisissez celui avec lequel vous vous connectez.',
    en: 'Current password is incorrect: type the one you sign in with.',
  },
  LAST_ADMIN: {
    fr: 'Vous êtes le dernier compte administrateur : nommez d’abord un autre administrateur.',
    en: 'You are the last administrator account: appoint another administrator first.',
  },
  OIDC_UNAVAILABLE: {
    fr: 'La connexion par un fournisseur d’identité n’est pas disponible sur cette plateforme.',
    en: 'Signing in through an identity provider is not available on this platform.',
  },
  OIDC_SIGN_IN_FAILED: {
    fr: 'La connexion par le fournisseur d’identité a échoué ou a expiré : recommencez depuis la page de connexion.',
    en: 'Signing in through the identity provider failed or expired: start again from the sign-in page.',
  },
  OIDC_EMAIL_UNVERIFIED: {
    fr: 'Le fournisseur d’identité ne garantit pas votre adresse e-mail : connectez-vous avec votre mot de passe, ou faites vérifier l’adresse chez le fournisseur.',
    en: 'The identity provider does not vouch for your e-mail address: sign in with your password, or have the address verified by the provider.',
  },
  OIDC_TERMS_REQUIRED: {
    fr: 'Aucun compte n’existe encore pour cette identité : acceptez les conditions d’utilisation ci-dessous, puis reprenez la connexion avec votre fournisseur d’identité.',
    en: 'No account exists yet for this identity: accept the terms of use below, then sign in with your identity provider again.',
  },
  EXPERIMENT_NOT_FOUND: {
    fr: 'Cette expérimentation n’existe pas ou a été retirée du registre.',
    en: 'This experiment does not exist or was removed from the registry.',
  },
  INDICATOR_NOT_FOUND: {
    fr: 'Cet indicateur n’existe pas ou a été supprimé : rechargez la page de l’expérimentation.',
    en: 'This indicator does not exist or was deleted: reload the experiment’s page.',
  },
  MEASUREMENT_NOT_FOUND: {
    fr: 'Cette mesure n’existe pas ou a été supprimée : rechargez la page de l’expérimentation.',
    en: 'This measurement does not exist or was deleted: reload the experiment’s page.',
  },
  NOT_AN_EXPERIMENT_MEMBER: {
    fr: 'Seuls les membres de l’organisation qui porte cette expérimentation peuvent la modifier ou y ajouter des mesures.',
    en: 'Only members of the organisation carrying this experiment can change it or add measurements.',
  },
  OWN_FIGURE_CHECK: {
    fr: 'Vous êtes membre de l’organisation qui porte cette expérimentation : un autre modérateur doit vérifier ses chiffres.',
    en: 'You are a member of the organisation carrying this experiment: another moderator must check its figures.',
  },
  AMENDMENT_NOT_FOUND: {
    fr: "Cet amendement n'existe pas ou n'est pas public.",
    en: 'This amendment does not exist or is not public.',
  },
  AMENDMENT_OUTDATED: {
    fr: 'La proposition a été modifiée depuis que cet amendement a été écrit : son auteur ou son autrice doit le mettre à jour sur la dernière version avant qu’il puisse être accepté.',
    en: 'The proposal has changed since this amendment was written: its author must update it to the latest version before it can be accepted.',
  },
  AMENDING_CLOSED: {
    fr: 'Cette consultation ne reçoit plus d’amendements ni de votes sur les amendements : ses étapes de dépôt et de vote sont terminées.',
    en: 'This consultation no longer takes amendments or votes on them: its proposing and voting steps are over.',
  },
  AMENDMENT_CLOSED: {
    fr: 'Cet amendement ne peut plus changer : il a déjà été accepté, rejeté ou retiré, ou la proposition n’est plus ouverte aux amendements.',
    en: 'This amendment can no longer change: it was already accepted, rejected or withdrawn, or the proposal no longer takes amendments.',
  },
  AMENDMENT_HIDDEN: {
    fr: 'Cet amendement est masqué par la modération : il ne peut être ni voté ni décidé tant qu’un modérateur ne l’a pas rétabli.',
    en: 'This amendment is hidden by moderation: it can be neither voted on nor decided until a moderator restores it.',
  },
  AMENDMENT_UNCHANGED: {
    fr: 'Votre amendement ne change rien au texte actuel : modifiez le titre, le résumé ou le texte.',
    en: 'Your amendment changes nothing in the current text: change the title, the summary or the body.',
  },
  OWN_PROPOSAL_AMENDMENT: {
    fr: 'Vous êtes auteur ou autrice de cette proposition : modifiez-la directement plutôt que de l’amender.',
    en: 'You are an author of this proposal: edit it directly instead of amending it.',
  },
  OWN_AMENDMENT_VOTE: {
    fr: 'Vous ne pouvez pas voter sur votre propre amendement.',
    en: 'You cannot vote on your own amendment.',
  },
  DECISION_REASON_REQUIRED: {
    fr: 'Vous décidez à la place de l’auteur ou de l’autrice de la proposition : indiquez le motif de votre décision.',
    en: 'You are deciding instead of the proposal’s author: give the reason for your decision.',
  },
  COAUTHOR_ALREADY: {
    fr: 'Cette personne est déjà co-autrice de la proposition ou déjà invitée.',
    en: 'This person already co-authors the proposal or has already been invited.',
  },
  COAUTHOR_INVITATION_NOT_FOUND: {
    fr: 'Aucune invitation en attente ne vous attend pour cette proposition.',
    en: 'There is no pending invitation for you on this proposal.',
  },
  COAUTHOR_LIMIT: {
    fr: 'Une proposition compte au plus 10 co-auteurs et co-autrices, invitations comprises.',
    en: 'A proposal has at most 10 co-authors, invitations included.',
  },
  COAUTHOR_NOT_FOUND: {
    fr: 'Cette personne n’est pas co-autrice de la proposition.',
    en: 'This person is not a co-author of the proposal.',
  },
};

/** Values a message may quote, e.g. `{retryAfterSeconds}`; they also travel in `extensions`. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** More precise messages used when the error carries every value they quote. */
const MESSAGES_WITH_PARAMS: Partial<Record<DomainErrorCode, Record<Language, string>>> = {
  RATE_LIMITED: {
    fr: 'Trop de tentatives : réessayez dans {retryAfterSeconds} s.',
    en: 'Too many attempts: try again in {retryAfterSeconds} s.',
  },
  ACCOUNT_SUSPENDED: {
    fr: 'Votre compte est suspendu jusqu’au {suspendedUntil} : vous pouvez lire la plateforme mais pas y contribuer. Le motif est dans vos notifications.',
    en: 'Your account is suspended until {suspendedUntil}: you can read the platform but not contribute. The reason is in your notifications.',
  },
  SOURCE_MARKER_INVALID: {
    fr: 'Le renvoi [{marker}] de la section « {section} » ne correspond à aucune source : cette section cite {count} source(s), numérotées de 1 à {count}.',
    en: 'Reference [{marker}] in section “{section}” matches no source: this section cites {count} source(s), numbered 1 to {count}.',
  },
  BRIEF_EXPORT_FORMAT_INVALID: {
    fr: 'Format d’export inconnu « {format} » : choisissez md (Markdown), pdf ou docx (Word).',
    en: 'Unknown export format “{format}”: choose md (Markdown), pdf or docx (Word).',
  },
  UNSOURCED_PARAGRAPH: {
    fr: 'Le paragraphe {paragraph} de la section « {section} » ne renvoie à aucune source : ajoutez un renvoi [n] vers une source citée.',
    en: 'Paragraph {paragraph} of section “{section}” links to no source: add an [n] reference to a cited source.',
  },
};

/**
 * The human message for a domain error code, in the given language. When `params` holds every
 * value of the code's precise message, that message is used with its `{name}` placeholders filled.
 */
export function errorMessage(code: DomainErrorCode, lang: Language, params?: ErrorParams): string {
  const precise = MESSAGES_WITH_PARAMS[code]?.[lang];
  if (precise && params) {
    const names = [...precise.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    if (names.every((name) => params[name] !== undefined)) {
      return precise.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
    }
  }
  return MESSAGES[code][lang];
}

/** An expected failure of a domain rule. Anything else reaching the API is a bug. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly fields?: FieldError[],
    lang: Language = 'fr',
    /** Values for the message's placeholders, also sent to clients in `extensions`. */
    readonly params?: ErrorParams,
  ) {
    super(errorMessage(code, lang, params));
    this.name = 'DomainError';
  }
}
