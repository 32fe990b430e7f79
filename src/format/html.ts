import { createHash } from 'node:crypto';
import { buildMatrices, columnLabels, type Matrix } from '../report/matrix.js';
import type { CandidateReport, Report } from '../report/report.js';
import { safeUrl, xmlText as h } from './escape.js';
import { linkLabel, provenance } from './links.js';
import type { Formatter, FormatOptions } from './format.js';
import { resultNotes } from './notes.js';
import { problemSections } from './problems.js';
import { summaryLine } from './summary-line.js';
import { NO_RESULT, statusText } from './symbols.js';

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
.pass{background:#e3f4e1}.fail{background:#fbe0e0}.unknown{background:#fff4cc}.waived{background:#e0f0f7}.not-applicable{color:#666}
.meets-minimum{color:#1a6b1a}.fails-minimum{color:#a11}.incomplete{color:#8a6100}small{color:#555}`;

// Nothing may load or run: no scripts, no remote anything; only the one inline stylesheet, by hash.
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

/**
 * One self-contained HTML page: summary, the compare matrix, each candidate's results, the criteria,
 * errors and warnings. Every piece of report text is escaped; the Content-Security-Policy forbids scripts.
 */
export const html: Formatter = {
  name: 'html',
  description: 'one self-contained HTML page (summary, compare matrix, results), no scripts or external assets',
  render: (report, options) => page('pgcheck report', report, options),
  renderCompare: (report, options) => page('pgcheck comparison', report, options),
};

function page(title: string, report: Report, options: FormatOptions): string {
  const body = [
    `<h1>${title}</h1>`,
    `<p id="summary">${h(summaryLine(report.summary))}</p>`,
    `<p id="provenance">${provenance(report, h, link)}</p>`,
    ...buildMatrices(report, { quiet: options.quiet, staleFails: options.staleFails }).map(matrixSection),
    ...report.candidates.map(candidateSection),
    criteriaSection(report),
    ...problemSections(report).map(
      ({ title: heading, problems }) =>
        `<section class="${heading.toLowerCase()}"><h2>${heading}</h2><ul>${problems.map((p) => `<li>${h(`${p.file}:${p.line}:${p.column}`)}: ${h(p.message)}</li>`).join('')}</ul></section>`,
    ),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter((block) => block !== '').join('\n')}
</body>
</html>
`;
}

function matrixSection(matrix: Matrix): string {
  const { title, id, revision } = matrix.criteria;
  const labels = columnLabels(matrix);
  const heading = (c: Matrix['candidates'][number], index: number) => {
    const file = labels[index]?.file;
    return `${c.homepage === undefined ? h(c.name) : link(c.homepage, c.name)}${file === undefined ? '' : `<br><small>${h(file)}</small>`}`;
  };
  const head = `<tr><th scope="col">criterion</th><th scope="col">level</th>${matrix.candidates.map((c, index) => `<th scope="col">${heading(c, index)}</th>`).join('')}</tr>`;
  const rows = matrix.rows.map(
    (row) =>
      `<tr><th scope="row">${h(row.criterion)}</th><td>${row.level}</td>${row.cells
        .map((cell) =>
          cell
            ? `<td class="${cell.status}">${h(statusText(cell))}<br><small>${h(cell.reason)}</small></td>`
            : `<td>${NO_RESULT}</td>`,
        )
        .join('')}</tr>`,
  );
  const verdicts = `<tr><th scope="row">verdict</th><td></td>${matrix.candidates.map((c) => `<td class="${c.verdict}"><strong>${c.verdict}</strong></td>`).join('')}</tr>`;
  const best = `<tr><th scope="row">best case</th><td></td>${matrix.candidates.map((c) => `<td>${c.best_case.passed}/${c.best_case.total}</td>`).join('')}</tr>`;
  return `<section class="matrix"><h2>Comparison: ${h(title)} <small>(${h(id)}, revision ${h(revision)})</small></h2>
<table><thead>${head}</thead><tbody>${rows.join('')}${verdicts}${best}</tbody></table></section>`;
}

function candidateSection(candidate: CandidateReport): string {
  const rows = candidate.results.map((result) => {
    const notes = resultNotes(result)
      .map((note) => `<br><small>${h(note)}</small>`)
      .join('');
    const sources = (result.sources ?? []).map((url) => link(url)).join('<br>');
    return `<tr><th scope="row">${h(result.criterion)}</th><td>${result.level}</td><td class="${result.status}">${h(statusText(result))}</td><td>${h(result.reason)}${notes}</td><td>${sources}</td></tr>`;
  });
  const best =
    candidate.best_case.total > 0 ? `, best case ${candidate.best_case.passed}/${candidate.best_case.total}` : '';
  const homepage = candidate.homepage === undefined ? '' : `<br>homepage: ${link(candidate.homepage)}`;
  return `<section class="candidate"><h2>${h(candidate.name)}</h2>
<p>${h(candidate.file)}: <strong class="${candidate.verdict}">${candidate.verdict}</strong> against ${h(candidate.criteria)}${best}${homepage}</p>
<table><thead><tr><th>criterion</th><th>level</th><th>status</th><th>reason</th><th>sources</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** A link to an http(s) URL (any other scheme stays plain text), labelled with `label` or the URL itself. */
function link(url: string, label = linkLabel(url)): string {
  const safe = safeUrl(url);
  return safe ? `<a href="${h(safe)}" rel="noreferrer noopener">${h(label)}</a>` : h(label);
}

function criteriaSection(report: Report): string {
  const items = report.criteria.flatMap((set) =>
    set.criteria.map((criterion) => {
      const url = safeUrl(criterion.help ?? set.source);
      const link = url ? ` <a href="${h(url)}" rel="noreferrer noopener">help</a>` : '';
      const from = criterion.from ? `, from ${h(criterion.from)}` : '';
      return `<li><strong>${h(criterion.id)}</strong> (${h(set.id)}, ${criterion.level}${from}): ${h(criterion.text)}${link}</li>`;
    }),
  );
  return items.length > 0 ? `<section id="criteria"><h2>Criteria</h2><ul>${items.join('')}</ul></section>` : '';
}
