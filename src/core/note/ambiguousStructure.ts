import { msg } from '../base';
import { Block } from './blocks';
import { NoteAnalysis } from './note';
import { isPrivateHeading } from './privacyClassifier';
import { QuestionScript } from './questionScript';
import { ANY_MARKER, THEIR_WORDS_ID } from './sections';

/**
 * Why the note's structure is too ambiguous to share, or undefined: two sections for one question, two
 * markers naming different sections on one heading, or a line that reads like a Private heading but is
 * not read as a section of its own. The reader's own answer, asked by the shareable copy before
 * anything is shown, so that no line of a note is read outside this layer.
 */
export function ambiguousStructure(analysis: NoteAnalysis, script: QuestionScript): string | undefined {
  const { note, lines } = analysis;
  const seen = new Map<string, number>();
  for (const section of note.sections) {
    if (!section.questionId) continue;
    const first = seen.get(section.questionId);
    if (first !== undefined) return msg('share.twoSections', first + 1, section.headingLine + 1);
    seen.set(section.questionId, section.headingLine);
  }
  for (const section of note.sections) {
    const next = section.endLine > section.headingLine ? lines.lineText(section.headingLine + 1) : '';
    const markers = [...`${lines.lineText(section.headingLine)}\n${next}`.matchAll(ANY_MARKER)];
    // The person's own words under a heading (`growth:their-words`) name no section: no second marker.
    if (new Set(markers.map(m => m[1].toLowerCase()).filter(id => id !== THEIR_WORDS_ID)).size > 1) return msg('share.twoMarkers', section.headingLine + 1);
  }
  const headings = new Set(note.blocks.filter(b => b.kind === 'heading' && b.parent === -1).map(b => b.startLine));
  // Fenced code is shown as code, whatever it says; an indented "heading" is most likely one indented by accident.
  const code = new Set(note.blocks.filter(b => b.kind === 'code' && /^\s*(```|~~~)/.test(lines.lineText(b.startLine))).flatMap(b => lineNumbers(b)));
  // Every line of a shown section, whatever its block's class: a heading nobody reads as one misplaces everything after it.
  const shown = new Set(note.blocks.filter(b => b.parent === -1 && note.sections[b.section]?.shareable).flatMap(b => lineNumbers(b)));
  for (const line of [...shown].sort((a, b) => a - b)) {
    if (headings.has(line) || code.has(line)) continue;
    const heading = PRIVATE_HEADING_LIKE.exec(lines.lineText(line));
    if (heading && isPrivateHeading(heading[1], { extraWords: script.privacyWords, person: note.person })) return msg('share.misreadPrivateHeading', line + 1);
  }
  return undefined;
}

/** A line that a person reads as a heading: `#`s and a space after any spaces, invisible characters, emphasis, list or quote markers. */
const PRIVATE_HEADING_LIKE = /^[\s\p{Zs}\p{Cf}>*+\-\d.)_]*#{1,6}[\s\p{Zs}\p{Cf}]+(.+)$/u;

function lineNumbers(block: Block): number[] {
  return Array.from({ length: block.endLine - block.startLine + 1 }, (_, i) => block.startLine + i);
}
