/**
 * Every sentence the core shows to a person (problems, hints, guidance, refusals, quick-fix titles),
 * in one catalogue with stable ids and English defaults. `{0}`, `{1}`… stand for the values filled in.
 *
 * The core stays pure: it never imports `vscode`. The editor installs a translator at activation
 * (`setTranslator`) that looks the English text up in the extension's l10n bundle; the CLI installs
 * none and stays English. The English text is also the translation key, as `vscode.l10n.t` expects,
 * so `npm run l10n` merges these strings into `l10n/bundle.l10n.json` for translators.
 */
export const MESSAGES = {
  // validate.ts: problems in a note's frontmatter and sections.
  'validate.unknownMarkerSuggestion': '"growth:{0}" is not a known section marker. Did you mean "growth:{1}"?',
  'validate.unknownMarker': '"growth:{0}" is not a known section marker, so this section is found by its heading only.',
  'validate.fewAchievements': 'Only {0} of {1} achievements listed. Struggling to name three can hint at low fulfilment: worth a follow-up.',
  'validate.missingField': '"{0}" is missing.',
  'validate.unknownFieldSuggestion': '"{0}" is not a known field. Did you mean "{1}"?',
  'validate.unknownField': '"{0}" is not a known field; views and reports ignore it.',
  'validate.invalidEnum': '{0} is not a valid {1}. Use one of: {2}.',
  'validate.didYouMean': 'Did you mean "{0}"?',
  'validate.mustBe': '"{0}" must be {1}.',
  'validate.notADate': '{0} is not a date in YYYY-MM-DD form.',
  'validate.empty': '"{0}" is empty.',
  'validate.tooLong': '"{0}" is longer than {1} characters.',
  'validate.wrongType': '"{0}" should be {1}, not {2}.',
  'validate.notValid': '"{0}" {1}.',
  'validate.isNotValid': 'is not valid',
  'validate.nonexistentDate': '{0} is not a day in the calendar.',
  'validate.duplicateTheme': '"{0}" repeats the theme "{1}".',
  'validate.themeSpelling': '"{0}" is written "{1}" in most notes.',
  'validate.previousMissing': 'No note found at "{0}".',
  'validate.previousOtherPerson': '"{0}" is a conversation with {1}, not {2}.',
  'type.empty': 'empty',
  'type.list': 'a list',
  'type.map': 'a map',
  'type.text': 'text',
  'type.other': 'a {0}',
  'type.singleValue': 'a single value',

  // frontmatter.ts: why a frontmatter block was not read.
  'frontmatter.language': 'The frontmatter starts with "---{0}". Only plain YAML ("---") is read, and nothing in a note is ever run.',
  'frontmatter.unterminated': 'The frontmatter has no closing "---" line.',
  'frontmatter.tooLarge': 'The frontmatter is larger than {0} KB, so it was not read. Keep long text in the body.',
  'frontmatter.empty': 'The frontmatter is empty. It needs at least type, person and date.',
  'frontmatter.tooDeep': 'The frontmatter nests lists or maps more than {0} levels deep, so it was not read.',
  'frontmatter.directive': 'YAML directives such as "{0}" are not supported. Remove the line: notes use YAML 1.2.',
  'frontmatter.unreadable': 'The frontmatter could not be read ({0}).',
  'frontmatter.duplicateKey': 'This key appears twice. Keep one of them.',
  'frontmatter.syntax': 'YAML syntax: {0}',
  'frontmatter.tag': 'Custom YAML tags such as "!!js/function" are not allowed in notes. Remove the tag.',
  'frontmatter.complexKey': 'Keys must be plain words, not lists or maps.',
  'frontmatter.aliases': 'The frontmatter expands too many aliases ({0}). Write the values out instead.',
  'frontmatter.notMap': 'The frontmatter is {0}; it must be a set of "key: value" lines.',
  'error.unknown': 'unknown error',
  'common.theFile': 'the file',

  // problem.ts, note.ts, notePipeline.ts, workspaceIndex.ts: files that were not read.
  'file.utf16Unmarked': 'This file looks like UTF-16 text without a byte-order mark, so it was not read. Re-save it as UTF-8.',
  'file.notUtf8': 'This file is not valid UTF-8 text, so it was not read. Re-save it as UTF-8.',
  'file.brokenUtf16': 'This file is UTF-16 text with broken characters, so it was not read. Re-save it as UTF-8.',
  'file.tooLarge': 'This note is larger than {0} MB, so it was not read.',
  'skip.tooLarge': 'larger than {0} MB',
  'skip.notUtf8': 'not valid UTF-8 text',
  'skip.unreadable': 'could not be read',
  'skip.vanished': 'deleted or renamed while the folder was read',
  'skip.noPermission': 'no permission to read it',
  'skip.diskError': 'the disk reported an error while reading it',
  'skip.special': 'not a regular file (a pipe, a device or a socket), so it was not opened',
  'skip.brokenLink': 'a link to a file that does not exist',
  'skip.loop': 'a folder link that leads back into a folder already read',
  'skip.nameNotUtf8': 'its name is not UTF-8 text, so it cannot be opened by that name; rename it',
  'skip.folderUnreadable': 'a folder that could not be read: {0}',
  'skip.failed': 'could not be read ({0})',
  'unread.one': '1 note could not be read: {0}',
  'unread.many': '{0} notes could not be read: {1}',
  'unread.oneUncounted': '1 note could not be read, so it is not counted.',
  'unread.manyUncounted': '{0} notes could not be read, so they are not counted.',
  'unread.digestRefused': 'A digest short of a note counts fewer people than there are, so nothing was written. Fix or remove the file, or add --allow-unreadable to go on without it.',
  'digest.notesNotRead': '{0} of the notes could not be read and are not counted.',
  'file.unreadableBecause': 'Could not be read ({0}), so any note it holds is missing.',
  'file.skippedBecause': 'Not read ({0}); nothing is missing.',

  // regularFile.ts: an input file that is not read.
  'input.notRegular': '"{0}" is not a regular file (a pipe, a device, a socket or a folder), so it was not read.',
  'input.tooLarge': '"{0}" is larger than {1} KB, so it was not read.',
  'input.unreadable': '"{0}" could not be read: {1}.',

  // fileFaults.ts, outputFile.ts, exportFiles.ts: a file that could not be written, in plain words.
  'write.diskFull': 'There is no room left on the disk for "{0}", so nothing was written.',
  'write.readOnly': '"{0}" is on a disk that is read-only, so nothing was written.',
  'write.nameTooLong': 'The name "{0}" is too long for this disk, so nothing was written. Choose a shorter name.',
  'write.noPermission': 'You may not write to the folder of "{0}", so nothing was written.',
  'write.noFolder': 'The folder of "{0}" does not exist, so nothing was written.',
  'write.failed': '"{0}" could not be written ({1}), so nothing was written.',
  'write.notRegular': '"{0}" is not a regular file; nothing was written.',
  'write.isNote': '"{0}" is a growth note. A copy or report is never written over a note: choose another file.',
  'write.exists': '"{0}" already exists. Choose a new file, or add --force to replace it.',
  'write.appeared': '"{0}" appeared while writing; it was left as it is and nothing was written.',
  'write.becameNote': '"{0}" became a growth note while writing; it was left as it is and nothing was written.',
  'write.cannotCheck': '"{0}" cannot be checked ({1}); nothing was written.',
  'body.notAnalysed': 'The notes below the frontmatter were not analysed: {0}. The guide and themes ignore this file.',
  'body.nestedTooDeeply': 'it is nested too deeply to analyse',
  'body.tooLarge': 'it is larger than {0} KB',
  'body.tooManyLines': 'it has more than {0} lines',
  'body.containersTooDeep': 'it nests quotes or lists more than {0} deep',
  'body.tooManyDelimiters': 'one paragraph holds more than {0} emphasis, link or code markers',
  'body.tooManyUnderlines': 'it has more than {0} headings underlined with = or -',
  'body.tooManyLazyLines': 'it has more than {0} quote lines without their ">"',

  // privacyGate.ts, share.ts, digest.ts: refusals to let something leave a note.
  'share.tooComplex': 'The notes are too large or too deeply nested to be read safely, so what is private cannot be told apart. '
    + 'Move long pasted text (logs, code) out of the note, then share again.',
  'share.notGrowthNote': 'This file is not a growth note (its frontmatter does not say "type: growth-conversation"), so no copy was made.',
  'share.frontmatterProblem': 'The frontmatter has a problem on line {0}: {1}{2} Fix it first: until the frontmatter reads cleanly, what is private cannot be told apart.',
  'share.moreProblems': ' The Problems panel lists {0} more.',
  'share.misreadPrivateHeading': 'Line {0} looks like a Private heading but is not read as one (an unusual space or character before it, or it sits inside a list, a quote or an indent). '
    + 'Write it as "## Private notes" at the start of a line, then share again.',
  'removed.field': 'the {0} field',
  'removed.frontmatterComments': 'comments in the frontmatter',
  'removed.beforeFirstQuestion': 'text before the first question',
  'removed.privatePart': 'a part of a question under a heading that starts with "Private"',
  'removed.nextStepsText': 'text under Next steps that is not an action item',
  'removed.section': 'the "{0}" section',
  'removed.sectionListed': 'the "{0}" section (listed as private in your settings)',
  'removed.sectionNotInScript': 'the "{0}" section (not a question of the script)',
  'removed.privateItem': 'a private action item',
  'removed.privateBlock': 'a paragraph, table or quote marked (private)',
  'removed.definitions': 'link definitions ([label]: …), where comments can hide',
  'removed.comments': 'comments and guidance',
  'removed.rawHtml': 'raw HTML',
  'removed.hiddenHtml': 'text hidden in HTML (details, hidden, display:none)',
  'removed.unreadableComment': 'a line with a comment that could not be read (-->)',
  'removed.unclosedComment': 'everything after a comment that is not closed (<!-- without -->)',
  'digest.groupTooSmall': 'No quarter has conversations with at least {0} people{1}. A digest of a smaller group could point at someone, so nothing was written.',
  'digest.quarterSizes': ' ({0})',

  // collate.ts: why a team digest was not used in a collation.
  'collate.tooLarge': 'larger than {0} KB, so it was not read',
  'collate.notJson': 'not a JSON file',
  'collate.notDigest': 'not a team digest (its "format" is not growth-team-digest)',
  'collate.newerFormat': 'made in format version {0}, newer than this collation knows ({1}); update the tool',
  'collate.unknownFormat': 'its format version is not one this collation knows ({0})',
  'collate.unknownField': 'it has a field the digest format does not know; a name or a note may have slipped in',
  'collate.schema': 'it does not follow the digest format (a value has the wrong type or is out of range)',
  'collate.changed': 'its content was changed after it was made (the content hash does not match)',
  'collate.quarterTwice': 'lists {0} twice',
  'collate.smallerMinimum': 'made with groups as small as {0}; this collation needs at least {1}',
  'collate.smallQuarter': '{0} has a group of {1} people, under the minimum of {2}',
  'collate.smallTeam': '{0} shows a team of {1} people, under the minimum of {2}',
  'collate.subtraction': '{0} lets a group of {1} be worked out by subtraction',
  'collate.teamsDoNotAddUp': '{0}\'s team counts do not add up to its {1} people, so a hidden group could be worked out',
  'collate.smallValue': '{0} counts {1} people for "{2}", under the minimum of {3}',
  'collate.future': 'dated {0}, after today',
  'collate.quarterAfterMade': 'lists {0}, which starts after the day it was made ({1})',
  'collate.themeAboveGroup': '{0} counts a theme raised by {1} people in a group of {2}, which cannot be',
  'collate.teamThemeImpossible': '{0} counts a theme raised by {2} people in team "{1}", more than the team or the whole group, which cannot be',
  'collate.breakdownDoesNotAddUp': '{0}\'s {1} count {2} people in a group of {3}, which cannot be',
  'collate.changedWhileRead': '"{0}" changed while the collation read it; run the collation again',
  'collate.superseded': 'Replaced by newer digests from the same notes',
  'collate.supersededLine': '{0}: {1} replaced by {2}',
  'collate.sameDigest': 'the same digest as {0}',

  // crossNoteViews.ts: labels in the Themes and Action Items views.
  'views.noPerson': '(no person)',
  'views.noOwner': '(no owner)',

  // digest.ts: what a team digest holds, shown before it is saved.
  'digest.holds': 'The file holds only counts of people, per quarter ({0}):',
  'digest.quarter': '• {0}: {1} people; {2} themes ({3}); {4}; career paths and flight risk as counts.',
  'digest.quarterOneTheme': '• {0}: {1} people; {2} theme ({3}); {4}; career paths and flight risk as counts.',
  'digest.teams': 'teams {0}',
  'digest.noTeams': 'no team breakdown',
  'digest.nothingElse': 'No names, no note text, no file paths, no days: quarters only. Nothing from Private notes or (private) items.',
  'digest.label': 'Label: "{0}".',
  'digest.sourceIdComment': '# Growth Conversations: this notes folder\'s anonymous id in team digests. Random, not a name. Commit it; never edit it.',
  'digest.sourceIdBroken': '"{0}" holds no source id. Restore it from git (a new id would count this team twice), or delete it to start a new one.',
  'digest.quartersLeftOut': 'Left out, fewer than {0} people: {1}.',
  'digest.themeLeftOut': '{0} theme left out: too long, or holding a name.',
  'digest.themesLeftOut': '{0} themes left out: too long, or holding a name.',

  // prepare.ts: the brief before a conversation, and how long ago something was.
  'prepare.title': 'Prepare: {0}',
  'prepare.noConversations': 'No conversations with this person yet. The first one starts from the nine questions.',
  'prepare.undatedNote': 'an undated note',
  'prepare.lastConversation': 'Last conversation: {0}. {1} conversations in all.',
  'prepare.lastConversationOnly': 'Last conversation: {0}. {1} conversation in all.',
  'prepare.team': 'Team: {0}',
  'prepare.level': 'Level: {0}',
  'prepare.manager': 'Manager: {0}',
  'prepare.goalsHeading': 'Six-month goals from last time',
  'prepare.noGoals': 'None written down last time.',
  'prepare.actionsHeading': 'Open actions, oldest first',
  'prepare.action': '{0} (written {1})',
  'prepare.actionOverdue': '{0} (written {1}, overdue since {2})',
  'prepare.nothingOpen': 'Nothing open.',
  'prepare.historyHeading': 'Career path and flight risk',
  'prepare.historyColumns': '| conversation | career path | flight risk |',
  'prepare.undated': 'undated',
  'common.notRecorded': 'not recorded',
  'prepare.themesHeading': 'Themes they raised',
  'prepare.noThemes': 'No themes tagged yet.',
  'prepare.theme': '{0}: {1} conversations, last {2}',
  'prepare.themeOnce': '{0}: {1} conversation, last {2}',
  'prepare.orgResponse': '. The organisation\'s response: {0}',
  'prepare.readOnly': 'Read-only: built from the notes. Edit the notes themselves to change it.',
  'days.today': 'today',
  'days.yesterday': 'yesterday',
  'days.inOneDay': 'in {0} day',
  'days.inDays': 'in {0} days',
  'days.ago': '{0} days ago',

  // report.ts: why an anonymised report was not made.
  'report.tooFewPeople': 'This period has conversations with {0} people; an anonymised report needs at least {1}, '
    + 'or a reader could tell who said what. Choose a longer period, or make a report with names for your own use.',
  'report.tooFewPeopleOne': 'This period has conversations with {0} person; an anonymised report needs at least {1}, '
    + 'or a reader could tell who said what. Choose a longer period, or make a report with names for your own use.',

  // report.ts: the themes report (a document: Markdown, and HTML when saved as such).
  'report.title': 'Themes report',
  'report.periodAll': 'Period: all conversations up to {0}.',
  'report.period': 'Period: {0} to {1}.',
  'report.periodCompared': 'Period: {0} to {1}, compared with the {2} days before.',
  'report.noTrend': 'No trend: the period before had fewer than {0} people.',
  'report.totals': '{0} with {1}, held by {2}.',
  'report.anonymised': 'Anonymised: people are counted, never named. Groups smaller than {0} people are not shown. Private notes and (private) items are left out.',
  'report.withNames': 'Includes names: for your own use only. Do not share.',
  'report.themes': 'Themes',
  'report.patternRule': 'A theme raised by {0} or more people is a pattern (★).',
  'report.noThemes': 'No themes in this period.',
  'report.faded': 'Not raised any more (were raised before): {0}.',
  'report.byTeam': 'By team',
  'report.noTeamThemes': 'no themes',
  'report.noTeamBreakdown': 'No team has at least {0} people in this period, so there is no breakdown by team.',
  'report.noTeam': 'No team recorded.',
  'report.hiddenTeamPeople': '{0} people in smaller teams or with no team recorded are counted above, not here.',
  'report.careerPaths': 'Career paths',
  'report.fromLatest': 'From each person\'s latest conversation in the period.',
  'report.flightRisk': 'Flight risk',
  'report.fromLatestCounts': 'From each person\'s latest conversation in the period. Counts only.',
  'report.followUp': 'Follow-up',
  'report.peopleDue': 'People due for a conversation: {0}',
  'report.actionsOverdue': 'Action items past their due date: {0}',
  'report.quotesAnonymised': 'One line per person, from patterns raised by at least {0} people. Names are replaced by [name].',
  'report.quotes': 'A few lines from the notes behind each pattern.',
  'report.inTheirWords': 'In their words',
  'report.noQuotes': 'No pattern is large enough to quote from.',
  'report.noConversations': 'No conversations in this period.',
  'report.allGroupsHidden': 'Not shown: every group has fewer than {0} people, or could be worked out from the others.',
  'report.otherGroups': 'other (smaller groups, not shown)',
  'column.theme': 'Theme',
  'column.people': 'People',
  'column.conversations': 'Conversations',
  'column.trend': 'Trend',
  'column.who': 'Who',
  'column.path': 'Path',
  'column.risk': 'Risk',
  'trend.new': 'new',
  'trend.growing': 'growing',
  'trend.steady': 'steady',
  'trend.fading': 'fading',
  'trend.before': '{0} ({1} before)',
  'completion.themeUsedOnce': 'used once across the workspace',
  'completion.themeUsed': 'used {0} times across the workspace',
  'completion.today': 'today',
  'count.person': '{0} person',
  'count.people': '{0} people',
  'count.conversation': '{0} conversation',
  'count.conversations': '{0} conversations',
  'count.manager': '{0} manager',
  'count.managers': '{0} managers',

  // collateReport.ts: the report of a collation across teams (Markdown and a self-contained HTML page).
  'collate.title': 'Growth themes across teams, {0}',
  'collate.intro': '{0} people in {1} digests. A person who changed manager during the quarter may be counted twice.',
  'collate.introOne': '{0} people in {1} digest. A person who changed manager during the quarter may be counted twice.',
  'collate.minimum': 'Only groups of at least {0} people are shown, and nothing hidden can be worked out by subtraction.',
  'collate.crossTeamFirst': 'Cross-team patterns (raised in two or more teams) first.',
  'collate.crossTeamFirstStar': 'Cross-team patterns (★, raised in two or more teams) first.',
  'collate.noThemes': 'No themes in this quarter.',
  'collate.peoplePerTheme': 'People per theme, {0} to {1}',
  'collate.teams': 'Teams',
  'collate.noTeams': 'No team has at least {0} people across the digests.',
  'collate.rejected': 'Digests not used',
  'collate.noResponse': 'no response yet',
  'collate.themesByPeople': 'Themes by people, last four quarters',
  'collate.themesChart': 'People per theme over the last four quarters',
  'collate.teamsChart': 'People per team',
  'column.digests': 'Digests',
  'column.teams': 'Teams',
  'column.team': 'Team',
  'column.orgResponse': 'Org response',
  'status.open': 'open',
  'status.acknowledged': 'acknowledged',
  'status.inProgress': 'in progress',
  'status.resolved': 'resolved',
  'status.wontFix': 'won\'t fix',

  // html.ts: a saved HTML page.
  'html.tableTooLarge': 'This page shows the text as written: it holds a table too large to lay out.',

  // guide.ts: the question guide's hints and the choices it offers.
  'guide.fewAchievements': 'Only {0} of {1} achievements: worth a gentle follow-up.',
  'guide.goalNotReviewed': '{0} goal from last time not yet reviewed.',
  'guide.goalsNotReviewed': '{0} goals from last time not yet reviewed.',
  'guide.noCareerPath': 'No career path recorded yet.',
  'guide.flightRiskNotAssessed': 'Answered, but flight risk is still not assessed.',
  'guide.flightRiskNoAction': 'Flight risk is {0}, and Next steps has no new action item.',
  'careerPath.technicalSpecialist': 'Technical specialist',
  'careerPath.technicalSpecialist.detail': 'Deep expertise in one area; the go-to person for it.',
  'careerPath.architectConsultant': 'Architect / consultant',
  'careerPath.architectConsultant.detail': 'Shapes systems across teams; advises more than builds.',
  'careerPath.productStrategy': 'Product and strategy',
  'careerPath.productStrategy.detail': 'Shapes what gets built and why; the path towards CTO.',
  'careerPath.peopleManagement': 'People management',
  'careerPath.peopleManagement.detail': 'Grows a team; results through other people.',
  'careerPath.undecided': 'Undecided',
  'careerPath.undecided.detail': 'No path chosen yet; revisit next time.',
  'flightRisk.low': 'Low',
  'flightRisk.low.detail': '"If this changed, or I could no longer do Y": worth knowing, no rush.',
  'flightRisk.medium': 'Medium',
  'flightRisk.medium.detail': '"If another job offered X": follow up soon.',
  'flightRisk.high': 'High',
  'flightRisk.high.detail': 'Several reasons, named quickly: follow up directly, this week.',
  'flightRisk.notAssessed': 'Not assessed',
  'flightRisk.notAssessed.detail': 'The question was not asked or the answer was unclear.',

  // questionScript.ts: the built-in script's guidance, shown in the Current Question view (titles stay as written: they head the notes).
  'script.checkin.why': 'Opens the conversation and shows what is on their mind right now.',
  'script.checkin.listenFor': 'Current pain points. Ask a follow-up question before moving on.',
  'script.checkin.capture': 'Pain points as #themes.',
  'script.lastSixMonths.why': 'Looks back over the period, at both wellbeing and work.',
  'script.lastSixMonths.listenFor': 'How they feel personally and professionally. Skip it if the first answer already went deep or you spoke recently.',
  'script.lastSixMonths.capture': 'Anything recurring as #themes.',
  'script.achievements.why': 'Shows whether they do work they are proud of, and what that work has in common.',
  'script.achievements.listenFor': 'Patterns across the three. If they cannot name three, that hints at low fulfilment: follow it up.',
  'script.achievements.capture': 'A numbered list of the achievements.',
  'script.currentRole.why': 'Their own view of the role is the baseline for the goals that follow.',
  'script.currentRole.listenFor': 'Gaps between their view and yours. Review last time\'s goals: where nothing moved, find what blocked it and reset expectations.',
  'script.currentRole.capture': 'Each goal from last time as met, partly met or not met.',
  'script.role6Months.why': 'Asks for the ideal, not the current trajectory.',
  'script.role6Months.listenFor': 'Whether it matches the role you have in mind for them.',
  'script.role6Months.capture': 'Six-month goals as a list. The next conversation reviews them.',
  'script.role2Years.why': 'The ideal again, tempered by what is realistic.',
  'script.role2Years.listenFor': 'Junior people: steer towards technical depth. Senior people: which of the four paths (specialist, architect or consultant, product and strategy, people management), and how far. Goals should connect back to their achievements.',
  'script.role2Years.capture': 'The career path and the two-year goals.',
  'script.leaveReason.why': 'An honest read of flight risk while there is still time to act.',
  'script.leaveReason.listenFor': 'Several reasons, quickly: high risk. "If another job offered X": medium. "If this changed, or I could no longer do Y": low, but worth knowing. Follow up high and medium soon and directly.',
  'script.leaveReason.capture': 'Flight risk (low, medium, high) and the reason.',
  'script.changeAnything.why': 'Surfaces frustrations and problems across the organisation.',
  'script.changeAnything.listenFor': 'Cheap ideas worth acting on. The same idea from more than one person is a strong signal.',
  'script.changeAnything.capture': 'Organisation-wide #themes; they feed the Themes view.',
  'script.anythingElse.why': 'Leaves room for whatever they still need to say.',
  'script.anythingElse.listenFor': 'Often pay or promotion: come prepared.',
  'script.anythingElse.capture': 'Topics as #themes, follow-ups as action items.',

  // liveHints.ts: suggestions while the note is written.
  'live.alreadyLooking': 'they say they are already looking',
  'live.reasonsNamed': '{0} reasons named',
  'live.anotherJob': 'the reason is another job or offer',
  'live.conditional': 'the reason is a change that has not happened',
  'live.flightRiskReads': 'The answer reads as {0} flight risk ({1}).',
  'live.setFlightRisk': 'Set flight risk to {0}',
  'live.weekAgo': '{0} week ago',
  'live.weeksAgo': '{0} weeks ago',
  'live.spokeRecently': 'You spoke {0} ({1}): you may skip this question.',
  'live.noteSkipped': 'Note it as skipped',
  'live.skippedText': 'Skipped: we spoke {0}.',
  'live.pathWithoutAchievement': 'The path is {0}, and none of the achievements points that way: worth talking about.',
  'live.goToAchievements': 'Go to the achievements',
  'live.payLastTime': 'Pay or promotion came up last time ({0}): be ready for it.',
  'live.path.peopleManagement': 'people management',
  'live.path.architectConsultant': 'architect / consultant',
  'live.path.technicalSpecialist': 'technical specialist',
  'live.path.productStrategy': 'product and strategy',

  // frontmatterAssist.ts: quick-fix titles and hover text.
  'fix.changeTo': 'Change to "{0}"',
  'fix.writeDate': 'Write the date as {0}',
  'fix.renameTo': 'Rename to "{0}"',
  'fix.usualSpelling': 'Write it "{0}", as most notes do',
  'fix.themesAsList': 'Make themes a list',
  'fix.mergeInto': 'Merge into "{0}"',
  'fix.addField': 'Add {0}: {1}',
  'hover.oneOf': 'One of: {0}',
  'hover.date': 'A date: `YYYY-MM-DD`',
  'hover.managerOnly': 'Manager-only: never included in a shared copy.',

  // vocabulary.ts: problems in the shared theme vocabulary, and tags it would write differently.
  'vocabulary.tooLarge': 'The vocabulary is larger than {0} KB, so it was not read.',
  'vocabulary.yaml': 'YAML: {0}',
  'vocabulary.unreadable': 'The vocabulary could not be read ({0}).',
  'vocabulary.duplicateTheme': '"{0}" is already a theme above (entry {1}). Keep one entry.',
  'vocabulary.aliasIsTheme': '"{0}" is itself a theme ("{1}"). Remove the alias, or merge the two themes.',
  'vocabulary.aliasTwice': '"{0}" is also an alias of "{1}". An alias can mean only one theme.',
  'vocabulary.unknownField': '"{0}" is not a field of {1}. Known fields are in schemas/themes.schema.json.',
  'vocabulary.needs': '{0} needs "{1}".',
  'vocabulary.oneOf': '{0} must be one of: {1}.',
  'vocabulary.mustBe': '{0} must be {1}.',
  'vocabulary.notValid': '{0} {1}.',
  'vocabulary.anotherSpelling': '#{0} is another spelling of the agreed theme "{1}": write #{2}.',
  'vocabulary.alias': '#{0} is an alias of the agreed theme "{1}": write #{2}.',

  // questionScriptFile.ts: why a team's question script was not used.
  'script.notJsonOrYaml': 'it is not valid JSON or YAML ({0})',
  'script.schema': '{0} {1}',
  'script.doesNotMatch': 'does not match the schema',
  'script.idTwice': 'the id "{0}" is used twice',
} as const satisfies Record<string, string>;

/** A message's stable id in the catalogue. */
export type MessageId = keyof typeof MESSAGES;

/** A value filled into a message's `{n}` placeholder. */
export type MessageArg = string | number;

/** Turns a catalogue message (its English text) and its values into the text shown. */
export type Translator = (english: string, args: readonly MessageArg[]) => string;

/** Fills `{0}`, `{1}`… with the values given; any other brace is left as written. */
export function fillPlaceholders(text: string, args: readonly MessageArg[]): string {
  return text.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

let translator: Translator = fillPlaceholders;

/**
 * Installs the translator every later message goes through (the editor's `vscode.l10n.t`); without
 * an argument, back to English. Messages already produced are not re-translated.
 */
export function setTranslator(translate?: Translator): void {
  translator = translate ?? fillPlaceholders;
}

/**
 * A text whose English lives outside the catalogue, in the language of the installed translator: the
 * field descriptions of schemas/conversation.schema.json (the schema stays their one source; `npm run
 * l10n` puts them in the bundle beside the catalogue).
 */
export function translatedText(english: string): string {
  return translator(english, []);
}

/** The message `id` with its placeholders filled, in the installed translator's language. */
export function msg(id: MessageId, ...args: MessageArg[]): string {
  return translator(MESSAGES[id], args);
}
