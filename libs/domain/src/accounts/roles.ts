import { z } from 'zod';
import { assertCan, type Actor } from '../permissions/can';
import { Role, membersOf } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { id } from '../shared/schemas';

export const changeUserRoleInputSchema = z.strictObject({
  userId: id(),
  role: z.enum(membersOf(Role)),
});
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleInputSchema>;

/**
 * Only administrators change roles, and never their own: an administrator cannot lock the
 * platform out of its last administrator by mistake.
 */
export function assertCanChangeRole(actor: Actor, targetUserId: string): void {
  assertCan(actor, 'user.manageRoles');
  if (actor?.id === targetUserId) throw new DomainError(DomainErrorCode.OWN_ROLE_CHANGE);
}
