// Which JSON Schemas are compiled into validators, with which ajv options: read by the build
// (scripts/schemaValidators.mjs) and by the unit test that holds the compiled code to ajv's own.
import Ajv from 'ajv';

/** Strict, no coercion, no defaults: validation never changes the data. */
const STRICT = { strict: true, ownProperties: true, $data: false, coerceTypes: false, useDefaults: false, removeAdditional: false };

/**
 * Each group is one ajv instance with its options, and the validators it exports by name. Notes,
 * scripts, vocabularies and configuration report every problem; a digest stops at its first.
 */
export const VALIDATOR_GROUPS = [
  {
    options: { ...STRICT, allErrors: true },
    // Annotations the extension reads from the schema; they validate nothing.
    keywords: ['managerOnly', 'shareable'],
    schemas: {
      conversation: 'conversation.schema.json', questionScript: 'question-script.schema.json',
      themes: 'themes.schema.json', growthConfig: 'growth-config.schema.json',
    },
  },
  { options: { ...STRICT, allErrors: false }, keywords: [], schemas: { digest: 'digest.schema.json' } },
];

/** An ajv instance of a group with its schemas added (`readSchema` reads schemas/<file>), and each name's schema id. */
export function groupAjv(group, readSchema) {
  const ajv = new Ajv({ ...group.options, code: { source: true } });
  for (const keyword of group.keywords) ajv.addKeyword({ keyword, schemaType: 'boolean' });
  const ids = {};
  for (const [name, file] of Object.entries(group.schemas)) {
    const loaded = readSchema(file);
    ajv.addSchema(loaded);
    ids[name] = loaded.$id;
  }
  return { ajv, ids };
}
