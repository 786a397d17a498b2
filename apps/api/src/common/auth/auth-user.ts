import { type Role } from '@passerelle/domain';
import { type SuspensionRecord } from '../../modules/users/users.repository';

/** The signed-in account carried by a valid access token. */
export interface AuthUser {
  id: string;
  role: Role;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId?: string;
  /**
   * The account's suspension as read with the session, for this request only (SuspensionGuard
   * then needs no statement of its own); absent when the account came another way.
   */
  suspension?: SuspensionRecord;
}

/** Cookie holding the access token (JWT), sent on every same-origin request. */
export const ACCESS_COOKIE = 'passerelle_at';
/** Cookie holding the opaque refresh token, only sent to /graphql. */
export const REFRESH_COOKIE = 'passerelle_rt';
