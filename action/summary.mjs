// The step summary of the pgcheck GitHub Action (action.yml): a markdown table of the verdicts from
// pgcheck's JSON report. Usage: node summary.mjs <report.json> <exit code>; prints markdown.
import { readFileSync } from 'node:fs';

const VERDICTS = {
  'meets-minimum': '✅ meets the minimum',
  'fails-minimum': '❌ fails the minimum',
  incomplete: '❔ incomplete',
};

/** Untrusted text for a table cell: one line, markdown and HTML syntax escaped. */
function cell(text) {
  return String(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/[\\`*_{}[\]#|~!()<>&]/g, (char) => `\\${char}`);
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function summary(report, code) {
  const lines = ['## pgcheck', ''];
  if (!report)
    return [...lines, `pgcheck wrote no report (exit code ${code}): see the step's log for why.`, ''].join('\n');
  if (report.candidates.length > 0) {
    lines.push(
      '| candidate | file | criteria | verdict | best case | stale |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const candidate of report.candidates) {
      const stale = candidate.results.filter((result) => result.stale).length;
      const best = `${candidate.best_case.passed}/${candidate.best_case.total}`;
      lines.push(
        `| ${cell(candidate.name)} | ${cell(candidate.file)} | ${cell(candidate.criteria)} | ${VERDICTS[candidate.verdict] ?? cell(candidate.verdict)} | ${best} | ${stale || ''} |`,
      );
    }
    lines.push('');
  }
  const { summary: s } = report;
  const counts = `${plural(s.candidates, 'candidate')}: ${s['meets-minimum']} meet the minimum, ${s['fails-minimum']} fail it, ${s.incomplete} incomplete`;
  lines.push(
    `${counts}${s.errors > 0 ? `; ${plural(s.errors, 'file')} with errors` : ''} (as of ${report.as_of}, exit code ${code}).`,
    '',
  );
  for (const problem of report.errors)
    lines.push(`- ${cell(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`)}`);
  if (report.errors.length > 0) lines.push('');
  return lines.join('\n');
}

function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const [path, code] = process.argv.slice(2);
process.stdout.write(summary(readReport(path), code));
