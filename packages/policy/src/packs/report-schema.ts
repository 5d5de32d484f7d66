/**
 * The `shequ check` result (docs/interfaces.md §3) as a zod schema, for systems that describe or
 * validate it (the API's OpenAPI document and `POST /api/v1/check`). `explanation` is left open: it
 * is present only when asked for and is not part of the contract.
 */
import * as z from 'zod';
import { checkStatuses } from '../engine/index.js';

const citation = z.object({
  document: z.string().describe('the title of the document the rule comes from'),
  article: z
    .string()
    .describe('the whole reference as the document numbers it: 第十七条, 第二十一条（一）, 二（四）, 9（1）'),
  quote: z.string().describe('the sentence, verbatim'),
});

const quantityValue = z.union([z.number(), z.object({ min: z.number(), max: z.number() })]);

export const checkResultSchema = z.object({
  rule: z.string().describe('stable rule id, <pack>.<kebab-name>'),
  jurisdiction: z.string().describe('code of the pack whose document the citation names'),
  citation,
  title: z.string(),
  binding: z.enum(['binding', 'guiding']),
  status: z.enum(checkStatuses),
  expected: z.string(),
  actual: z.string(),
  message: z.string().describe('一句中文说明'),
  explanation: z.record(z.string(), z.unknown()).optional(),
});

export const checkReportSchema = z
  .object({
    jurisdictions: z.array(z.object({ code: z.string(), name: z.string() })),
    asOf: z.string().describe('YYYY-MM-DD: the date the rules were read for'),
    community: z.object({ code: z.string(), name: z.string() }),
    results: z.array(checkResultSchema),
    quantities: z
      .record(z.string(), quantityValue)
      .describe('figures the rules work out (docs/interfaces.md §3)'),
    summary: z.object({
      pass: z.number().int(),
      fail: z.number().int(),
      warn: z.number().int(),
      notApplicable: z.number().int(),
      unknown: z.number().int(),
    }),
  })
  .describe('The result of checking one community snapshot (docs/interfaces.md §3)');

export const jurisdictionEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  documents: z.array(
    z.object({ title: z.string(), inForceFrom: z.string(), inForceUntil: z.string().optional() }),
  ),
});
