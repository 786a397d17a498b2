import { fieldErrors } from '../shared/validation';
import { assertCanChangeRole, changeUserRoleInputSchema } from './roles';

const userId = '00000000-0000-4000-8000-000000000001';

describe('changing roles', () => {
  it('is for administrators, on other accounts only', () => {
    expect(() => assertCanChangeRole({ id: 'admin', role: 'ADMIN' }, userId)).not.toThrow();
    expect(() => assertCanChangeRole({ id: userId, role: 'ADMIN' }, userId)).toThrow(
      expect.objectContaining({ code: 'OWN_ROLE_CHANGE' }),
    );
    expect(() => assertCanChangeRole({ id: 'mod', role: 'MODERATOR' }, userId)).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED' }),
    );
    expect(() => assertCanChangeRole(null, userId)).toThrow(
      expect.objectContaining({ code: 'SIGN_IN_REQUIRED' }),
    );
  });

  it('validates the input', () => {
    expect(fieldErrors(changeUserRoleInputSchema, { userId, role: 'CURATOR' })).toEqual([]);
    expect(fieldErrors(changeUserRoleInputSchema, { userId: 'x', role: 'KING' })).toEqual([
      expect.objectContaining({ field: 'userId', rule: 'id' }),
      expect.objectContaining({ field: 'role', rule: 'oneOf' }),
    ]);
  });
});
