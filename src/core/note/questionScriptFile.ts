import { parse } from 'yaml';
import { Question, QuestionScript, RecordKind } from './questionScript';
import { msg, schemaValidators } from '../base';

export type ScriptResult = { readonly script: QuestionScript } | { readonly error: string };

/** Reads a team's question script (JSON or YAML) and checks it against question-script.schema.json. */
export function parseQuestionScript(text: string): ScriptResult {
  let data: unknown;
  try {
    data = parse(text, { version: '1.2', schema: 'core', customTags: [], uniqueKeys: true, maxAliasCount: 0 });
  } catch (error) {
    return { error: msg('script.notJsonOrYaml', error instanceof Error ? error.message.split('\n')[0] : msg('error.unknown')) };
  }
  const validate = schemaValidators().questionScript;
  if (!validate(data)) {
    const first = validate.errors?.[0];
    return { error: msg('script.schema', first?.instancePath || msg('common.theFile'), first?.message ?? msg('script.doesNotMatch')) };
  }
  const raw = data as { name?: string; questions: Array<Partial<Question> & { id: string; title: string; records?: RecordKind }> };
  const ids = new Set<string>();
  for (const question of raw.questions) {
    if (ids.has(question.id)) return { error: msg('script.idTwice', question.id) };
    ids.add(question.id);
  }
  return {
    script: {
      name: raw.name ?? 'Custom script',
      questions: raw.questions.map(q => ({
        id: q.id, title: q.title, why: q.why ?? '', listenFor: q.listenFor ?? '', capture: q.capture ?? '',
        optional: q.optional ?? false, records: q.records,
      })),
    },
  };
}

