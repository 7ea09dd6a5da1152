import type { ValidateFunction } from 'ajv';
import { conversation, questionScript } from 'growth:schema-validators';
import conversationSchema from '../../../schemas/conversation.schema.json';
import questionScriptSchema from '../../../schemas/question-script.schema.json';

/** The JSON Schemas are the single source of truth for the note format and for custom scripts. */
export { conversationSchema, questionScriptSchema };

export interface FieldSchema {
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly const?: string;
  readonly type?: string;
  readonly pattern?: string;
  readonly managerOnly?: boolean;
  /** May appear in the copy shared with the person. */
  readonly shareable?: boolean;
}

export const FIELD_SCHEMAS: Readonly<Record<string, FieldSchema>> = conversationSchema.properties as Record<string, FieldSchema>;

/** The values the schema allows for a field, in the schema's order (empty when it has no enum). */
export function fieldEnum(key: string): readonly string[] {
  return FIELD_SCHEMAS[key]?.enum ?? [];
}
/** Fields that describe the manager's assessment and never appear in a shared copy. */
export const MANAGER_ONLY_FIELDS: readonly string[] = Object.keys(FIELD_SCHEMAS).filter(key => FIELD_SCHEMAS[key].managerOnly);

/**
 * The note and question-script validators, compiled from the schemas at build time
 * (scripts/schemaValidators.mjs). Strict, no coercion, no defaults: validation never changes the data.
 */
export function schemaValidators(): { conversation: ValidateFunction; questionScript: ValidateFunction } {
  return { conversation, questionScript };
}
