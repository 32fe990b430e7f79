import { terminalText } from '../../format/terminal-text.js';
import type { CandidateRef } from '../diff.js';
import type { DiffFormatter } from './registry.js';
import { levelText, statusText, summaryText, verdictMove, verdictText } from './words.js';

/** One line per candidate that changed, then its criteria whose status changed with both reasons. */
export const diffTable: DiffFormatter = {
  name: 'table',
  render: (diff) => {
    const lines = [`${terminalText(diff.old)} -> ${terminalText(diff.new)}`];
    const candidate = (ref: { file: string; name: string; criteria: string }) =>
      `${terminalText(ref.file)} (${terminalText(ref.name)}, ${terminalText(ref.criteria)})`;
    const entry = (kind: string, ref: CandidateRef) =>
      lines.push(`${kind.padEnd(8)} ${candidate(ref)}: ${ref.verdict}`);
    for (const ref of diff.added) entry('added', ref);
    for (const ref of diff.removed) entry('removed', ref);
    for (const change of diff.changed) {
      lines.push(`${verdictMove(change).padEnd(8)} ${candidate(change)}: ${verdictText(change)}`);
      for (const result of change.results) {
        lines.push(`  ${terminalText(result.criterion)} (${levelText(result)}): ${statusText(result)}`);
        if (result.reason_before !== null) lines.push(`    before: ${terminalText(result.reason_before)}`);
        if (result.reason_after !== null) lines.push(`    after:  ${terminalText(result.reason_after)}`);
      }
    }
    if (lines.length === 1) lines.push('no candidate changed');
    lines.push(summaryText(diff));
    return `${lines.join('\n')}\n`;
  },
};
