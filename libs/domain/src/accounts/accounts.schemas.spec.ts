import { fieldErrors, validateInput } from '../shared/validation';
import { normaliseEmail, signInInputSchema, signUpInputSchema } from './accounts.schemas';

const valid = {
  email: '  Camille.Durand@Exemple.FR ',
  password: 'une-phrase-longue',
  displayName: ' Camille Durand ',
  actorType: 'ESS_ENTERPRISE',
  territoryId: 'COMMUNE-69123',
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
