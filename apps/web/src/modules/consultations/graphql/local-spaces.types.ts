/** Local spaces (issue 10): what the web reads of a consultation's scope. */
export type ConsultationScope = 'NATIONAL' | 'LOCAL';

export interface ConsultationScopeFields {
  scope: ConsultationScope;
  territory: { __typename?: 'Territory'; id: string; name: string } | null;
  organisation: { __typename?: 'Organisation'; id: string; name: string } | null;
}

/** A local moderator, as the public view of their account (no e-mail). */
export interface LocalModerator {
  __typename?: 'Participant';
  id: string;
  displayName: string;
}
