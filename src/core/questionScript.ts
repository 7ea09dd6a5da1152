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
}

/** Placeholder in a question title for the most senior technical leader (a setting). */
export const SENIOR_LEADER_PLACEHOLDER = '{{seniorLeader}}';

// The guidance below is our own summary of the method in shared/docs/method.md.
export const BUILT_IN_SCRIPT: QuestionScript = {
  name: 'Growth conversation (nine questions)',
  questions: [
    {
      id: 'checkin',
      title: 'How are you doing? How is work?',
      why: 'Opens the conversation and shows what is on their mind right now.',
      listenFor: 'Current pain points. Ask a follow-up question before moving on.',
      capture: 'Pain points as #themes.',
      optional: false,
      records: 'themes',
    },
    {
      id: 'last-six-months',
      title: 'How have the last six months gone?',
      why: 'Looks back over the period, at both wellbeing and work.',
      listenFor: 'How they feel personally and professionally. Skip it if the first answer already went deep or you spoke recently.',
      capture: 'Anything recurring as #themes.',
      optional: true,
      records: 'themes',
    },
    {
      id: 'achievements',
      title: 'Which three achievements from the last 6 to 12 months are you most proud of?',
      why: 'Shows whether they do work they are proud of, and what that work has in common.',
      listenFor: 'Patterns across the three. If they cannot name three, that hints at low fulfilment: follow it up.',
      capture: 'A numbered list of the achievements.',
      optional: false,
      records: 'achievements',
    },
    {
      id: 'current-role',
      title: 'How would you describe your current role?',
      why: 'Their own view of the role is the baseline for the goals that follow.',
      listenFor: 'Gaps between their view and yours. Review last time\'s goals: where nothing moved, find what blocked it and reset expectations.',
      capture: 'Each goal from last time as met, partly met or not met.',
      optional: false,
      records: 'goalReview',
    },
    {
      id: 'role-6-months',
      title: 'What do you want your role to look like in six months?',
      why: 'Asks for the ideal, not the current trajectory.',
      listenFor: 'Whether it matches the role you have in mind for them.',
      capture: 'Six-month goals as a list. The next conversation reviews them.',
      optional: false,
      records: 'sixMonthGoals',
    },
    {
      id: 'role-2-years',
      title: 'What do you want your role to look like in two years, if you are still here?',
      why: 'The ideal again, tempered by what is realistic.',
      listenFor: 'Junior people: steer towards technical depth. Senior people: which of the four paths (specialist, architect or consultant, product and strategy, people management), and how far. Goals should connect back to their achievements.',
      capture: 'The career path and the two-year goals.',
      optional: false,
      records: 'careerPath',
    },
    {
      id: 'leave-reason',
      title: 'If you were to leave, what would be the number one reason?',
      why: 'An honest read of flight risk while there is still time to act.',
      listenFor: 'Several reasons, quickly: high risk. "If another job offered X": medium. "If this changed, or I could no longer do Y": low, but worth knowing. Follow up high and medium soon and directly.',
      capture: 'Flight risk (low, medium, high) and the reason.',
      optional: false,
      records: 'flightRisk',
    },
    {
      id: 'change-anything',
      title: `With unlimited money and the job of the ${SENIOR_LEADER_PLACEHOLDER}, what would you change?`,
      why: 'Surfaces frustrations and problems across the organisation.',
      listenFor: 'Cheap ideas worth acting on. The same idea from more than one person is a strong signal.',
      capture: 'Organisation-wide #themes; they feed the Themes view.',
      optional: false,
      records: 'themes',
    },
    {
      id: 'anything-else',
      title: 'What have we not talked about that we should have?',
      why: 'Leaves room for whatever they still need to say.',
      listenFor: 'Often pay or promotion: come prepared.',
      capture: 'Topics as #themes, follow-ups as action items.',
      optional: false,
      records: 'themes',
    },
  ],
};

/** The script with the senior-leader title filled in. */
export function withSeniorLeader(script: QuestionScript, seniorLeader: string): QuestionScript {
  const leader = seniorLeader.trim() || 'CTO';
  return {
    name: script.name,
    questions: script.questions.map(q => ({ ...q, title: q.title.split(SENIOR_LEADER_PLACEHOLDER).join(leader) })),
  };
}
