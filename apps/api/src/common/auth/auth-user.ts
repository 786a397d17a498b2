import { type Role } from '@passerelle/domain';

/** The signed-in account carried by a valid access token. */
export interface AuthUser {
  id: string;
  role: Role;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId?: string;
}

/** Cookie holding the access token (JWT), sent on every same-origin request. */
export const ACCESS_COOKIE = 'passerelle_at';
/** Cookie holding the opaque refresh token, only sent to /graphql. */
export const REFRESH_COOKIE = 'passerelle_rt';
