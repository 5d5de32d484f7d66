/**
 * The REST reads of stored data and the sign-in they need: each names the tRPC procedure it calls, the
 * zod schema that procedure validates (the document's parameters are generated from it) and the main
 * fields of its answer. `rest.ts` serves them, `openapi.ts` describes them, from this one table.
 */
import { checkStatuses } from '@shequ/policy';
import type { z } from 'zod';
import type { AppRouter } from './router.js';
import { loginInput } from './routers/auth.js';
import { communityCodeInput, listCommunitiesInput } from './routers/communities.js';
import { communityComplianceInput } from './routers/compliance.js';
import { divisionCodeInput, divisionSearchInput } from './routers/jurisdictions.js';
import { articleTextInput } from './routers/policy.js';

export type Caller = ReturnType<AppRouter['createCaller']>;

export interface RestRead {
  /** OpenAPI form: `/api/v1/communities/{code}`; a `{name}` is a path parameter, other fields are query. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  /** The procedure's input schema, the very one it validates. */
  input: z.ZodType;
  /** Input fields offered in the query (not those a query string cannot carry, such as a map). */
  queryFields?: readonly string[];
  /** JSON Schema of the answer: partial, but naming its main fields. */
  response: Record<string, unknown>;
  call: (caller: Caller, input: Record<string, unknown>) => Promise<unknown>;
}

// The procedure's own schema validates what the caller sends; the cast only hands it over.
const raw = <T>(input: Record<string, unknown>) => input as T;

const pathEntry = {
  type: 'object',
  required: ['code', 'name'],
  properties: { code: { type: 'string' }, name: { type: 'string' } },
};

/** A division (province to community) with the path above it, as `jurisdictions.search` and `.get` give it. */
const divisionNode = {
  type: 'object',
  required: ['code', 'name', 'level'],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    level: { enum: ['province', 'city', 'district', 'street', 'community'] },
    parentCode: { type: ['string', 'null'] },
    path: { type: 'array', items: pathEntry },
  },
};

const citation = {
  type: 'object',
  required: ['document', 'article'],
  properties: { document: { type: 'string' }, article: { type: 'string' }, clause: { type: 'string' } },
};

export const restReads: readonly RestRead[] = [
  {
    path: '/api/v1/communities',
    operationId: 'listCommunities',
    summary: '列出并搜索辖区内的社区（分页）',
    description:
      'Communities under `under` (default: the signed-in account’s own jurisdiction), by name or code with ' +
      '`search`; `under` outside the account’s jurisdiction is a 403. As the tRPC `communities.list`.',
    input: listCommunitiesInput,
    response: {
      type: 'object',
      required: ['items', 'total'],
      properties: {
        total: { type: 'integer' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'name'],
            properties: {
              code: { type: 'string' },
              name: { type: 'string' },
              streetCode: { type: ['string', 'null'] },
              streetName: { type: ['string', 'null'] },
              districtName: { type: ['string', 'null'] },
              households: { type: ['integer', 'null'] },
              residents: { type: ['integer', 'null'] },
              updatedAt: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
    },
    call: (caller, input) => caller.communities.list(raw(input)),
  },
  {
    path: '/api/v1/communities/{code}',
    operationId: 'getCommunity',
    summary: '一个社区：登记的事实、日期与版本',
    description: 'The stored community: its facts as entered, their date and version. As `communities.get`.',
    input: communityCodeInput,
    response: {
      type: 'object',
      required: ['code', 'name', 'asOf', 'facts', 'version'],
      properties: {
        code: { type: 'string' },
        name: { type: 'string' },
        asOf: { type: 'string', format: 'date' },
        facts: { type: 'object', description: 'the facts of a snapshot (docs/interfaces.md §2)' },
        version: { type: 'integer' },
        updatedAt: { type: 'string', format: 'date-time' },
        path: { type: 'array', items: pathEntry },
      },
    },
    call: (caller, input) => caller.communities.get(raw(input)),
  },
  {
    path: '/api/v1/communities/{code}/snapshot',
    operationId: 'getCommunitySnapshot',
    summary: '一个社区的快照（shequ.community-snapshot/v1）',
    description:
      'The stored community as a `shequ.community-snapshot/v1` document, counts the registers keep worked ' +
      'out as of its date (docs/interfaces.md §5): what `POST /api/v1/check` and `shequ check` take.',
    input: communityCodeInput,
    response: { $ref: '#/components/schemas/CommunitySnapshot' },
    call: (caller, input) => caller.communities.snapshot(raw(input)),
  },
  {
    path: '/api/v1/communities/{code}/compliance',
    operationId: 'getCommunityCompliance',
    summary: '一个社区的合规检查结果，附条文与解释',
    description:
      'The stored community checked against its packs on `asOf` (default: the date of its facts): the ' +
      'result of §3, each with the text of the article it cites and its explanation. As `compliance.community`.',
    input: communityComplianceInput,
    queryFields: ['asOf'],
    response: {
      type: 'object',
      required: ['asOf', 'community', 'jurisdictions', 'results', 'summary'],
      properties: {
        asOf: { type: 'string', format: 'date' },
        factsAsOf: { type: 'string', format: 'date' },
        community: {
          type: 'object',
          properties: { code: { type: 'string' }, name: { type: 'string' } },
        },
        jurisdictions: { type: 'array', items: pathEntry },
        results: {
          type: 'array',
          items: {
            type: 'object',
            required: ['rule', 'status', 'citation', 'message'],
            properties: {
              rule: { type: 'string' },
              title: { type: 'string' },
              status: { enum: [...checkStatuses] },
              jurisdiction: { type: 'string' },
              citation,
              message: { type: 'string' },
              articleText: { type: 'string' },
            },
          },
        },
        summary: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    },
    call: (caller, input) => caller.compliance.community(raw(input)),
  },
  {
    path: '/api/v1/divisions',
    operationId: 'searchDivisions',
    summary: '按名称或代码查找辖区内的行政区划',
    description:
      'Nodes (province to community) within the account’s jurisdiction whose name contains or code begins ' +
      'with `query`, shallow first. As `jurisdictions.search`.',
    input: divisionSearchInput,
    response: {
      type: 'array',
      items: divisionNode,
    },
    call: (caller, input) => caller.jurisdictions.search(raw(input)),
  },
  {
    path: '/api/v1/divisions/{code}',
    operationId: 'getDivision',
    summary: '一个行政区划及其上级',
    description:
      'One node within the account’s jurisdiction, with the path above it. As `jurisdictions.get`.',
    input: divisionCodeInput,
    response: divisionNode,
    call: (caller, input) => caller.jurisdictions.get(raw(input)),
  },
  {
    path: '/api/v1/packs/{jurisdictionCode}/article',
    operationId: 'getArticleText',
    summary: '政策包所载文件的一条条文',
    description:
      'The text of an article (and clause) of a document the pack ships, as a result’s `citation` names it ' +
      '(`document`, `article`, `clause`). As `policy.articleText`.',
    input: articleTextInput,
    response: {
      type: 'object',
      required: ['jurisdictionCode', 'document', 'article', 'text'],
      properties: {
        jurisdictionCode: { type: 'string' },
        document: { type: 'string' },
        article: { type: 'string' },
        clause: { type: 'string' },
        text: { type: 'string' },
      },
    },
    call: (caller, input) => caller.policy.articleText(raw(input)),
  },
];

/** Signing in for the REST reads: the console's own sign-in, which sets the session cookie. */
export const restSession = {
  path: '/api/v1/session',
  operationId: 'signIn',
  input: loginInput,
  call: (caller: Caller, body: unknown) => caller.auth.login(raw(body as Record<string, unknown>)),
} as const;
