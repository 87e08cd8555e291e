import { z } from 'zod';
import { BadParameterError } from '../errors/domain.ts';

/** Parses query parameters or a body with a schema; the first problem becomes a 400 naming the parameter. */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = issue?.path.map(String).join('.') || undefined;
  throw new BadParameterError(parameter ? `${parameter}: ${issue?.message}` : String(issue?.message), parameter);
}

/** `a,b` or repeated `?x=a&x=b` as a list of non-empty strings; absent as undefined. */
export function listParameter(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  const list = values.map((v) => v.trim()).filter((v) => v.length > 0);
  return list.length > 0 ? list : undefined;
}

/** A whole number in a range, from a query string, with one message for every way it can be wrong. */
export function wholeNumber(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback);
}
