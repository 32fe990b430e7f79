import { buildMatrices, columnLabels, labelText, type Matrix } from '../report/matrix.js';
import type { CandidateReport, Report } from '../report/report.js';
import { markdownText, safeUrl } from './escape.js';
import { linkLabel, provenance } from './links.js';
import type { Formatter } from './format.js';
import { matrixNotes, resultDetail } from './notes.js';
import { problemSections } from './problems.js';
import { summaryLine } from './summary-line.js';
import { NO_RESULT, statusText } from './symbols.js';

export const markdown: Formatter = {
  name: 'markdown',
  description: 'GitHub-flavoured markdown tables, to paste into a pull request or forum post',
  render: (report) => page('pgcheck report', report, report.candidates.map(candidateSection)),
  renderCompare: (report, options) =>
    page(
      'pgcheck comparison',
      report,
      buildMatrices(report, { quiet: options.quiet, staleFails: options.staleFails }).map(matrixSection),
    ),
};

function page(title: string, report: Report, sections: string[]): string {
  const blocks = [
    `# ${title}`,
    markdownText(summaryLine(report.summary)),
    provenance(report, markdownText, link),
    ...sections,
    criteriaSection(report),
    ...problemBlocks(report),
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function candidateSection(candidate: CandidateReport): string {
  const best =
    candidate.best_case.total > 0 ? `, best case ${candidate.best_case.passed}/${candidate.best_case.total}` : '';
  const homepage = candidate.homepage === undefined ? '' : `\n\nhomepage: ${link(candidate.homepage)}`;
  const heading = `## ${markdownText(candidate.name)}\n\n${markdownText(candidate.file)}: **${candidate.verdict}** against ${markdownText(candidate.criteria)}${best}${homepage}`;
  const rows = candidate.results.map((result) =>
    row([
      markdownText(result.criterion),
      result.level,
      statusText(result),
      markdownText(resultDetail(result)),
      links(result.sources),
    ]),
  );
  return [
    heading,
    '',
    row(['criterion', 'level', 'status', 'reason', 'sources']),
    row(['---', '---', '---', '---', '---']),
    ...rows,
  ].join('\n');
}

function matrixSection(matrix: Matrix): string {
  const { title, id, revision } = matrix.criteria;
  const heading = `## ${markdownText(title)} (${markdownText(id)}, revision ${revision})`;
  const labels = columnLabels(matrix);
  const names = matrix.candidates.map((candidate, index) => {
    const name =
      candidate.homepage === undefined ? markdownText(candidate.name) : link(candidate.homepage, candidate.name);
    const file = labels[index]?.file;
    return file === undefined ? name : `${name} (${markdownText(file)})`;
  });
  const rows = matrix.rows.map((entry) =>
    row([
      markdownText(entry.criterion),
      entry.level,
      ...entry.cells.map((cell) => (cell ? statusText(cell) : NO_RESULT)),
    ]),
  );
  return [
    heading,
    '',
    row(['criterion', 'level', ...names]),
    row(['---', '---', ...names.map(() => '---')]),
    ...rows,
    row(['**verdict**', '', ...matrix.candidates.map((candidate) => `**${candidate.verdict}**`)]),
    row(['**best case**', '', ...matrix.candidates.map(({ best_case }) => `${best_case.passed}/${best_case.total}`)]),
    ...notesList(matrixNotes(matrix)),
    ...sourcesList(matrix),
  ].join('\n');
}

/** The sources behind each cell, as `candidate, criterion: links`, since a matrix cell has room only for a status. */
function sourcesList(matrix: Matrix): string[] {
  const items = columnLabels(matrix).flatMap((label, column) =>
    matrix.rows.flatMap((entry) => {
      const cell = entry.cells[column];
      return cell?.sources
        ? [`- ${markdownText(`${labelText(label)}, ${entry.criterion}`)}: ${links(cell.sources)}`]
        : [];
    }),
  );
  return items.length > 0 ? ['', 'Sources:', '', ...items] : [];
}

/** A markdown link to an http(s) URL (any other scheme stays plain text), labelled with `label` or the URL itself. */
function link(url: string, label = linkLabel(url)): string {
  const safe = safeUrl(url);
  return safe ? `[${markdownText(label)}](${safe})` : markdownText(label);
}

function links(urls: readonly string[] | undefined): string {
  return (urls ?? []).map((url) => link(url)).join(', ');
}

function notesList(notes: string[]): string[] {
  return notes.length > 0 ? ['', ...notes.map((note) => `- ${markdownText(note)}`)] : [];
}

function criteriaSection(report: Report): string {
  const items = report.criteria.flatMap((set) =>
    set.criteria.map((criterion) => {
      const url = criterion.help === undefined ? undefined : safeUrl(criterion.help);
      const help = url ? ` ([help](${url}))` : '';
      const from = criterion.from ? `, from ${markdownText(criterion.from)}` : '';
      return `- **${markdownText(criterion.id)}** (${markdownText(set.id)}, ${criterion.level}${from}): ${markdownText(criterion.text)}${help}`;
    }),
  );
  return items.length > 0 ? `## Criteria\n\n${items.join('\n')}` : '';
}

function problemBlocks(report: Report): string[] {
  return problemSections(report).map(
    ({ title, problems }) =>
      `## ${title}\n\n${problems.map((problem) => `- ${markdownText(`${problem.file}:${problem.line}:${problem.column}`)}: ${markdownText(problem.message)}`).join('\n')}`,
  );
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}
