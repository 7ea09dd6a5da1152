/** One file of the org repository's layout, relative to its root, with `/`. */
export interface OrgRepoFile {
  readonly path: string;
  readonly content: string;
}

const VOCABULARY = `# The theme names your organisation agrees on (schema: schemas/themes.schema.json).
# An alias counts as its theme everywhere: in each manager's Themes view, digests and this report.
version: 1
themes:
  - name: on-call load
    aliases: [on-call, oncall, pager load]
    description: Too many pages, nights or weekends on call.
    response:
      status: open
  - name: ci speed
    aliases: [slow ci, build times]
    description: Waiting on builds and tests.
`;

const README = `# Growth digests

This repository collects **team digests**, never notes. Each manager exports a digest from their
own private notes and commits it under \`digests/\`; CI merges them into one report.

## For managers: adding your digest

1. In VS Code, run **Growth: Export Team Digest** (or \`growth digest <notes folder> --out digest.json\`).
2. Read what it says will leave: counts of people per quarter, per theme, per team of at least
   5 people. No names, no note text, no file paths, no days.
3. Save it as \`digests/<your label>-<quarter>.json\` and open a merge request. Each quarter, add a
   new digest: it replaces your older ones for the quarters they share (the first digest writes a
   random \`.growth-source-id\` beside your notes: commit it, so later digests are known as yours).

A digest is rejected (and listed with the reason) when it was edited after it was made, when it
has a field the format does not know, when a group is under the minimum, when its counts cannot be
true, or when it repeats another digest. The seal catches accidents, not forgery: require signed
commits on \`digests/\` to know who added each one.

## Theme names

\`growth-themes.yaml\` lists the agreed theme names, their aliases, and what the organisation is
doing about each (\`response: status, owner, note\`). Managers point
\`growth.themes.vocabularyPath\` at a copy, so their Themes view shows the response and the next
conversation can tell people what happened.

## The tool

\`tools/growth-conversations.tgz\` is the command line, packed with \`npm pack\` from the same
version of Growth Conversations the managers use (rename the file it makes). CI runs it from there,
so nothing is fetched by name; replace the file to upgrade.

## The report

CI runs \`growth collate digests --vocabulary growth-themes.yaml\` on every push and keeps
\`report.html\`, \`report.md\` and \`report.json\` as artifacts. Run it locally the same way.
`;

// The tool runs from a tarball kept in the repository: CI never fetches our code by name from a registry.
const COLLATE = 'npx --yes --package ./tools/growth-conversations.tgz growth collate digests --vocabulary growth-themes.yaml';

const GITHUB = `name: Collate growth digests
on:
  push:
  pull_request:
jobs:
  collate:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: ${COLLATE} --out report.html
      - run: ${COLLATE} --out report.md
      - run: ${COLLATE} --json > report.json
      - uses: actions/upload-artifact@v4
        with:
          name: growth-report
          path: |
            report.html
            report.md
            report.json
`;

const GITLAB = `collate-growth-digests:
  image: node:20
  script:
    - ${COLLATE} --out report.html
    - ${COLLATE} --out report.md
    - ${COLLATE} --json > report.json
  artifacts:
    paths:
      - report.html
      - report.md
      - report.json
`;

/** The org repository's layout: where digests go, the shared vocabulary, a README for managers, and CI examples. */
export function orgRepoFiles(): OrgRepoFile[] {
  return [
    { path: 'README.md', content: README },
    { path: 'growth-themes.yaml', content: VOCABULARY },
    { path: 'digests/README.md', content: 'Team digests go here, one JSON file per manager and export. Never notes.\n' },
    { path: '.github/workflows/collate.yml', content: GITHUB },
    { path: '.gitlab-ci.yml', content: GITLAB },
  ];
}
