import { DomainError, DomainErrorCode, errorMessage, type Language } from '@passerelle/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string has the shape of a database id (UUID). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The error for an input naming something that does not exist (e.g. an unknown theme in
 * `themeIds`): BAD_USER_INPUT naming the field, with the domain's "not found" message.
 */
export function unknownReference(
  field: string,
  notFound: Extract<DomainErrorCode, `${string}_NOT_FOUND`>,
  lang: Language,
): DomainError {
  return new DomainError(
    DomainErrorCode.INVALID_INPUT,
    [{ field, rule: 'exists', message: errorMessage(notFound, lang) }],
    lang,
  );
}

/** An invalid argument that is not part of an input object (e.g. `first`, `after`). */
export function invalidArgument(
  field: string,
  rule: string,
  message: Record<Language, string>,
  lang: Language,
): DomainError {
  return new DomainError(
    DomainErrorCode.INVALID_INPUT,
    [{ field, rule, message: message[lang] }],
    lang,
  );
}
