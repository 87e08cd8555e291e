/** The `$params` box: JSON text in, a parameter object out; saved queries fill it with their defaults. */
import type { SavedQueryParameter } from '../../api/client.ts';

export class ParamsError extends Error {}

export function parseParams(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ParamsError(`The parameters are not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParamsError('The parameters must be a JSON object, e.g. {"negotiation": "nato-russia-2022"}');
  }
  return value as Record<string, unknown>;
}

/** Name → default (null when a parameter has none), as pretty JSON for the box. */
export function paramsText(parameters: SavedQueryParameter[], overrides: Record<string, unknown> = {}): string {
  const values: Record<string, unknown> = {};
  for (const p of parameters) values[p.name] = p.name in overrides ? overrides[p.name] : (p.default ?? null);
  return JSON.stringify(values, null, 2);
}

/** The parameter names in the box, for completion after `$`; none while the text is not valid. */
export function paramNames(text: string): string[] {
  try {
    return Object.keys(parseParams(text));
  } catch {
    return [];
  }
}
