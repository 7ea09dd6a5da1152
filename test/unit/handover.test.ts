import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { analyzeNote, BUILT_IN_SCRIPT, parseGrowthConfig, summaryFromAnalysis, validateNote, withTagsEscaped } from '../../src/core/note';
import { carryOverFrom, renderNewNote } from '../../src/core/live';
import { effectiveRules } from '../../src/core/privacy';
import { buildDigest, collateDigests, describeDigest, personToken, sealDigest } from '../../src/core/outputs';
import { IndexedNote, personIdentities } from '../../src/core/workspace';

// A manager handover through the privacy gate: the CLI over real folders, and the person's stable id
// keeping them one person across the two managers' notes and digests.

const ID = 'p-0123456789abcdef';

/** One of Priya's notes with something planted in every place that must not travel. */
function priyaNote(date: string, n: number, extra: { sharedOn?: string; careerPath?: string; id?: boolean; tasks?: string } = {}): string {
  return `---\ntype: growth-conversation\nperson: Priya Shah\ndate: ${date}\nmanager: Dana Reyes\nteam: Platform\nlevel: senior\n`
    + `flightRisk: high\ncareerPath: ${extra.careerPath ?? 'architect-consultant'}\n${extra.sharedOn ? `sharedOn: ${extra.sharedOn}\n` : ''}${extra.id ? `personId: ${ID}\n` : ''}---\n\n`
    + `# Growth conversation: Priya Shah, ${date}\n\n`
    + `## 1. How are you doing? How is work? <!-- growth:checkin -->\nFine. CHECKIN-${n}\n\n`
    + `## 5. What do you want your role to look like in six months? <!-- growth:role-6-months -->\n- Lead the design reviews GOAL6-${n}\n- Move to another team (private) PRIVGOAL-${n}\n- A salary review by spring PAYGOAL-${n}\n\n`
    + `## 6. What do you want your role to look like in two years, if you are still here? <!-- growth:role-2-years -->\nArchitect for the platform GOAL2-${n}\n\nConfidential: thinking of leaving for the startup UNCERTAIN-${n}\n\n`
    + `## Next steps <!-- growth:next-steps -->\n${extra.tasks ?? ''}\n`
    + `## Private notes <!-- growth:private -->\nShe has an offer from elsewhere. PRIVATE-${n}\n`;
}

describe('growth handover: a first note for the new manager, through the gate', function () {
  this.timeout(120000);
  let base: string;
  let repo: string;
  let newNotes: string;

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'growth-handover-'));
    repo = join(base, 'old');
    newNotes = join(base, 'new', 'growth-notes');
    const write = (path: string, text: string) => {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    };
    write('growth-notes/priya-shah/2025-11-10.md', priyaNote('2025-11-10', 1, {
      careerPath: 'technical-specialist', sharedOn: '2025-11-12',
      tasks: '- [ ] Draft the architect band with HR @dana due:2026-01-15\n- [ ] Ask about the pay band (private) PRIVACTION-1\n- [x] Book the design course\n',
    }));
    write('growth-notes/priya-shah/2026-05-12.md', priyaNote('2026-05-12', 2, {
      sharedOn: '2026-05-14', id: true,
      tasks: '- [ ] Draft the architect band with HR @dana due:2026-01-15 <!-- from: 2025-11-10 -->\n- [ ] Ask about the pay band (private) PRIVACTION-1 <!-- from: 2025-11-10 -->\n- [ ] Pair with the SRE lead on the runbook\n- [ ] Discuss the bonus split PAYACTION-2\n',
    }));
    write('growth-notes/sam-lee/2026-04-20.md', '---\ntype: growth-conversation\nperson: Sam Lee\ndate: 2026-04-20\n---\n\n## 1. How are you doing? How is work? <!-- growth:checkin -->\nSAM-ONLY\n');
  });

  after(() => { if (!process.env.KEEP_HANDOVER) rmSync(base, { recursive: true, force: true }); else console.log(base); });

  it('writes one note under the person\'s folder with goals, open actions, career path and shared copies, and nothing private', async () => {
    const err: string[] = [];
    const code = await runCli(['handover', 'priya shah', repo, '--to', newNotes, '--manager', 'Lee Novak'], { print: () => undefined, printError: text => err.push(text), today: '2026-12-01' });
    assert.equal(code, 0, err.join('\n'));
    assert.deepEqual(readdirSync(newNotes), ['priya-shah']);
    assert.deepEqual(readdirSync(join(newNotes, 'priya-shah')), ['2026-12-01.md']);
    const text = readFileSync(join(newNotes, 'priya-shah', '2026-12-01.md'), 'utf8');
    for (const kept of ['GOAL6-1', 'GOAL6-2', 'GOAL2-1', 'GOAL2-2', 'Draft the architect band with HR @dana due:2026-01-15 <!-- from: 2025-11-10 -->',
      'Pair with the SRE lead on the runbook @', '2025-11-10: technical-specialist', '2026-05-12: architect-consultant', 'conversation of 2025-11-10, shared on 2025-11-12',
      'conversation of 2026-05-12, shared on 2026-05-14', `personId: ${ID}`, 'manager: Lee Novak', 'careerPath: architect-consultant', 'flightRisk: not-assessed']) {
      if (kept.endsWith('@')) assert.ok(text.includes(kept.slice(0, -2)), kept);
      else assert.ok(text.includes(kept), `${kept} missing from:\n${text}`);
    }
    for (const planted of ['CHECKIN', 'PRIVGOAL', 'PAYGOAL', 'UNCERTAIN', 'PRIVATE-', 'PRIVACTION', 'PAYACTION', 'SAM-ONLY', 'flightRisk: high', 'Book the design course', 'Dana Reyes']) {
      assert.ok(!text.includes(planted), `${planted} was carried:\n${text}`);
    }
    // A ticked action is not open, so it is not carried; the latest six-month goals sit under their question for the next review.
    const analysis = analyzeNote(text);
    assert.equal(analysis.note.isGrowthNote, true);
    assert.deepEqual(validateNote(analysis).filter(p => p.severity === 'error'), []);
    assert.equal(analysis.note.stablePersonId, ID);
    const sixMonths = analysis.note.sections.find(s => s.questionId === 'role-6-months');
    assert.ok(sixMonths);
    assert.deepEqual(analysis.note.blocks.filter(b => b.section === analysis.note.sections.indexOf(sixMonths) && b.kind === 'item').map(b => b.text), ['Lead the design reviews GOAL6-2']);
    assert.ok(err.some(line => /Left out: a passage about pay/.test(line)), err.join('\n'));
  });

  it('never replaces a note that is there already', async () => {
    const err: string[] = [];
    const before = readFileSync(join(newNotes, 'priya-shah', '2026-12-01.md'), 'utf8');
    const code = await runCli(['handover', 'Priya Shah', repo, '--to', newNotes], { print: () => undefined, printError: text => err.push(text), today: '2026-12-01' });
    assert.equal(code, 2);
    assert.match(err.join('\n'), /growth note|exists/i);
    assert.equal(readFileSync(join(newNotes, 'priya-shah', '2026-12-01.md'), 'utf8'), before);
  });

  it('gives a new random id when no note carries one, and a pseudonymous folder when the configuration asks', async () => {
    const plain = join(base, 'plain');
    mkdirSync(join(plain, 'growth-notes', 'priya-shah'), { recursive: true });
    writeFileSync(join(plain, 'growth-notes', 'priya-shah', '2026-05-12.md'), priyaNote('2026-05-12', 3));
    writeFileSync(join(plain, 'growth.config.json'), '{ "store": { "folderNames": "pseudonymous" } }\n');
    const err: string[] = [];
    const to = join(base, 'new2');
    const code = await runCli(['handover', 'Priya Shah', plain, '--to', to], { print: () => undefined, printError: text => err.push(text), today: '2026-12-01' });
    assert.equal(code, 0, err.join('\n'));
    const [folder] = readdirSync(to);
    assert.match(folder, /^p-[0-9a-f]{16}$/);
    assert.notEqual(folder, ID);
    const text = readFileSync(join(to, folder, '2026-12-01.md'), 'utf8');
    assert.ok(text.includes(`personId: ${folder}`));
    assert.ok(!/priya|shah/i.test(folder));
    assert.ok(err.some(line => line.includes(`personId: ${folder}`)), 'says to add the id to the old notes');
  });

  it('counts the person once when the old and the new manager\'s digests are collated', () => {
    const indexed = (path: string, text: string): IndexedNote => ({ ...summaryFromAnalysis(analyzeNote(text)), path });
    const other = (name: string, date: string, id?: string) => `---\ntype: growth-conversation\nperson: ${name}\ndate: ${date}\n${id ? `personId: ${id}\n` : ''}themes: [on-call-load]\n---\n\n## 1. How are you doing? How is work? <!-- growth:checkin -->\nFine.\n`;
    const oldNotes = [
      indexed('growth-notes/priya-shah/2026-10-05.md', other('Priya Shah', '2026-10-05', ID)),
      ...['Ann Bell', 'Bo Chen', 'Cy Dunn', 'Di Evans', 'Ed Fox'].map((name, i) => indexed(`growth-notes/${i}/2026-10-0${i + 1}.md`, other(name, `2026-10-0${i + 1}`))),
    ];
    const handed = readFileSync(join(newNotes, 'priya-shah', '2026-12-01.md'), 'utf8');
    const newNotesIndexed = [
      indexed('growth-notes/priya-shah/2026-12-01.md', handed),
      indexed('growth-notes/priya-shah/2026-12-15.md', other('Priya Shah', '2026-12-15')),
      ...['Fay Gold', 'Gus Hill', 'Hal Ives', 'Ida Jones'].map((name, i) => indexed(`growth-notes/n${i}/2026-11-0${i + 1}.md`, other(name, `2026-11-0${i + 1}`))),
    ];
    // The new manager's later note carries no id of its own: the folder makes it the same person.
    const identities = personIdentities(newNotesIndexed);
    assert.equal(identities.get('growth-notes/priya-shah/2026-12-01.md'), identities.get('growth-notes/priya-shah/2026-12-15.md'));
    const digest = (notes: IndexedNote[], sourceId: string) => {
      const built = buildDigest(notes, { today: '2026-12-20', sourceId, minGroupSize: 5 });
      assert.ok(!('refusal' in built), 'refusal' in built ? built.refusal : '');
      return built.text;
    };
    const a = digest(oldNotes, 'a'.repeat(32));
    const b = digest(newNotesIndexed, 'b'.repeat(32));
    const quarterA = JSON.parse(a).quarters.find((q: { quarter: string }) => q.quarter === '2026-Q4');
    const quarterB = JSON.parse(b).quarters.find((q: { quarter: string }) => q.quarter === '2026-Q4');
    assert.deepEqual(quarterA.personTokens, [personToken('2026-Q4', ID)]);
    assert.deepEqual(quarterB.personTokens, [personToken('2026-Q4', ID)]);
    assert.equal(JSON.parse(a).formatVersion, 4);
    // The manager is told before it is written.
    const built = buildDigest(oldNotes, { today: '2026-12-20', sourceId: 'a'.repeat(32), minGroupSize: 5 });
    assert.ok(!('refusal' in built));
    assert.ok(describeDigest(built).some(line => line.startsWith('It also holds 1 person tokens')));
    // Nothing in either digest spells the person or the id.
    for (const text of [a, b]) assert.ok(!/priya|shah|0123456789abcdef/i.test(text));
    assert.equal(quarterA.people + quarterB.people, 11);
    const collated = collateDigests([{ file: 'old.json', text: a }, { file: 'new.json', text: b }], { minGroupSize: 5, today: '2026-12-20' });
    assert.deepEqual(collated.collation.rejected, []);
    assert.equal(collated.collation.people, 10);
    // One digest alone, or two without a shared token, count as before.
    assert.equal(collateDigests([{ file: 'old.json', text: a }], { minGroupSize: 5, today: '2026-12-20' }).collation.people, 6);
  });

  it('refuses a digest whose tokens outnumber its people', () => {
    const indexed = (i: number): IndexedNote => ({ ...summaryFromAnalysis(analyzeNote(`---\ntype: growth-conversation\nperson: P${i} Q\ndate: 2026-10-0${i + 1}\npersonId: p-000000000000000${i}\n---\n`)), path: `n/${i}/a.md` });
    const built = buildDigest([0, 1, 2, 3, 4].map(indexed), { today: '2026-12-20', sourceId: 'c'.repeat(32), minGroupSize: 5 });
    assert.ok(!('refusal' in built));
    assert.equal(built.digest.quarters[0].personTokens?.length, 5);
    const data = JSON.parse(built.text);
    delete data.contentHash;
    data.quarters[0].personTokens = [...data.quarters[0].personTokens, 'f'.repeat(32)];
    const result = collateDigests([{ file: 'forged.json', text: sealDigest(data) }], { minGroupSize: 5, today: '2026-12-20' });
    assert.equal(result.collation.rejected.length, 1);
    assert.match(result.collation.rejected[0].reason, /6 person tokens for 5 people/);
  });
});

describe('Pseudonymous folders: the stable id in new notes', () => {
  it('writes a new person\'s id into the note, and carries a known person\'s id to the next note', () => {
    const first = renderNewNote({ person: 'Robin Vale', date: '2026-03-01', script: BUILT_IN_SCRIPT, personId: ID });
    assert.match(first, /^personId: p-0123456789abcdef$/m);
    assert.equal(analyzeNote(first).note.stablePersonId, ID);
    const carry = carryOverFrom(first, '2026-03-01.md', BUILT_IN_SCRIPT);
    assert.equal(carry?.personId, ID);
    const next = renderNewNote({ person: 'Robin Vale', date: '2026-09-01', script: BUILT_IN_SCRIPT, carryOver: carry });
    assert.match(next, /^personId: p-0123456789abcdef$/m);
    // Without an id anywhere, the note is as it always was.
    assert.doesNotMatch(renderNewNote({ person: 'Robin Vale', date: '2026-03-01', script: BUILT_IN_SCRIPT }), /personId/);
  });

  it('reads store.folderNames from growth.config.json, names by default', () => {
    assert.equal(effectiveRules(parseGrowthConfig('{ "store": { "folderNames": "pseudonymous" } }').config).rules.store.folderNames, 'pseudonymous');
    assert.equal(effectiveRules(parseGrowthConfig('{}').config).rules.store.folderNames, 'names');
    assert.equal(parseGrowthConfig('{ "store": { "folderNames": "initials" } }').problems.length, 1);
  });

  it('a malformed or name-like personId is not an id: it joins no one', () => {
    const note = (person: string, id: string, path: string): IndexedNote => ({ ...summaryFromAnalysis(analyzeNote(`---\ntype: growth-conversation\nperson: ${person}\ndate: 2026-01-01\npersonId: ${id}\n---\n`)), path });
    const ids = personIdentities([note('Ann Bell', 'ann-bell', 'a/1.md'), note('Bo Chen', 'ann-bell', 'b/1.md'), note('Cy Dunn', ID, 'c/1.md'), note('Cy Dunn (new)', ID, 'd/1.md')]);
    assert.notEqual(ids.get('a/1.md'), ids.get('b/1.md'));
    assert.equal(ids.get('c/1.md'), ids.get('d/1.md'));
  });

  it('a goal copied into the handover note keeps its words, and its tags count as no theme there', () => {
    assert.equal(withTagsEscaped('The #career-ladder has no track; C# and #fff stay'), 'The \\#career-ladder has no track; C# and #fff stay');
    const note = `---\ntype: growth-conversation\nperson: A B\ndate: 2026-01-01\n---\n\n## 6. Two years <!-- growth:role-2-years -->\n- ${withTagsEscaped('Architect. The #career-ladder has none.')}\n`;
    assert.deepEqual(analyzeNote(note).note.tags, []);
  });
});
