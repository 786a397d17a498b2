import { fieldErrors, validateInput } from '../shared/validation';
import {
  changePasswordInputSchema,
  normaliseEmail,
  signInInputSchema,
  signUpInputSchema,
} from './accounts.schemas';

const valid = {
  email: '  Camille.Durand@Exemple.FR ',
  password: 'une-phrase-longue',
  displayName: ' Camille Durand ',
  actorType: 'ESS_ENTERPRISE',
  territoryId: 'COMMUNE-69123',
  acceptTerms: true,
};

describe('normaliseEmail', () => {
  it('trims, composes and lower-cases', () => {
    expect(normaliseEmail('  Élodie@Exemple.FR ')).toBe('élodie@exemple.fr');
    expect(normaliseEmail('E\u0301lodie@exemple.fr')).toBe(normaliseEmail('Élodie@exemple.fr'));
  });
});

describe('signUpInputSchema', () => {
  it('accepts and normalises a valid sign-up', () => {
    expect(validateInput(signUpInputSchema, valid)).toEqual({
      ...valid,
      email: 'camille.durand@exemple.fr',
      displayName: 'Camille Durand',
    });
  });

  it.each([
    ['email', '', 'required'],
    ['email', 'camille@', 'email'],
    ['email', `${'a'.repeat(250)}@x.fr`, 'maxLength'],
    ['password', 'court', 'minLength'],
    ['password', 'x'.repeat(129), 'maxLength'],
    ['displayName', 'C', 'minLength'],
    ['displayName', 'x'.repeat(61), 'maxLength'],
    ['actorType', 'ROBOT', 'oneOf'],
    ['territoryId', '75056', 'territory'],
    ['territoryId', undefined, 'required'],
  ])('rejects %s = %p with rule %s', (field, value, rule) => {
    expect(fieldErrors(signUpInputSchema, { ...valid, [field]: value })).toEqual([
      expect.objectContaining({ field, rule }),
    ]);
  });

  it('requires consent to the terms', () => {
    expect(fieldErrors(signUpInputSchema, { ...valid, acceptTerms: false })).toEqual([
      expect.objectContaining({
        field: 'acceptTerms',
        rule: 'acceptTerms',
        message: expect.stringContaining('conditions d’utilisation'),
      }),
    ]);
    expect(fieldErrors(signUpInputSchema, { ...valid, acceptTerms: undefined }, 'en')).toEqual([
      expect.objectContaining({ field: 'acceptTerms', rule: 'required' }),
    ]);
    expect(fieldErrors(signUpInputSchema, { ...valid, acceptTerms: false }, 'en')[0]?.message).toBe(
      'To create an account, accept the terms of use and the privacy policy.',
    );
  });

  it('rejects unknown fields such as a self-assigned role', () => {
    expect(fieldErrors(signUpInputSchema, { ...valid, role: 'ADMIN' })).toEqual([
      expect.objectContaining({ rule: 'unknownField', message: 'Champ inconnu : role.' }),
    ]);
  });
});

describe('signInInputSchema', () => {
  it('normalises the e-mail and requires a password', () => {
    expect(validateInput(signInInputSchema, { email: 'A@B.FR', password: 'x' })).toEqual({
      email: 'a@b.fr',
      password: 'x',
    });
    expect(fieldErrors(signInInputSchema, { email: 'a@b.fr', password: '' })).toEqual([
      expect.objectContaining({ field: 'password', rule: 'required' }),
    ]);
  });
});

describe('changePasswordInputSchema', () => {
  it('accepts a new password that follows the sign-up rules', () => {
    const input = { currentPassword: 'x', newPassword: 'une-autre-phrase' };
    expect(validateInput(changePasswordInputSchema, input)).toEqual(input);
  });

  it.each([
    [{ currentPassword: '', newPassword: 'une-autre-phrase' }, 'currentPassword'],
    [{ currentPassword: 'x', newPassword: 'court' }, 'newPassword'],
    [{ currentPassword: 'x', newPassword: 'x'.repeat(129) }, 'newPassword'],
  ])('refuses %j (field %s)', (input, field) => {
    expect(fieldErrors(changePasswordInputSchema, input)).toEqual([
      expect.objectContaining({ field }),
    ]);
  });
});
