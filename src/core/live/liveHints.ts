import { daysBetween } from '../workspace';
import { Note, QuestionScript } from '../note';
import { answersTo } from './scaffold';
import { isDayShaped, MessageId, msg } from '../base';

/** What a hint's button does; the manager clicks it, nothing is ever applied without that click. */
export type HintAction =
  | { readonly kind: 'setFlightRisk'; readonly value: 'low' | 'medium' | 'high' }
  | { readonly kind: 'noteSkipped'; readonly questionId: string; readonly text: string }
  | { readonly kind: 'goToQuestion'; readonly questionId: string };

/** A suggestion from the method, shown beside the question it belongs to. */
export interface LiveHint {
  readonly id: 'flight-risk' | 'recent-conversation' | 'path-without-achievement' | 'pay-last-time';
  readonly questionId: string;
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: HintAction };
}

/** What the last conversation with the same person said, as far as the hints need it. */
export interface PreviousConversation {
  readonly date: string;
  /** That note, as the note model reads it. */
  readonly note: Note;
}

/** A flight risk suggested from the shape of the answer to "If you were to leave, what would be the #1 reason?". */
export interface FlightRiskSuggestion {
  readonly value: 'low' | 'medium' | 'high';
  readonly reason: string;
}

const ACTIVE_SEARCH = /\b(already|actively|currently)\s+(been\s+)?(looking|interviewing|talking to|applying|applied)|\b(interviewing|interviews)\s+(at|with|elsewhere)|\bupdated my (cv|resume|linkedin)|(?<!if i )\b(have|got) an offer\b|\b(have|had|got) (an? |two |three |some )?interviews?\b/i;
const ELSEWHERE = /\b(another|other|different|a new|better)\s+(job|company|companies|employer|role|position|team elsewhere|opportunit\w*|place)|\boffer(s|ed)?\b|\brecruiters?\b|\bheadhunt\w*|\bpaid (more|better) (elsewhere|somewhere)|\bsomewhere else\b|\belsewhere\b|\bstart-?up\b|\b(better|higher)[ -]paid\b|\b(bigger|larger|smaller) (company|companies|firm)\b|\bcompetitors?\b/i;
const CONDITIONAL_LOSS = /\bif\s+(this|that|it|things|the|my|our)(\s+[\w-]+){0,2}\s+(ever\s+)?(changed?|stopped|went away|got worse|disappeared|left|was (split|merged|closed|cancelled)|were (split|merged))|\b(no longer|not any more|not anymore|couldn'?t|could not|can'?t)\b[^.]*\b(do|work on|build|get to|be)\b|\bif i (could|can) no longer\b|\bif i (lost|had to give up|had to stop)\b|\bonly if\b/i;

/** The separate reasons named in an answer: list items, or clauses split at commas, semicolons, "and", "also", "plus". */
export function reasonsNamed(answer: string): string[] {
  const lines = answer.split('\n').map(l => l.trim()).filter(Boolean);
  const items = lines.filter(l => /^([-*+]|\d{1,3}[.)])\s+\S/.test(l));
  if (items.length >= 2) return items;
  return answer
    .replace(/\b(e\.g\.|i\.e\.)/gi, '')
    .split(/[;,.!?\n]|\s+(?:and also|and|also|plus|as well as|on top of that)\s+/i)
    .map(part => part.trim())
    .filter(part => part !== '' && !/^(if|but|so|then|maybe|probably|honestly|mostly|i think|i guess|well|to be honest)$/i.test(part));
}

/**
 * The method's reading of the leave-reason answer: several reasons named → high; someone else's job,
 * offer or company → medium; "if this changed / if I could no longer…" → low. No suggestion for an
 * empty or unclear answer.
 */
export function suggestFlightRisk(answer: string): FlightRiskSuggestion | undefined {
  const text = answer.replace(/<!--[\s\S]*?-->/g, ' ').trim();
  if (text.split(/\s+/).filter(Boolean).length < 3) return undefined;
  if (ACTIVE_SEARCH.test(text)) return { value: 'high', reason: msg('live.alreadyLooking') };
  const reasons = reasonsNamed(text);
  if (reasons.length >= 3) return { value: 'high', reason: msg('live.reasonsNamed', reasons.length) };
  if (ELSEWHERE.test(text)) return { value: 'medium', reason: msg('live.anotherJob') };
  // "If …" with nothing about another job: a condition that has not happened, as the method reads it.
  if (CONDITIONAL_LOSS.test(text) || /^(only\s+)?if\b/i.test(text)) return { value: 'low', reason: msg('live.conditional') };
  return undefined;
}

// Words in an achievement that connect it to each career path.
const PATH_WORDS: Record<string, RegExp> = {
  'people-management': /\b(people|mentor\w*|coach\w*|hir(e|ed|ing)|onboard\w*|team|led|lead\w*|manag\w*|grow\w*|train\w*|junior|new joiners?|interview\w*|1:1|one-on-ones?)\b/i,
  'architect-consultant': /\b(architect\w*|design\w*|migrat\w*|system\w*|platform|across teams|cross-team|review\w*|standard\w*|rfc|advis\w*|integrat\w*)\b/i,
  'technical-specialist': /\b(optimi[sz]\w*|performance|latency|deep|expert\w*|debug\w*|profil\w*|algorithm\w*|security|compiler|database|tracing|observability|reliab\w*|internals?)\b/i,
  'product-strategy': /\b(product|customers?|users?|roadmap|strateg\w*|business|launch\w*|market\w*|pricing|revenue|stakeholders?|discovery|vision)\b/i,
};

const PATH_LABELS: Record<string, MessageId> = {
  'people-management': 'live.path.peopleManagement',
  'architect-consultant': 'live.path.architectConsultant',
  'technical-specialist': 'live.path.technicalSpecialist',
  'product-strategy': 'live.path.productStrategy',
};

const PAY_OR_PROMOTION = /\b(salary|salaries|pay|paid|raise|bonus|compensation|promot\w*|band|level up|equity|rise)\b/i;

/**
 * The answer to a question as the note model reads it, a line per block: paragraphs, table rows, code
 * and sub-headings by their visible text (no comments), and the first paragraph of a list item as
 * `- item`, so the reasons named in a list can still be told apart.
 */
export function sectionAnswer(note: Note, questionId: string): string {
  const section = note.sections.findIndex(s => s.questionId === questionId);
  if (section === -1) return '';
  const headingLine = note.sections[section].headingLine;
  const openedItems = new Set<number>();
  const lines: string[] = [];
  note.blocks.forEach(block => {
    if (block.section !== section || block.text === '') return;
    if (block.kind === 'heading' && block.startLine !== headingLine) lines.push(block.text);
    if (block.kind === 'row' || block.kind === 'code') lines.push(block.text);
    if (block.kind !== 'paragraph') return;
    const opensItem = note.blocks[block.parent]?.kind === 'item' && !openedItems.has(block.parent);
    if (opensItem) openedItems.add(block.parent);
    lines.push(opensItem ? `- ${block.text}` : block.text);
  });
  return lines.join('\n').trim();
}

/** Everything the live hints read: the note, the previous conversation and today. */
export interface LiveHintInput {
  readonly note: Note;
  readonly script: QuestionScript;
  readonly previous?: PreviousConversation;
  readonly today: string;
}

const RECENT_DAYS = 91;

/** The method's suggestions for the note as it stands: each names its question and, where one fits, a one-click action. */
export function liveHints(input: LiveHintInput): LiveHint[] {
  const { note, script, previous } = input;
  const hints: LiveHint[] = [];
  const byRecord = (kind: string) => script.questions.find(q => q.records === kind);

  const leave = byRecord('flightRisk');
  if (leave) {
    const suggestion = suggestFlightRisk(sectionAnswer(note, leave.id));
    if (suggestion && suggestion.value !== note.flightRisk) {
      hints.push({
        id: 'flight-risk', questionId: leave.id,
        text: msg('live.flightRiskReads', suggestion.value, suggestion.reason),
        action: { label: msg('live.setFlightRisk', suggestion.value), run: { kind: 'setFlightRisk', value: suggestion.value } },
      });
    }
  }

  const lastSix = script.questions.find(q => q.id === 'last-six-months');
  const noteDate = isDayShaped(note.date) ? note.date : input.today;
  if (lastSix && previous && isDayShaped(previous.date)) {
    const days = daysBetween(previous.date, noteDate);
    if (days >= 0 && days < RECENT_DAYS && !sectionAnswer(note, lastSix.id)) {
      const weeks = Math.max(1, Math.round(days / 7));
      const ago = msg(weeks === 1 ? 'live.weekAgo' : 'live.weeksAgo', weeks);
      hints.push({
        id: 'recent-conversation', questionId: lastSix.id,
        text: msg('live.spokeRecently', ago, previous.date),
        action: { label: msg('live.noteSkipped'), run: { kind: 'noteSkipped', questionId: lastSix.id, text: msg('live.skippedText', ago) } },
      });
    }
  }

  const achievementsQuestion = byRecord('achievements');
  const pathQuestion = byRecord('careerPath');
  const path = note.careerPath;
  if (achievementsQuestion && pathQuestion && path && PATH_WORDS[path]) {
    const achievements = answersTo(note, 'achievements');
    if (achievements.length > 0 && !achievements.some(a => PATH_WORDS[path].test(a))) {
      hints.push({
        id: 'path-without-achievement', questionId: pathQuestion.id,
        text: msg('live.pathWithoutAchievement', msg(PATH_LABELS[path])),
        action: { label: msg('live.goToAchievements'), run: { kind: 'goToQuestion', questionId: achievementsQuestion.id } },
      });
    }
  }

  const anythingElse = script.questions.find(q => q.id === 'anything-else');
  if (anythingElse && previous) {
    // Every block counts, Private notes included: the hint is for the manager, who wrote them.
    if (previous.note.blocks.some(block => PAY_OR_PROMOTION.test(block.text))) {
      hints.push({
        id: 'pay-last-time', questionId: anythingElse.id,
        text: msg('live.payLastTime', previous.date),
      });
    }
  }
  return hints;
}
