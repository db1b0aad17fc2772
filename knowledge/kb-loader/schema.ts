// The schema of a knowledge-base file's front matter (see knowledge/kb/README.md).
import { z } from 'zod';

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const keyValueMatcher = z
  .object({
    key: z.string().min(1),
    equals: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
    matches: z.string().min(1).optional(),
    exists: z.literal(true).optional(),
  })
  .strict()
  .refine((m) => [m.equals, m.matches, m.exists].filter((v) => v !== undefined).length === 1, {
    message: 'needs exactly one of equals, matches, exists',
  });

const answerMatcher = z
  .object({ question: z.string().regex(idPattern), equals: z.union([z.string(), z.boolean()]).transform(String) })
  .strict();

const scalar = z.union([z.string(), z.number()]).transform(String);

/** One signature: exactly one matcher, plus what it means and its weight. */
export const signatureSchema = z
  .object({
    code: scalar.optional(),
    status: scalar.optional(),
    event: scalar.optional(),
    where: z.record(z.string(), scalar).optional(),
    pattern: z.string().min(1).optional(),
    trace: keyValueMatcher.optional(),
    config: keyValueMatcher.optional(),
    fact: keyValueMatcher.optional(),
    answer: answerMatcher.optional(),
    text: z.string().min(1).optional(),
    /** A shared text cue from cues.yaml, by id: the loader puts its regular expression in \`text\`. */
    cue: z.string().regex(idPattern, 'must be the kebab-case id of a cue in cues.yaml').optional(),
    weight: z.number().min(-20).max(20).default(1),
    means: z.string().min(3),
    /** A circumstance ("behind a proxy", "ASP.NET Core app"), not a symptom: adds weight, never decides alone. */
    context: z.boolean().default(false),
  })
  .strict()
  .superRefine((s, ctx) => {
    const kinds = matcherKinds.filter((k) => s[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `needs exactly one matcher of ${matcherKinds.join(', ')} (found ${kinds.length ? kinds.join(', ') : 'none'})`,
      });
    }
    if (s.where && s.event === undefined) ctx.addIssue({ code: 'custom', message: '"where" only goes with "event"' });
    if (s.text !== undefined) checkRegex(s.text, ctx, ['text']);
    for (const k of ['trace', 'config', 'fact'] as const) {
      const m = s[k];
      if (m?.matches) checkRegex(m.matches, ctx, [k, 'matches']);
    }
    if (s.status !== undefined && !/^\d{3}(\.\d{1,3}(\.\d{1,10})?)?$/.test(s.status)) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: `"${s.status}" is not status[.substatus[.win32]]` });
    }
  });

export const matcherKinds = ['code', 'status', 'event', 'pattern', 'trace', 'config', 'fact', 'answer', 'text', 'cue'] as const;

function checkRegex(source: string, ctx: z.RefinementCtx, path: string[]): void {
  try {
    new RegExp(source, 'i');
  } catch (err) {
    ctx.addIssue({ code: 'custom', path, message: `invalid regular expression: ${(err as Error).message}` });
  }
}

const referenceSchema = z.object({ title: z.string().min(3), url: z.string().url() }).strict();

export const causeFrontMatterSchema = z
  .object({
    id: z.string().regex(idPattern, 'must be kebab-case'),
    kind: z.literal('cause'),
    title: z.string().min(5),
    summary: z.string().min(10),
    symptoms: z.array(z.string().min(3)).min(1),
    environment: z
      .object({
        os: z.string().optional(),
        iis: z.string().optional(),
        dotnet: z.string().optional(),
        pipeline: z.enum(['integrated', 'classic', 'any']).optional(),
        notes: z.string().optional(),
      })
      .strict()
      .optional(),
    signatures: z.array(signatureSchema).min(1),
    rules_out: z.array(signatureSchema).default([]),
    questions: z.array(z.string().regex(idPattern)).default([]),
    related: z.array(z.string().regex(idPattern)).default([]),
    /** More general causes this one is a special case of: it shares their symptoms (see the engine). */
    refines: z.array(z.string().regex(idPattern)).default([]),
    references: z.array(referenceSchema).min(1),
  })
  .strict();

export const conceptFrontMatterSchema = z
  .object({
    id: z.string().regex(idPattern, 'must be kebab-case'),
    kind: z.literal('concept'),
    title: z.string().min(5),
    aliases: z.array(z.string().min(2)).min(1),
    related: z.array(z.string().regex(idPattern)).default([]),
    references: z.array(referenceSchema).default([]),
  })
  .strict();

/**
 * A look-alike: a common problem that is reported in the same words as an identity failure (a 500.19 from a missing
 * module, a crashing worker process, a SQL login) but is not one. Its signatures recognise it the way a cause's do;
 * when it explains a report better than every cause, the engine says so instead of offering an identity cause.
 */
export const lookalikeFrontMatterSchema = z
  .object({
    id: z.string().regex(idPattern, 'must be kebab-case'),
    kind: z.literal('lookalike'),
    title: z.string().min(5),
    summary: z.string().min(10),
    signatures: z.array(signatureSchema).min(1),
    related: z.array(z.string().regex(idPattern)).default([]),
    references: z.array(referenceSchema).default([]),
  })
  .strict();

export const questionSchema = z
  .object({
    id: z.string().regex(idPattern),
    text: z.string().min(10),
    why: z.string().min(5),
    answers: z.array(z.object({ label: z.string().min(1), value: z.string().min(1) }).strict()).min(2),
    /** A fact key (FACTS.md) whose value, when the user states it in passing, is one of the answers: asked no more. */
    stated_as: z.string().min(1).optional(),
  })
  .strict();

export const questionsFileSchema = z.array(questionSchema);

/**
 * A text cue several causes read (cues.yaml): one regular expression under one name, so a cause that counts it for
 * itself and another that counts it against itself cannot drift apart. Each cause still gives its own weight and
 * meaning.
 */
export const cueSchema = z
  .object({
    id: z.string().regex(idPattern, 'must be kebab-case'),
    text: z.string().min(1),
    /** What the cue recognises, for knowledge-base authors. */
    about: z.string().min(10),
  })
  .strict()
  .superRefine((c, ctx) => checkRegex(c.text, ctx, ['text']));

export const cuesFileSchema = z.array(cueSchema);

export type SignatureSpec = z.infer<typeof signatureSchema>;
export type CauseFrontMatter = z.infer<typeof causeFrontMatterSchema>;
export type ConceptFrontMatter = z.infer<typeof conceptFrontMatterSchema>;
export type LookalikeFrontMatter = z.infer<typeof lookalikeFrontMatterSchema>;
export type QuestionSpec = z.infer<typeof questionSchema>;
export type CueSpec = z.infer<typeof cueSchema>;
