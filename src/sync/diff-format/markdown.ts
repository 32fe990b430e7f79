import { markdownText } from '../../format/escape.js';
import type { CandidateRef } from '../diff.js';
import type { DiffFormatter } from './registry.js';
import { levelText, statusText, summaryText, verdictMove, verdictText } from './words.js';

/** A section per changed candidate with a table of its status changes, for pull requests and issues. */
export const diffMarkdown: DiffFormatter = {
  name: 'markdown',
  render: (diff) => {
    const name = (ref: { file: string; name: string; criteria: string }) =>
      `${markdownText(ref.name)} (${markdownText(ref.file)}, ${markdownText(ref.criteria)})`;
    const sections = [`## Changes from ${markdownText(diff.old)} to ${markdownText(diff.new)}`];
    const list = (title: string, refs: CandidateRef[]) => {
      if (refs.length > 0)
        sections.push(`### ${title}\n\n${refs.map((ref) => `- ${name(ref)}: ${ref.verdict}`).join('\n')}`);
    };
    list('Candidates added', diff.added);
    list('Candidates removed', diff.removed);
    for (const change of diff.changed) {
      const head = `### ${verdictMove(change) === 'worse' ? 'Worse: ' : ''}${name(change)}\n\nVerdict: ${markdownText(verdictText(change)).replace(' -&gt; ', ' → ')}`;
      if (change.results.length === 0) {
        sections.push(head);
        continue;
      }
      const rows = change.results.map(
        (result) =>
          `| ${markdownText(result.criterion)} | ${markdownText(levelText(result)).replace(' -&gt; ', ' → ')} | ${markdownText(statusText(result)).replace(' -&gt; ', ' → ')} | ${markdownText(result.reason_before ?? '')} | ${markdownText(result.reason_after ?? '')} |`,
      );
      sections.push(
        [
          head,
          '',
          '| criterion | level | status | reason before | reason after |',
          '| --- | --- | --- | --- | --- |',
          ...rows,
        ].join('\n'),
      );
    }
    sections.push(summaryText(diff));
    return `${sections.join('\n\n')}\n`;
  },
};
