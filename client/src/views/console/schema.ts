/**
 * The live database schema for the editor's completion, read through the console itself: the read-only
 * procedures db.labels(), db.relationshipTypes() and db.propertyKeys() pass its plan vetting.
 */
import { api } from '../../api/client.ts';
import type { EditorSchema } from './editor.ts';

async function names(query: string): Promise<string[]> {
  const result = await api.cypher(query);
  return result.rows.map((row) => String(row[0])).sort((a, b) => a.localeCompare(b));
}

/**
 * Labels and relationship types carry a leading colon, as Neo4j's editor support expects them. One query
 * after the other: the console runs only two of a client's queries at once, and the analyst may run one.
 */
export async function loadSchema(): Promise<Omit<EditorSchema, 'parameters'>> {
  const labels = await names('CALL db.labels() YIELD label RETURN label');
  const relationshipTypes = await names('CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType');
  const propertyKeys = await names('CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey');
  return {
    labels: labels.map((label) => `:${label}`),
    relationshipTypes: relationshipTypes.map((type) => `:${type}`),
    propertyKeys,
  };
}
