import { z } from 'zod';
import { httpUrl, identifier, isoDate, maxAge } from './common.js';
import { factDeclarationsSchema } from './facts.js';

export const CRITERIA_FORMAT = 1;

const checkNode = z
  .record(z.string(), z.unknown())
  .meta({ description: 'A check: a mapping of one operator (all, any, not, some, every, equals, ...) to its options' });

export const criterionSchema = z.strictObject({
  id: identifier.meta({ description: 'Stable id of the criterion, used in reports and waivers' }),
  level: z.enum(['minimum', 'best-case']).meta({ description: 'minimum: must hold; best-case: should hold' }),
  text: z.string().min(1).max(2000).meta({ description: 'The criterion as the upstream page words it' }),
  judged: z.string().min(1).max(4000).meta({ description: 'How pgcheck judges it from a manifest' }),
  applies_when: checkNode.optional().meta({ description: 'When this check fails, the criterion is not applicable' }),
  check: checkNode,
  help: httpUrl.optional().meta({ description: 'A page explaining the criterion' }),
  evidence: z.enum(['required', 'optional']).optional().meta({
    description: 'required: a claim the check relies on that has no source makes the result unknown (default optional)',
  }),
});

export const criteriaSetSchema = z
  .strictObject({
    pgcheck_criteria: z.literal(CRITERIA_FORMAT).meta({ description: 'Criteria file format version' }),
    id: identifier.meta({ description: 'The category id manifests name in `category`' }),
    extends: z.string().min(1).max(1000).optional().meta({
      description:
        'A criteria set whose criteria this one inherits: the id of an installed set, or a path relative to this file',
    }),
    title: z.string().min(1).max(200),
    source: httpUrl.meta({ description: 'The page the criteria come from' }),
    upstream: httpUrl.optional().meta({
      description:
        'Where the markdown of the source page can be fetched, for `pgcheck criteria drift` (e.g. its raw file in the site repository)',
    }),
    revision: isoDate.meta({ description: 'Date of the upstream revision the wording is taken from' }),
    description: z.string().max(4000).optional(),
    max_age: maxAge.optional().meta({
      description:
        "How old a manifest's reviewed date (or a source's retrieved date) may be before results built on it are stale",
    }),
    facts: factDeclarationsSchema.optional(),
    criteria: z.array(criterionSchema).min(1).max(200),
  })
  .meta({ title: 'pgcheck criteria set' });

export type CriteriaSetInput = z.infer<typeof criteriaSetSchema>;
export type Level = z.infer<typeof criterionSchema>['level'];
