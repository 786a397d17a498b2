import { type ZodType, type core } from 'zod';
import { DomainError, DomainErrorCode, type FieldError } from './errors';
import { DEFAULT_LANGUAGE, type Language } from './language';

type Issue = core.$ZodIssue;
type Params = Record<string, string | number>;

const RULE_MESSAGES: Record<string, Record<Language, (p: Params) => string>> = {
  required: {
    fr: () => 'Ce champ est obligatoire.',
    en: () => 'This field is required.',
  },
  minLength: {
    fr: (p) => `Saisissez au moins ${p.min} caractères.`,
    en: (p) => `Enter at least ${p.min} characters.`,
  },
  maxLength: {
    fr: (p) => `Saisissez au plus ${p.max} caractères.`,
    en: (p) => `Enter at most ${p.max} characters.`,
  },
  minItems: {
    fr: (p) => `Choisissez au moins ${p.min} élément${Number(p.min) > 1 ? 's' : ''}.`,
    en: (p) => `Choose at least ${p.min} item${Number(p.min) > 1 ? 's' : ''}.`,
  },
  maxItems: {
    fr: (p) => `Choisissez au plus ${p.max} éléments.`,
    en: (p) => `Choose at most ${p.max} items.`,
  },
  minValue: {
    fr: (p) => `Saisissez une valeur d’au moins ${p.min}.`,
    en: (p) => `Enter a value of at least ${p.min}.`,
  },
  maxValue: {
    fr: (p) => `Saisissez une valeur d’au plus ${p.max}.`,
    en: (p) => `Enter a value of at most ${p.max}.`,
  },
  email: {
    fr: () => 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    en: () => 'Enter a valid e-mail address, for example name@example.org.',
  },
  oneOf: {
    fr: (p) => `Choisissez une valeur parmi : ${p.values}.`,
    en: (p) => `Choose one of: ${p.values}.`,
  },
  unique: {
    fr: () => 'Chaque élément ne peut être choisi qu’une fois.',
    en: () => 'Each item can be chosen only once.',
  },
  includesFor: {
    fr: () => 'Gardez le choix « Pour » (FOR) : un vote doit toujours pouvoir soutenir.',
    en: () => 'Keep the “For” choice (FOR): a vote must always be able to support.',
  },
  slug: {
    fr: () =>
      'Utilisez des lettres minuscules sans accent, des chiffres et des tirets, par exemple ess-2027.',
    en: () => 'Use lower-case letters without accents, digits and dashes, for example ess-2027.',
  },
  endsAfterStart: {
    fr: () => 'La fin doit être postérieure au début.',
    en: () => 'The end must come after the start.',
  },
  phaseOrder: {
    fr: () =>
      'Les étapes se suivent dans l’ordre dépôt, vote, instruction, clôture ; la clôture commence une fois les autres étapes terminées.',
    en: () =>
      'Steps follow the order proposing, voting, curating, closed; the closed step starts once the others have ended.',
  },
  id: {
    fr: () => 'Identifiant invalide : choisissez un élément dans la liste proposée.',
    en: () => 'Invalid identifier: choose an item from the suggested list.',
  },
  territory: {
    fr: () => 'Choisissez un territoire dans la liste proposée (commune, département ou région).',
    en: () => 'Choose a territory from the suggested list (commune, département or région).',
  },
  siret: {
    fr: () => 'Saisissez un numéro SIRET valide : 14 chiffres dont la clé de contrôle est juste.',
    en: () => 'Enter a valid SIRET number: 14 digits with a correct check key.',
  },
  unknownField: {
    fr: (p) => `Champ inconnu : ${p.keys}.`,
    en: (p) => `Unknown field: ${p.keys}.`,
  },
  acceptTerms: {
    fr: () =>
      'Pour créer un compte, acceptez les conditions d’utilisation et la politique de confidentialité.',
    en: () => 'To create an account, accept the terms of use and the privacy policy.',
  },
  date: {
    fr: () => 'Saisissez une date réelle au format AAAA-MM-JJ, depuis 1950.',
    en: () => 'Enter a real date in the YYYY-MM-DD format, from 1950 on.',
  },
  notFuture: {
    fr: () => 'Cette date est dans le futur : saisissez une date passée ou celle d’aujourd’hui.',
    en: () => 'This date is in the future: enter a past date or today’s.',
  },
  runningHasNoEnd: {
    fr: () =>
      'Une expérimentation en cours n’a pas de date de fin : retirez-la, ou indiquez qu’elle est terminée ou arrêtée.',
    en: () =>
      'A running experiment has no end date: remove it, or say the experiment ended or stopped.',
  },
  unitOfKind: {
    fr: () => 'Cette unité ne convient pas à ce type d’indicateur : choisissez-en une de la liste.',
    en: () => 'This unit does not fit this kind of indicator: choose one from the list.',
  },
  url: {
    fr: () => 'Saisissez une adresse web complète, par exemple https://exemple.fr/rapport.',
    en: () => 'Enter a full web address, for example https://example.org/report.',
  },
  invalid: {
    fr: () => 'Valeur invalide.',
    en: () => 'Invalid value.',
  },
};

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** What a size limit counts, by the kind of value it applies to. */
const SIZE_KIND: Record<string, string> = { string: 'Length', array: 'Items' };

/** Turns one zod issue into a rule name and its parameters. */
function describe(issue: Issue): { rule: string; params: Params } {
  // A missing or blank value is reported as "required", whatever rule it failed first.
  if (isBlank(issue.input) && ['invalid_type', 'too_small', 'invalid_value'].includes(issue.code)) {
    return { rule: 'required', params: {} };
  }
  switch (issue.code) {
    case 'invalid_type':
    case 'too_small':
      if (issue.code === 'too_small') {
        return {
          rule: `min${SIZE_KIND[issue.origin] ?? 'Value'}`,
          params: { min: Number(issue.minimum) },
        };
      }
      return { rule: 'invalid', params: {} };
    case 'too_big':
      return {
        rule: `max${SIZE_KIND[issue.origin] ?? 'Value'}`,
        params: { max: Number(issue.maximum) },
      };
    case 'invalid_format':
      return { rule: issue.format === 'email' ? 'email' : 'id', params: {} };
    case 'invalid_value':
      return { rule: 'oneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { rule: 'unknownField', params: { keys: issue.keys.join(', ') } };
    case 'custom':
      return { rule: String(issue.params?.['rule'] ?? 'invalid'), params: {} };
    default:
      return { rule: 'invalid', params: {} };
  }
}

/**
 * Lists the invalid fields of an input, with messages in the given language; empty when valid.
 * Web forms and the API call the same schemas, so both apply the same rules.
 */
export function fieldErrors(
  schema: ZodType,
  input: unknown,
  lang: Language = DEFAULT_LANGUAGE,
): FieldError[] {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return [];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue; // one message per field: the first rule that failed
    seen.add(field);
    const { rule, params } = describe(issue);
    const messages = RULE_MESSAGES[rule] ?? RULE_MESSAGES['invalid'];
    errors.push({ field, rule, message: messages[lang](params) });
  }
  return errors;
}

/** Parses an input with a schema, or throws an INVALID_INPUT domain error naming every bad field. */
export function validateInput<T>(
  schema: ZodType<T>,
  input: unknown,
  lang: Language = DEFAULT_LANGUAGE,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new DomainError(DomainErrorCode.INVALID_INPUT, fieldErrors(schema, input, lang), lang);
}
