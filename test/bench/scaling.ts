// Parts of `npm run bench`: the views' cost of one changed note, and the scaling table (time per note
// of every cross-note view and output as the workspace grows, people and actions growing with it).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { actionGroups, CanonicalIndex, detachFromText, NotePipeline, parseVocabulary, PeopleIndex, peopleSummaries, themeTree, WorkspaceIndex } from '../../src/core/workspace';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { buildDigest, themesReport } from '../../src/core/outputs';
import { FrontmatterStyle, GeneratedNote, generateNotes } from '../support/corpus';

const TODAY = '2026-12-01';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** A shared vocabulary that folds the generator's spellings together, as a team would write one. */
const VOCABULARY = parseVocabulary(`version: 1
themes:
  - name: on-call load
    aliases: [On Call Load, on_call_load]
  - name: ci speed
    aliases: [CI speed]
  - name: career ladder
    aliases: [Career Ladder]
  - name: tech debt
    aliases: [Tech Debt]
  - name: remote work
    aliases: [Remote work]
`).vocabulary;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** What one changed note costs each view, median of `runs` changes: the theme tree with and without a vocabulary, and the People view. */
export interface ViewChanges {
  readonly themeMs: number;
  readonly vocabularyThemeMs: number;
  readonly peopleMs: number;
}

/**
 * One note at a time changes on disk and goes through the pipeline (stat, read, summarise, index);
 * then the Themes view's tree is worked out again, without a vocabulary and then with one (the view
 * keeps a canonical index in step), and the People view's rows.
 */
export async function viewChanges(pipeline: NotePipeline, root: string, notes: readonly GeneratedNote[], runs = 7): Promise<ViewChanges> {
  let changes = 0;
  const change = async () => {
    const note = notes[(Math.floor(notes.length / 2) + changes * 997) % notes.length];
    await writeFile(join(root, note.path), `${note.text}\nA new worry: #bench-change-${changes++}\n`);
    await pipeline.apply([{ path: note.path, kind: 'changed' }]);
  };
  const canonical = new CanonicalIndex(pipeline.index, VOCABULARY);
  // The People view keeps its rows as the index changes, as the view in the editor does.
  const people = new PeopleIndex(pipeline.index);
  themeTree(pipeline.index, {}, 2);
  themeTree(canonical.index, {}, 2);
  people.summaries(TODAY);
  gc();
  // In turns, so both see the same machine: a busy moment slows one of each pair, not one side.
  const themeMs: number[] = [];
  const vocabularyThemeMs: number[] = [];
  const peopleMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    themeMs.push(await timed(async () => { await change(); return themeTree(pipeline.index, {}, 2); }));
    vocabularyThemeMs.push(await timed(async () => { await change(); return themeTree(canonical.index, {}, 2); }));
    peopleMs.push(await timed(async () => { await change(); return people.summaries(TODAY); }));
  }
  if (!themeTree(pipeline.index, {}, 2).some(theme => theme.key === `bench-change-${changes - 1}`)) throw new Error('the change did not reach the theme tree');
  if (!themeTree(canonical.index, {}, 2).some(theme => theme.name === 'on-call load')) throw new Error('the vocabulary did not reach the theme tree');
  if (JSON.stringify(people.summaries(TODAY)) !== JSON.stringify(peopleSummaries(pipeline.index.all(), TODAY))) throw new Error('the People view kept note by note differs from the rows worked out afresh');
  canonical.dispose();
  people.dispose();
  return { themeMs: median(themeMs), vocabularyThemeMs: median(vocabularyThemeMs), peopleMs: median(peopleMs) };
}

/** Each stage of the scaling table, run on an index of the workspace. */
const STAGES: Record<string, (index: WorkspaceIndex) => unknown> = {
  'theme tree, one team': index => themeTree(index, { team: 'Platform' }, 2),
  'People view': index => peopleSummaries(index.all(), TODAY),
  // What the view shows: every open item, grouped by person (its default).
  'Action Items view': index => actionGroups(index.all(), TODAY, 'person'),
  'report (anonymised)': index => themesReport(index, { today: TODAY, includeNames: false, patternThreshold: 2 }),
  'digest': index => buildDigest(index.all(), { today: TODAY, sourceId: 'bench' }),
};

/** One size of the scaling table: milliseconds per stage (best of two, the index once) and what grew. */
export interface ScalingRow {
  readonly size: number;
  readonly people: number;
  readonly actions: number;
  readonly ms: Record<string, number>;
}

export async function scalingRow(size: number, style: FrontmatterStyle): Promise<ScalingRow> {
  const notes = generateNotes(size, 42, style);
  const index = new WorkspaceIndex();
  gc();
  const ms: Record<string, number> = {};
  // Each summary detached from its note's text, as the pipeline keeps it (`indexFile`): the views then
  // walk summaries laid out as the editor and the CLI hold them, their strings their own, not cuts of the texts.
  ms['summaries into the index'] = await timed(() => index.batch(() => { for (const note of notes) index.set(note.path, detachFromText(summarizeNote(note.text, BUILT_IN_SCRIPT))); }));
  for (const [stage, run] of Object.entries(STAGES)) {
    gc();
    ms[stage] = Math.min(await timed(() => run(index)), await timed(() => run(index)));
  }
  const all = index.all();
  return { size, people: new Set(all.map(note => note.person)).size, actions: all.reduce((sum, note) => sum + note.tasks.length, 0), ms };
}

/** Time per note may grow by at most this much from one size to the next. */
export const MAX_GROWTH = 1.5;

/** The scaling table as Markdown lines, and whether every stage stayed linear. */
export function scalingTable(rows: readonly ScalingRow[]): { lines: string[]; linear: boolean; worst: string } {
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  const perNote = (row: ScalingRow, stage: string) => (row.ms[stage] * 1000) / row.size;
  const lines = [
    `| stage | ${rows.map(r => `${r.size} notes (µs/note)`).join(' | ')} | largest growth | linear |`,
    `|---|${rows.map(() => '---:').join('|')}|---:|:---:|`,
  ];
  let linear = true;
  let worst = { stage: '', growth: 0 };
  for (const stage of Object.keys(rows[0].ms)) {
    let growth = 0;
    for (let i = 1; i < rows.length; i++) growth = Math.max(growth, perNote(rows[i], stage) / perNote(rows[i - 1], stage));
    const ok = growth <= MAX_GROWTH;
    linear &&= ok;
    if (growth > worst.growth) worst = { stage, growth };
    lines.push(`| ${stage} | ${rows.map(r => `${pad(perNote(r, stage).toFixed(1), 7)} (${pad(Math.round(r.ms[stage]), 5)} ms)`).join(' | ')} | ${growth.toFixed(2)} | ${ok ? 'yes' : 'NO'} |`);
  }
  lines.push(`| (people, actions) | ${rows.map(r => `${r.people}, ${r.actions}`).join(' | ')} | | |`);
  return { lines, linear, worst: `${worst.growth.toFixed(2)}× (${worst.stage})` };
}
