import { z } from 'zod';
import { DomainError } from './errors';
import { territoryId } from './schemas';
import { fieldErrors, validateInput } from './validation';

const schema = z.strictObject({
  name: z.string().trim().min(3).max(5),
  tags: z.array(z.string()).min(2).max(3),
  mail: z.email().optional(),
  kind: z.enum(['A', 'B']).optional(),
  id: z.guid().optional(),
  flag: z.boolean().optional(),
  even: z
    .number()
    .refine((n) => n % 2 === 0)
    .optional(),
  odd: z
    .number()
    .refine((n) => n % 2 === 1, { params: { rule: 'unique' } })
    .optional(),
  nested: z.object({ deep: z.string() }).optional(),
  big: z.number().max(3).optional(),
  small: z.number().min(1).optional(),
  when: z.date().optional(),
  pair: z.number().multipleOf(2).optional(),
  place: territoryId().optional(),
});

const valid = { name: 'abcd', tags: ['a', 'b'] };

describe('fieldErrors', () => {
  it('returns nothing for a valid input', () => {
    expect(fieldErrors(schema, valid)).toEqual([]);
  });

  it.each([
    [{ ...valid, name: undefined }, 'name', 'required', 'Ce champ est obligatoire.'],
    [{ ...valid, name: '   ' }, 'name', 'required', 'Ce champ est obligatoire.'],
    [{ ...valid, name: 'ab' }, 'name', 'minLength', 'Saisissez au moins 3 caractères.'],
    [{ ...valid, name: 'abcdef' }, 'name', 'maxLength', 'Saisissez au plus 5 caractères.'],
    [{ ...valid, tags: ['a'] }, 'tags', 'minItems', 'Choisissez au moins 2 éléments.'],
    [
      { ...valid, tags: ['a', 'b', 'c', 'd'] },
      'tags',
      'maxItems',
      'Choisissez au plus 3 éléments.',
    ],
    [
      { ...valid, mail: 'nope' },
      'mail',
      'email',
      'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    ],
    [{ ...valid, kind: 'C' }, 'kind', 'oneOf', 'Choisissez une valeur parmi : A, B.'],
    [{ ...valid, kind: '' }, 'kind', 'required', 'Ce champ est obligatoire.'],
    [{ ...valid, kind: null }, 'kind', 'required', 'Ce champ est obligatoire.'],
    [
      { ...valid, id: 'x' },
      'id',
      'id',
      'Identifiant invalide : choisissez un élément dans la liste proposée.',
    ],
    [{ ...valid, flag: 'yes' }, 'flag', 'invalid', 'Valeur invalide.'],
    [{ ...valid, even: 3 }, 'even', 'invalid', 'Valeur invalide.'],
    [{ ...valid, odd: 2 }, 'odd', 'unique', 'Chaque élément ne peut être choisi qu’une fois.'],
    [{ ...valid, nested: 'flat' }, 'nested', 'invalid', 'Valeur invalide.'],
    [{ ...valid, big: 4 }, 'big', 'maxValue', 'Saisissez une valeur d’au plus 3.'],
    [{ ...valid, small: 0 }, 'small', 'minValue', 'Saisissez une valeur d’au moins 1.'],
    [{ ...valid, extra: 1 }, '', 'unknownField', 'Champ inconnu : extra.'],
  ])('reports %p as %s / %s', (input, field, rule, message) => {
    expect(fieldErrors(schema, input)).toEqual([{ field, rule, message }]);
  });

  it('falls back to a generic message for issues it does not describe', () => {
    expect(fieldErrors(schema, { ...valid, when: new Date('invalid') })).toEqual([
      { field: 'when', rule: 'invalid', message: 'Valeur invalide.' },
    ]);
    expect(fieldErrors(schema, { ...valid, pair: 3 })).toEqual([
      { field: 'pair', rule: 'invalid', message: 'Valeur invalide.' },
    ]);
  });

  it('reports the first failed rule of a field only, and a generic message for an unknown rule', () => {
    const strict = z.object({
      code: z
        .string()
        .min(3)
        .regex(/^[A-Z]+$/),
      other: z.string().refine(() => false, { params: { rule: 'mystery' } }),
    });
    expect(fieldErrors(strict, { code: 'a', other: 'x' })).toEqual([
      { field: 'code', rule: 'minLength', message: 'Saisissez au moins 3 caractères.' },
      { field: 'other', rule: 'mystery', message: 'Valeur invalide.' },
    ]);
  });

  it('uses singular wording for one item and reports nested paths', () => {
    const one = z.object({
      list: z.array(z.string()).min(1),
      nested: z.object({ deep: z.string().min(2) }),
    });
    expect(fieldErrors(one, { list: [], nested: { deep: 'x' } }, 'en')).toEqual([
      { field: 'list', rule: 'minItems', message: 'Choose at least 1 item.' },
      { field: 'nested.deep', rule: 'minLength', message: 'Enter at least 2 characters.' },
    ]);
  });

  it('gives one message per field, in English when asked', () => {
    const errors = fieldErrors(schema, { name: 'ab', tags: ['a', 'b', 'c', 'd'] }, 'en');
    expect(errors).toEqual([
      { field: 'name', rule: 'minLength', message: 'Enter at least 3 characters.' },
      { field: 'tags', rule: 'maxItems', message: 'Choose at most 3 items.' },
    ]);
  });

  it('reports every field of a non-object input as required', () => {
    expect(fieldErrors(schema, null)).toEqual([
      { field: '', rule: 'required', message: 'Ce champ est obligatoire.' },
    ]);
  });

  it('has a message for every rule in both languages', () => {
    const inputs = [
      { ...valid, name: undefined },
      { ...valid, tags: ['a', 'b', 'c', 'd'] },
      { ...valid, mail: 'x' },
      { ...valid, kind: 'C' },
      { ...valid, id: 'x' },
      { ...valid, odd: 2 },
      { ...valid, extra: 1 },
      { ...valid, flag: 'x' },
      { ...valid, big: 4 },
      { ...valid, small: 0 },
      { ...valid, tags: ['a'] },
      { ...valid, name: 'abcdef' },
      { ...valid, place: 'Paris' },
    ];
    for (const input of inputs) {
      const [fr] = fieldErrors(schema, input, 'fr');
      const [en] = fieldErrors(schema, input, 'en');
      expect(fr.message).not.toBe(en.message);
    }
  });
});

describe('validateInput', () => {
  it('returns the parsed value', () => {
    expect(validateInput(schema, { name: ' abc ', tags: ['a', 'b'] })).toEqual({
      name: 'abc',
      tags: ['a', 'b'],
    });
  });

  it('throws INVALID_INPUT naming each field, in the requested language', () => {
    expect.assertions(4);
    try {
      validateInput(schema, { name: 'a', tags: [] }, 'en');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const domainError = error as DomainError;
      expect(domainError.code).toBe('INVALID_INPUT');
      expect(domainError.message).toMatch(/Some fields are not valid/);
      expect(domainError.fields?.map((f) => f.field)).toEqual(['name', 'tags']);
    }
  });
});
