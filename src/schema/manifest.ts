import { z } from 'zod';
import { httpUrl, identifier, isoDate, pageUrl, partialDate, repositoryUrl } from './common.js';
import type { FactDeclaration, FactDeclarations } from './facts.js';
import { parseLicense } from './spdx.js';

export const MANIFEST_FORMAT = 1;

/** One source: a URL, or {url, quote, retrieved}. Every list of sources in a manifest is a list of these. */
export const source = z.union([
  httpUrl,
  z.strictObject({
    url: httpUrl,
    quote: z.string().min(1).max(2000).optional().meta({ description: 'Words on that page that back the claim' }),
    retrieved: isoDate.optional().meta({ description: 'When the page was read' }),
  }),
]);

const sources = z
  .array(source)
  .max(100)
  .optional()
  .meta({ description: 'Public pages behind the facts of this section: URLs, or {url, quote, retrieved}' });

const text = z.string().min(1).max(2000);

/** A licence field: validated here; deprecated ids are warned about once loaded (load/licence-warnings.ts). */
export const spdxExpression = z
  .string()
  .min(1)
  .max(500)
  .superRefine((value, ctx) => {
    const parsed = parseLicense(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error, input: value });
  })
  .meta({ description: 'An SPDX licence expression, e.g. AGPL-3.0-only or MIT OR Apache-2.0' });

export const mfaMethods = ['totp', 'fido2', 'sms', 'email', 'push'] as const;
export const fileOperations = ['upload', 'download', 'delete', 'organize', 'share'] as const;

/** The built-in fields and sections, the same for every category; `facts` is added per criteria set. */
const builtInShape = {
  pgcheck: z.literal(MANIFEST_FORMAT).meta({ description: 'Manifest format version' }),
  name: z.string().min(1).max(200).meta({ description: 'Name of the tool' }),
  category: identifier.meta({ description: 'Id of the criteria set applied by default, e.g. photo-management' }),
  homepage: httpUrl.optional(),
  reviewed: isoDate.optional().meta({ description: 'Date the facts below were last checked' }),
  hosting: z
    .strictObject({
      cloud: z.boolean().optional().meta({ description: 'The vendor runs a hosted service people sign up to' }),
      self_hostable: z.boolean().optional(),
      sources,
    })
    .optional()
    .meta({ description: 'Who runs the service: a hosted offering, self-hosting, or both' }),
  encryption: z
    .strictObject({
      e2ee: z.enum(['enforced', 'optional', 'none']).optional().meta({
        description: 'End-to-end encryption: always on (enforced), opt-in (optional) or absent (none)',
      }),
      sources,
    })
    .optional()
    .meta({ description: 'How user data is protected from the provider' }),
  pricing: z
    .strictObject({
      free_plan: z.boolean().optional(),
      free_plan_details: text.optional(),
      trial_days: z.int().min(0).max(3650).optional().meta({ description: 'Length of a free trial; 0 for none' }),
      sources,
    })
    .optional()
    .meta({ description: 'What it costs to try and to use' }),
  authentication: z
    .strictObject({
      mfa: z.array(z.enum(mfaMethods)).max(10).optional().meta({ description: 'Second factors offered' }),
      passkey_login: z.boolean().optional().meta({ description: 'A passkey can replace the password' }),
      sources,
    })
    .optional()
    .meta({ description: 'How users sign in and which second factors they can add' }),
  web_interface: z
    .strictObject({
      available: z.boolean().optional(),
      url: pageUrl.optional(),
      file_management: z.array(z.enum(fileOperations)).max(10).optional().meta({
        description: 'What the web interface lets you do with files',
      }),
      sources,
    })
    .optional()
    .meta({ description: 'Use from a web browser' }),
  export: z
    .strictObject({
      all_files: z.boolean().optional().meta({ description: 'The whole library can be exported at once' }),
      methods: z.array(text).max(20).optional(),
      sources,
    })
    .optional()
    .meta({ description: 'Getting your data out' }),
  source_code: z
    .strictObject({
      repositories: z.array(repositoryUrl).max(50).optional(),
      license: spdxExpression.optional().meta({ description: 'SPDX expression for what users run' }),
      components: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(200),
            license: spdxExpression,
            repository: repositoryUrl.optional(),
          }),
        )
        .max(50)
        .optional()
        .meta({
          description:
            "Parts licensed differently from the whole, such as a hosted service's server; [] when there are none",
        }),
      sources,
    })
    .optional()
    .meta({ description: 'Where the source is published and under which licence' }),
  audits: z
    .array(
      z.strictObject({
        auditor: z.string().min(1).max(200),
        date: partialDate,
        scope: text.optional(),
        independent: z.boolean().optional().meta({ description: 'The auditor is independent of the vendor' }),
        report: pageUrl.optional().meta({ description: 'Where the report or a public write-up is published' }),
        sources,
      }),
    )
    .max(100)
    .optional()
    .meta({ description: 'Published security audits; [] means none' }),
  sources: z
    .strictObject({
      audits: sources.meta({ description: 'Sources for the audits list as a whole, e.g. that none is published' }),
      facts: sources.meta({ description: 'Sources for the facts section' }),
    })
    .optional()
    .meta({
      description: 'Sources for the sections that have no sources field of their own: audits (a list) and facts',
    }),
  waivers: z
    .array(
      z.strictObject({
        criterion: identifier.meta({ description: 'Id of the criterion waived' }),
        reason: text.meta({ description: 'Why the criterion is waived for this tool' }),
        approved_by: z.string().min(1).max(200).meta({ description: 'Who approved the waiver' }),
        expires: isoDate.meta({ description: 'Last day the waiver applies' }),
      }),
    )
    .max(100)
    .optional()
    .meta({
      description: 'Criteria waived for this tool: shown as waived (never pass) and counted as met until they expire',
    }),
};

const freeFormFacts = z
  .record(
    z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, { error: 'expected a fact name of lower-case letters, digits, _ and -' })
      .max(64)
      .meta({ description: 'Fact name' }),
    z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(2000)).max(100)]),
  )
  .optional()
  .meta({ description: 'Facts for criteria of other categories that the sections above do not cover' });

const MANIFEST_META = {
  title: 'pgcheck candidate manifest',
  description: 'One privacy tool and the public sources behind each claim',
};

/** The manifest for a criteria set that declares no facts: `facts` is a free-form mapping, as it always was. */
export const manifestSchema = z.strictObject({ ...builtInShape, facts: freeFormFacts }).meta(MANIFEST_META);

export type Manifest = z.infer<typeof manifestSchema>;
/** One source of a claim: a URL, or a URL with the words it says and the day it was read. */
export type Source = z.infer<typeof source>;

/**
 * `input`: what a manifest file may hold (each fact as its value, or `{ value, sources }`).
 * `value`: what a check reads at `facts.<name>` (the value alone), for compiling criteria.
 */
export type ManifestForm = 'input' | 'value';

const forSets = {
  input: new WeakMap<FactDeclarations, z.ZodType>(),
  value: new WeakMap<FactDeclarations, z.ZodType>(),
};

/**
 * The one description of a manifest for a criteria set: the built-in sections plus the facts the set
 * declares, typed. Without declarations it is `manifestSchema` itself. Built once per set.
 */
export function manifestSchemaFor(facts: FactDeclarations | undefined, form: ManifestForm = 'input'): z.ZodType {
  if (facts === undefined) return manifestSchema;
  let schema = forSets[form].get(facts);
  if (!schema) {
    schema = z.strictObject({ ...builtInShape, facts: declaredFacts(facts, form) }).meta(MANIFEST_META);
    forSets[form].set(facts, schema);
  }
  return schema;
}

function declaredFacts(facts: FactDeclarations, form: ManifestForm) {
  const shape = Object.fromEntries(
    Object.entries(facts).map(([name, declaration]) => {
      const value = factValue(declaration);
      const field = form === 'value' ? value : z.union([value, factWithSources(value)]);
      return [name, field.optional().meta({ description: declaration.text })];
    }),
  );
  return z.strictObject(shape).optional().meta({
    description:
      "Facts this category's criteria read, as its criteria set declares them: each a value, or { value, sources }",
  });
}

/** The long form: one fact with its own sources, so evidence and staleness are judged for it alone. */
function factWithSources(value: z.ZodType) {
  return z.strictObject({
    value,
    sources: sources.meta({ description: 'Public pages behind this fact (instead of sources.facts)' }),
  });
}

/** The schema of a declared fact's value. */
export function factValue(declaration: FactDeclaration): z.ZodType {
  switch (declaration.type) {
    case 'boolean':
      return z.boolean();
    case 'integer':
    case 'number': {
      let number = declaration.type === 'integer' ? z.int() : z.number();
      if (declaration.min !== undefined) number = number.min(declaration.min);
      if (declaration.max !== undefined) number = number.max(declaration.max);
      return number;
    }
    case 'text':
      return text;
    case 'url':
      return pageUrl;
    case 'date':
      return isoDate;
    case 'enum':
      return z.enum(declaration.values as [string, ...string[]]);
    case 'list':
      return z.array(declaration.values ? z.enum(declaration.values as [string, ...string[]]) : text).max(100);
    case 'spdx':
      return spdxExpression;
  }
}
