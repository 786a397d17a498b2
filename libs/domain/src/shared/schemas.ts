import { z } from 'zod';

/** A trimmed string between `min` and `max` characters. */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** An optional free text: blank becomes null. */
export const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z.string().trim().max(max).nullable().optional(),
  );

/** A database identifier (UUID shape). */
export const id = () => z.guid();

/** A territory identifier such as COMMUNE-75056, DEPARTEMENT-2A or REGION-11. */
export const TERRITORY_ID = /^(REGION|DEPARTEMENT|COMMUNE)-[0-9][0-9AB][0-9]{0,3}$/;
export const territoryId = () =>
  z.string().refine((value) => TERRITORY_ID.test(value), { params: { rule: 'territory' } });
