// Types of schemaValidatorGroups.mjs, for the unit test that imports it.
import type Ajv from 'ajv';

export interface ValidatorGroup {
  readonly options: Record<string, unknown>;
  readonly keywords: readonly string[];
  readonly schemas: Readonly<Record<string, string>>;
}

export const VALIDATOR_GROUPS: readonly ValidatorGroup[];

export function groupAjv(group: ValidatorGroup, readSchema: (file: string) => { $id: string }): { ajv: Ajv; ids: Record<string, string> };
