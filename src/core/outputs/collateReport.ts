import { CollatedTheme, Collation, CollationDetail } from './collate';
import { bar, cell, trendWord } from './report';
import { statusLabel } from '../workspace';
import { escapeHtml, htmlPage } from './html';
import { msg } from '../base';

/** Themes drawn in the charts; the tables list every theme. */
const CHART_THEMES = 20;
const QUARTER_COLOURS = ['#c6dbef', '#9ecae1', '#4292c6', '#08519c'];

function responseText(theme: CollatedTheme): string {
  return theme.status ? `${statusLabel(theme.status)}${theme.owner ? ` (${theme.owner})` : ''}` : msg('collate.noResponse');
}

function trendText(theme: CollatedTheme, minThemeGroup: number): string {
  if (theme.trend === 'new') return msg('trend.new');
  // A count before under the theme minimum is given as 0: say "fewer than" instead.
  return theme.previousPeople === 0 ? msg('trend.beforeFew', trendWord(theme.trend), minThemeGroup) : msg('trend.before', trendWord(theme.trend), theme.previousPeople);
}

/** The columns of the themes table, in the Markdown and the HTML report alike. */
function themeColumns(): string[] {
  return [msg('column.theme'), msg('column.people'), msg('column.digests'), msg('column.teams'), msg('column.trend'), msg('column.orgResponse')];
}

function introLines(detail: CollationDetail): string[] {
  const { collation } = detail;
  return [
    msg(collation.sources === 1 ? 'collate.introOne' : 'collate.intro', collation.people, collation.sources),
    msg('collate.minimum', collation.minGroupSize),
    msg('collate.themeRule', collation.minThemeGroup),
  ];
}

/** The collated report as Markdown: cross-team patterns first, with block bars for the last four quarters. */
export function collationMarkdown(detail: CollationDetail): string {
  const { collation, recentQuarters, history } = detail;
  const out = [`# ${msg('collate.title', collation.quarter)}`, '', ...introLines(detail), ''];
  out.push(`## ${msg('report.themes')}`, '', msg('collate.crossTeamFirst'), '');
  if (collation.themes.length === 0) out.push(msg('collate.noThemes'), '');
  else {
    const top = Math.max(...collation.themes.map(t => t.people));
    out.push(`| ${themeColumns().join(' | ')} | |`, '|---|---:|---:|---:|---|---|---|');
    for (const theme of collation.themes) {
      out.push(`| ${cell(theme.theme)}${theme.crossTeam ? ' ★' : ''} | ${theme.people} | ${theme.sources} | ${theme.teams} | ${trendText(theme, collation.minThemeGroup)} | ${cell(responseText(theme))} | ${bar(theme.people, top)} |`);
    }
    out.push('', `### ${msg('collate.peoplePerTheme', recentQuarters[0], recentQuarters[3])}`, '', `| ${msg('column.theme')} | ${recentQuarters.join(' | ')} |`, `|---|${recentQuarters.map(() => '---:').join('|')}|`);
    for (const theme of collation.themes.slice(0, CHART_THEMES)) out.push(`| ${cell(theme.theme)} | ${(history.get(theme.theme) ?? [0, 0, 0, 0]).join(' | ')} |`);
    out.push('');
  }
  if (collation.otherThemes > 0) out.push(otherThemesLine(collation), '');
  out.push(`## ${msg('collate.teams')}`, '');
  if (collation.teams.length === 0) out.push(msg('collate.noTeams', collation.minGroupSize), '');
  else out.push(`| ${msg('column.team')} | ${msg('column.people')} |`, '|---|---:|', ...collation.teams.map(t => `| ${cell(t.team)} | ${t.people} |`), '');
  if (collation.rejected.length > 0) {
    out.push(`## ${msg('collate.rejected')}`, '', ...collation.rejected.map(r => `- ${cell(r.file)}: ${r.reason}.`), '');
  }
  if (collation.superseded.length > 0) out.push(`## ${msg('collate.superseded')}`, '', ...supersededLines(collation).map(line => `- ${cell(line)}.`), '');
  return out.join('\n');
}

const escape = escapeHtml;

/** Themes by people across the last four quarters: one group of four bars per theme, latest darkest. */
function themesChart(detail: CollationDetail): string {
  const themes = detail.collation.themes.slice(0, CHART_THEMES);
  if (themes.length === 0) return '';
  const rowHeight = 30;
  const labelWidth = 230;
  const plotWidth = 420;
  const top = Math.max(1, ...themes.flatMap(t => detail.history.get(t.theme) ?? [0]));
  const height = themes.length * rowHeight + 40;
  const rows = themes.map((theme, index) => {
    const y = 30 + index * rowHeight;
    const counts = detail.history.get(theme.theme) ?? [0, 0, 0, 0];
    const bars = counts.map((count, q) => `<rect x="${labelWidth}" y="${y + q * 6}" width="${Math.max(count > 0 ? 2 : 0, Math.round((count / top) * plotWidth))}" height="5" fill="${QUARTER_COLOURS[q]}"><title>${escape(`${theme.theme}, ${detail.recentQuarters[q]}: ${msg('count.people', count)}`)}</title></rect>`).join('');
    return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${escape(theme.theme)}${theme.crossTeam ? ' ★' : ''}</text>${bars}`
      + `<text x="${labelWidth + plotWidth + 8}" y="${y + 20}" class="value">${counts[3]}</text>`;
  }).join('\n');
  const legend = detail.recentQuarters.map((quarter, q) => `<rect x="${labelWidth + q * 105}" y="4" width="12" height="12" fill="${QUARTER_COLOURS[q]}"/><text x="${labelWidth + q * 105 + 16}" y="14" class="legend">${escape(quarter)}</text>`).join('');
  return `<svg role="img" aria-label="${escape(msg('collate.themesChart'))}" width="${labelWidth + plotWidth + 50}" height="${height}" viewBox="0 0 ${labelWidth + plotWidth + 50} ${height}" xmlns="http://www.w3.org/2000/svg">${legend}\n${rows}</svg>`;
}

function teamsChart(detail: CollationDetail): string {
  const teams = detail.collation.teams;
  if (teams.length === 0) return '';
  const top = Math.max(...teams.map(t => t.people));
  const height = teams.length * 26 + 10;
  const rows = teams.map((team, index) => {
    const y = 5 + index * 26;
    return `<text x="172" y="${y + 15}" text-anchor="end" class="label">${escape(team.team)}</text><rect x="180" y="${y + 3}" width="${Math.round((team.people / top) * 300)}" height="16" fill="#6a51a3"/><text x="${188 + Math.round((team.people / top) * 300)}" y="${y + 16}" class="value">${team.people}</text>`;
  }).join('\n');
  return `<svg role="img" aria-label="${escape(msg('collate.teamsChart'))}" width="540" height="${height}" viewBox="0 0 540 ${height}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328;background:#fff}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}td.n{text-align:right}
.label{font:13px system-ui,sans-serif;fill:#1f2328}.value,.legend{font:12px system-ui,sans-serif;fill:#59636e}
.status{border-radius:.6rem;padding:0 .5rem;font-size:.85em;background:#eaeef2}.status.in-progress{background:#ddf4ff}.status.resolved{background:#dafbe1}
.status.wont-fix{background:#ffebe9}.status.acknowledged{background:#fff8c5}.note{color:#59636e;font-size:.9em}`;

/**
 * The collated report as one self-contained HTML page: inline SVG charts drawn here (no chart
 * library, no script), and a policy that allows nothing but inline styles, so it works offline.
 */
export function collationHtml(detail: CollationDetail): string {
  const { collation } = detail;
  const themeRows = collation.themes.map(theme => `<tr><td>${escape(theme.theme)}${theme.crossTeam ? ' ★' : ''}</td><td class="n">${theme.people}</td><td class="n">${theme.sources}</td><td class="n">${theme.teams}</td><td>${escape(trendText(theme, collation.minThemeGroup))}</td>`
    + `<td>${theme.status ? `<span class="status ${theme.status}">${escape(statusLabel(theme.status))}</span>` : escape(msg('collate.noResponse'))}${theme.owner ? ` ${escape(theme.owner)}` : ''}${detail.notes.get(theme.theme) ? `<div class="note">${escape(detail.notes.get(theme.theme) ?? '')}</div>` : ''}</td></tr>`).join('\n');
  const rejected = collation.rejected.length > 0
    ? `<h2>${escape(msg('collate.rejected'))}</h2><ul>${collation.rejected.map(r => `<li>${escape(r.file)}: ${escape(r.reason)}.</li>`).join('')}</ul>` : '';
  const superseded = collation.superseded.length > 0
    ? `<h2>${escape(msg('collate.superseded'))}</h2><ul>${supersededLines(collation).map(line => `<li>${escape(line)}.</li>`).join('')}</ul>` : '';
  return htmlPage(msg('collate.title', collation.quarter), STYLE, `<h1>${escape(msg('collate.title', collation.quarter))}</h1>
${introLines(detail).map(line => `<p>${escape(line)}</p>`).join('\n')}
<h2>${escape(msg('collate.themesByPeople'))}</h2>
<p>${escape(msg('collate.crossTeamFirstStar'))}</p>
${themesChart(detail) || `<p>${escape(msg('collate.noThemes'))}</p>`}
${collation.otherThemes > 0 ? `<p>${escape(otherThemesLine(collation))}</p>` : ''}
<table><thead><tr>${themeColumns().map(column => `<th>${escape(column)}</th>`).join('')}</tr></thead>
<tbody>
${themeRows}
</tbody></table>
<h2>${escape(msg('collate.teams'))}</h2>
${teamsChart(detail) || `<p>${escape(msg('collate.noTeams', collation.minGroupSize))}</p>`}
${rejected}
${superseded}`);
}

/** "Other themes: N mentions.": what is too rare to show, counted. */
function otherThemesLine(collation: Collation): string {
  return msg(collation.otherThemes === 1 ? 'report.otherThemesOne' : 'report.otherThemes', collation.otherThemes);
}

/** One line per digest replaced by a newer one from the same notes: which quarters, and by which file. */
function supersededLines(collation: Collation): string[] {
  return collation.superseded.map(entry => msg('collate.supersededLine', entry.file, entry.quarters.join(', '), entry.by));
}
