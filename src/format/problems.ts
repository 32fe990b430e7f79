import type { Problem } from '../load/problem.js';
import type { Report } from '../report/report.js';

export interface ProblemSection {
  title: 'Errors' | 'Warnings';
  problems: readonly Problem[];
}

/** The report's errors (files that could not be evaluated) and warnings, leaving out empty ones. */
export function problemSections(report: Report): ProblemSection[] {
  const sections: ProblemSection[] = [
    { title: 'Errors', problems: report.errors },
    { title: 'Warnings', problems: report.warnings },
  ];
  return sections.filter((section) => section.problems.length > 0);
}
