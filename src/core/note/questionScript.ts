import { msg } from '../base';

/** The structured answer a question feeds, which drives the guide's hints and the carry-over. */
export type RecordKind = 'achievements' | 'goalReview' | 'sixMonthGoals' | 'twoYearGoals' | 'careerPath' | 'flightRisk' | 'themes';

/** One question of a conversation script. */
export interface Question {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly listenFor: string;
  readonly capture: string;
  readonly optional: boolean;
  readonly records?: RecordKind;
}

/** An ordered list of questions: the built-in nine or a team's own. */
export interface QuestionScript {
  readonly name: string;
  readonly questions: readonly Question[];
  /** Question ids whose answers never leave the note (the configuration's private sections). */
  readonly privateQuestions?: readonly string[];
  /** More words that make a block uncertain (the configuration's privacy words). */
  readonly privacyWords?: readonly string[];
}

/** Placeholder in a question title for the most senior technical leader (a setting). */
export const SENIOR_LEADER_PLACEHOLDER = '{{seniorLeader}}';

// The guidance (its text is in messages.ts) is our own summary of the method in shared/docs/method.md.
export const BUILT_IN_SCRIPT: QuestionScript = {
  name: 'Growth conversation (nine questions)',
  questions: [
    {
      id: 'checkin',
      title: 'How are you doing? How is work?',
      get why() { return msg('script.checkin.why'); },
      get listenFor() { return msg('script.checkin.listenFor'); },
      get capture() { return msg('script.checkin.capture'); },
      optional: false,
      records: 'themes',
    },
    {
      id: 'last-six-months',
      title: 'How have the last six months gone?',
      get why() { return msg('script.lastSixMonths.why'); },
      get listenFor() { return msg('script.lastSixMonths.listenFor'); },
      get capture() { return msg('script.lastSixMonths.capture'); },
      optional: true,
      records: 'themes',
    },
    {
      id: 'achievements',
      title: 'Which three achievements from the last 6 to 12 months are you most proud of?',
      get why() { return msg('script.achievements.why'); },
      get listenFor() { return msg('script.achievements.listenFor'); },
      get capture() { return msg('script.achievements.capture'); },
      optional: false,
      records: 'achievements',
    },
    {
      id: 'current-role',
      title: 'How would you describe your current role?',
      get why() { return msg('script.currentRole.why'); },
      get listenFor() { return msg('script.currentRole.listenFor'); },
      get capture() { return msg('script.currentRole.capture'); },
      optional: false,
      records: 'goalReview',
    },
    {
      id: 'role-6-months',
      title: 'What do you want your role to look like in six months?',
      get why() { return msg('script.role6Months.why'); },
      get listenFor() { return msg('script.role6Months.listenFor'); },
      get capture() { return msg('script.role6Months.capture'); },
      optional: false,
      records: 'sixMonthGoals',
    },
    {
      id: 'role-2-years',
      title: 'What do you want your role to look like in two years, if you are still here?',
      get why() { return msg('script.role2Years.why'); },
      get listenFor() { return msg('script.role2Years.listenFor'); },
      get capture() { return msg('script.role2Years.capture'); },
      optional: false,
      records: 'careerPath',
    },
    {
      id: 'leave-reason',
      title: 'If you were to leave, what would be the number one reason?',
      get why() { return msg('script.leaveReason.why'); },
      get listenFor() { return msg('script.leaveReason.listenFor'); },
      get capture() { return msg('script.leaveReason.capture'); },
      optional: false,
      records: 'flightRisk',
    },
    {
      id: 'change-anything',
      title: `With unlimited money and the job of the ${SENIOR_LEADER_PLACEHOLDER}, what would you change?`,
      get why() { return msg('script.changeAnything.why'); },
      get listenFor() { return msg('script.changeAnything.listenFor'); },
      get capture() { return msg('script.changeAnything.capture'); },
      optional: false,
      records: 'themes',
    },
    {
      id: 'anything-else',
      title: 'What have we not talked about that we should have?',
      get why() { return msg('script.anythingElse.why'); },
      get listenFor() { return msg('script.anythingElse.listenFor'); },
      get capture() { return msg('script.anythingElse.capture'); },
      optional: false,
      records: 'themes',
    },
  ],
};

/** The script with the senior-leader title filled in. */
export function withSeniorLeader(script: QuestionScript, seniorLeader: string): QuestionScript {
  const leader = seniorLeader.trim() || 'CTO';
  return {
    ...script,
    questions: script.questions.map(q => ({ ...q, title: q.title.split(SENIOR_LEADER_PLACEHOLDER).join(leader) })),
  };
}
