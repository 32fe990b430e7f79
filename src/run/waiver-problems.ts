import { describeWaiverNote, type WaiverNote } from '../engine/findings.js';
import type { Problem } from '../load/problem.js';
import { locate, type YamlSource } from '../load/source.js';

/** Waivers naming a criterion the set lacks are errors; expired and unused ones are warnings. */
export function waiverProblems(
  notes: readonly WaiverNote[],
  source: YamlSource,
): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const note of notes) {
    const isError = note.code === 'unknown-criterion';
    const { line, column } = locate(source, isError ? ['waivers', note.index, 'criterion'] : ['waivers', note.index]);
    (isError ? errors : warnings).push({ file: source.file, line, column, message: describeWaiverNote(note) });
  }
  return { errors, warnings };
}
