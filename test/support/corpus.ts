// A synthetic, realistic workspace of growth notes, generated from a seed: the benchmark's input
// and the differential test's second corpus.

/** A small deterministic PRNG (mulberry32), so a seed always gives the same notes. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Alex', 'Priya', 'Sam', 'Jordan', 'Mei', 'Lars', 'Ana', 'Tomás', 'Zoë', 'Kwame', 'Ines', 'Ravi', 'Yuki', 'Olu', 'Nina'];
const LAST = ['Morgan', 'Shah', 'Lee', 'Kim', 'Chen', 'Berg', 'Silva', 'García', 'Ångström', 'Mensah', 'Costa', 'Iyer', 'Sato', 'Adeyemi', 'Novak'];
const TEAMS = ['Platform', 'Payments', 'Mobile', 'Data', 'Search', 'Growth'];
const MANAGERS = ['Dana Reyes', 'Chris Okafor', 'Lee Park', 'Maria Rossi'];
const THEMES = [['on-call-load', 'On Call Load', 'on_call_load'], ['ci-speed', 'CI speed'], ['career-ladder', 'Career Ladder'], ['onboarding', 'Onboarding'],
  ['tech-debt', 'Tech Debt'], ['meetings', 'Meetings'], ['pay', 'Pay'], ['remote-work', 'Remote work'], ['docs/api', 'docs/runbooks'], ['hiring', 'Hiring']];
const LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal'];
const PATHS = ['technical-specialist', 'architect-consultant', 'product-strategy', 'people-management', 'undecided'];
const RISKS = ['low', 'medium', 'high', 'not-assessed'];
const WORDS = 'the team shipped a release and talked about planning reviews pairing deadlines quality focus goals roadmap support customers incidents design feedback growth learning'.split(' ');

export interface GeneratedNote {
  readonly path: string;
  readonly text: string;
}

/**
 * How the frontmatter is written. `flow`: `key: value` lines and `[a, b]` lists. `written`: the ways
 * people and their tools write it, varying note by note: block lists (`  - a` lines, indented or not),
 * quoted values, comment lines, CRLF line ends and a byte-order mark.
 */
export type FrontmatterStyle = 'flow' | 'written';

/** `count` notes spread over people (about four conversations each), roughly 3 KB apiece. */
export function generateNotes(count: number, seed = 1, style: FrontmatterStyle = 'flow'): GeneratedNote[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const sentence = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  const tag = () => `#${pick(pick(THEMES)).replace(/ /g, '-')}`;
  const people = Math.max(1, Math.ceil(count / 4));
  const notes: GeneratedNote[] = [];
  for (let i = 0; i < count; i++) {
    const personIndex = i % people;
    const person = `${FIRST[personIndex % FIRST.length]} ${LAST[Math.floor(personIndex / FIRST.length) % LAST.length]} ${Math.floor(personIndex / 225) || ''}`.trim();
    const year = 2023 + Math.floor(i / people) % 4;
    const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    const slug = person.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-');
    const themes = [pick(pick(THEMES)), pick(pick(THEMES))];
    const achievements = 1 + Math.floor(next() * 3);
    const fields = [
      `type: growth-conversation`,
      `person: ${person}`,
      `date: ${date}`,
      `manager: ${pick(MANAGERS)}`,
      `team: ${pick(TEAMS)}`,
      `level: ${pick(LEVELS)}`,
      `careerPath: ${pick(PATHS)}`,
      `flightRisk: ${pick(RISKS)} # assessed in the meeting`,
      `themes: [${themes.join(', ')}]`,
      `nextConversation: ${year + 1}-01-15`,
    ];
    const body = [
      `---`,
      ...(style === 'written' ? asWritten(fields, themes, random(seed * 7919 + i)) : fields),
      `---`,
      ``,
      `# Growth conversation: ${person}, ${date}`,
      ``,
      `## 1. How are you doing? How is work? <!-- growth:checkin -->`,
      `<!-- Opens the conversation. -->`,
      `${sentence(25)} ${tag()} and ${sentence(12)}.`,
      `Also mentioned \`#not-a-tag\` in passing, see [the doc](https://example.com/#anchor) and issue #42.`,
      ``,
      `## 2. How have the last six months gone? <!-- growth:last-six-months -->`,
      `${sentence(40)}. *${sentence(3)}* ${tag()}`,
      ``,
      `## 3. Which three achievements from the last 6 to 12 months are you most proud of? <!-- growth:achievements -->`,
      ...Array.from({ length: achievements }, (_, n) => `${n + 1}. ${sentence(8)}`),
      ...(achievements < 3 ? [`${achievements + 1}. `] : []),
      ``,
      `## 4. How would you describe your current role? <!-- growth:current-role -->`,
      `<!-- Goals from last time: tick each one met, or note what blocked it. -->`,
      `- [x] ${sentence(5)} <!-- from: ${year - 1}-06-01 -->`,
      `- [ ] ${sentence(5)} <!-- from: ${year - 1}-06-01 -->`,
      `- [ ] ${sentence(4)} <!-- from: ${year - 1}-06-01 --> ${sentence(3)}`,
      ``,
      `${sentence(30)}.`,
      ``,
      `## 5. What do you want your role to look like in six months? <!-- growth:role-6-months -->`,
      `- ${sentence(7)}`,
      `- ${sentence(6)}`,
      `  - ${sentence(4)} ${tag()}`,
      ``,
      `## 6. What do you want your role to look like in two years, if you are still here? <!-- growth:role-2-years -->`,
      `${sentence(35)} ${tag()}.`,
      ``,
      `## 7. If you were to leave, what would be the number one reason? <!-- growth:leave-reason -->`,
      `> ${sentence(15)}`,
      ``,
      `## 8. With unlimited money and the job of the CTO, what would you change? <!-- growth:change-anything -->`,
      `${sentence(30)} ${tag()} ${tag()}.`,
      '```',
      `#inside-code ${sentence(5)}`,
      '```',
      ``,
      `## 9. What have we not talked about that we should have? <!-- growth:anything-else -->`,
      `${sentence(20)}.`,
      ``,
      `## Next steps <!-- growth:next-steps -->`,
      `- [ ] ${sentence(6)} @${pick(['dana', 'chris', slug])} due:${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-10`,
      `- [${next() < 0.5 ? 'x' : ' '}] ${sentence(5)} @dana due:${year}-12-01`,
      `- [ ] ${sentence(4)} <!-- from: ${year - 1}-06-01 -->`,
      `- [ ] Check the pay band (private) @dana`,
      ``,
      `## Private notes <!-- growth:private -->`,
      `${sentence(20)} ${tag()}`,
      `- [ ] ${sentence(3)}`,
      ``,
    ];
    const written = style === 'written' ? writtenEnds(body, random(seed * 104_729 + i)) : body.join('\n');
    notes.push({ path: `growth-notes/${slug}/${date}-${i}.md`, text: written });
  }
  return notes;
}

/**
 * The same fields as people and their tools write them. Its own random numbers (`next`), so the
 * flow-style corpus of a seed stays what it was.
 */
function asWritten(fields: readonly string[], themes: readonly string[], next: () => number): string[] {
  const indent = next() < 0.7 ? '  ' : '';
  const quote = (line: string) => {
    const [key, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)];
    const roll = next();
    if (roll < 0.3) return `${key}: "${value}"`;
    if (roll < 0.45) return `${key}: '${value.replace(/'/g, "''")}'`;
    return line;
  };
  const out: string[] = [];
  for (const line of fields) {
    if (line.startsWith('themes:')) {
      if (next() < 0.2) out.push('# Themes: what they raised, in their words');
      out.push('themes:', ...themes.map(theme => `${indent}- ${next() < 0.25 ? `"${theme}"` : theme}${next() < 0.1 ? ' # again' : ''}`));
    } else if (/^(person|manager|team):/.test(line)) out.push(quote(line));
    else out.push(line);
  }
  return out;
}

/** CRLF line ends for some notes, a byte-order mark for fewer. */
function writtenEnds(lines: readonly string[], next: () => number): string {
  const text = lines.join(next() < 0.4 ? '\r\n' : '\n');
  return next() < 0.15 ? `\uFEFF${text}` : text;
}
