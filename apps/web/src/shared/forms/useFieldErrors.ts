import { type ChangeEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { FieldError } from '@passerelle/domain';

export type FieldErrorMap<F extends string> = Partial<Record<F, string>>;

/** Keeps one message per form field: `themeIds.1` is reported on `themeIds`. */
export function toFieldErrorMap<F extends string>(
  errors: FieldError[],
  fields: readonly F[],
): FieldErrorMap<F> {
  const map: FieldErrorMap<F> = {};
  for (const error of errors) {
    const field = error.field.split('.')[0] as F;
    if (fields.includes(field) && map[field] === undefined) map[field] = error.message;
  }
  return map;
}

/**
 * Field-level error state for a form: `report` shows a list of errors (from the domain schema or
 * from the API) next to their fields and moves focus to the first invalid field in form order.
 */
export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<FieldErrorMap<F>>({});
  const elements = useRef(new Map<F, HTMLElement | null>());
  const refCallbacks = useRef(new Map<F, (element: HTMLElement | null) => void>());

  /** A stable ref callback for a field's focusable element. */
  const fieldRef = useCallback((field: F) => {
    let callback = refCallbacks.current.get(field);
    if (!callback) {
      callback = (element: HTMLElement | null) => {
        elements.current.set(field, element);
      };
      refCallbacks.current.set(field, callback);
    }
    return callback;
  }, []);

  /** Shows the errors; returns true when there was at least one for a known field. */
  const report = useCallback(
    (list: FieldError[]) => {
      const map = toFieldErrorMap(list, fields);
      setErrors(map);
      const first = fields.find((field) => map[field] !== undefined);
      if (first) elements.current.get(first)?.focus();
      return first !== undefined;
    },
    [fields],
  );

  const clear = useCallback((field: F) => {
    setErrors((previous) => {
      if (previous[field] === undefined) return previous;
      const next = { ...previous };
      delete next[field];
      return next;
    });
  }, []);

  const count = useMemo(() => Object.keys(errors).length, [errors]);

  /**
   * The props binding a text field to its state: its ref, value and error, and a change that
   * stores the new text and clears the field's error.
   */
  const textField = useCallback(
    (field: F, value: string, setValue: (next: string) => void) => ({
      ref: fieldRef(field),
      value,
      error: errors[field],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        setValue(event.currentTarget.value);
        clear(field);
      },
    }),
    [errors, fieldRef, clear],
  );

  return { errors, count, fieldRef, report, clear, textField };
}
