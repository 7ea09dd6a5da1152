// The validators compiled from schemas/*.json at build time (scripts/schemaValidators.mjs): plain
// functions, so nothing is compiled at run time, which a browser's web worker would refuse.
declare module 'growth:schema-validators' {
  import type { ValidateFunction } from 'ajv';
  /** schemas/conversation.schema.json, every problem reported. */
  export const conversation: ValidateFunction;
  /** schemas/question-script.schema.json, every problem reported. */
  export const questionScript: ValidateFunction;
  /** schemas/themes.schema.json, every problem reported. */
  export const themes: ValidateFunction;
  /** schemas/growth-config.schema.json, every problem reported. */
  export const growthConfig: ValidateFunction;
  /** schemas/digest.schema.json, stopping at the first problem. */
  export const digest: ValidateFunction;
}
