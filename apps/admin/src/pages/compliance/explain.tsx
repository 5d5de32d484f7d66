/** Pieces shared by the compliance page and the policy explorer: citations, article texts, explanations. */

import { articleLabel, citationLabel as citeAs } from '@shequ/policy/labels';
import { Descriptions, Skeleton, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { factField } from '../community/factFields.js';
import { readableName } from './readable.js';

export interface CitationLike {
  document: string;
  article: string;
  clause?: string;
  quote: string;
}

/** `《document》第七条`, or `第21项` for the Jiangsu guide's numbered items (never "》21"). */
export function citationLabel(citation: Pick<CitationLike, 'document' | 'article' | 'clause'>): string {
  return citeAs(citation);
}

/** The article's text with the sentence the rule implements marked; the quote alone when no text ships. */
export function ArticleText({ citation, text }: { citation: CitationLike; text?: string | undefined }) {
  const body = text ?? citation.quote;
  const at = body.indexOf(citation.quote);
  let content: ReactNode = body;
  if (at >= 0 && citation.quote.length > 0) {
    content = (
      <>
        {body.slice(0, at)}
        <mark>{citation.quote}</mark>
        {body.slice(at + citation.quote.length)}
      </>
    );
  }
  return (
    <div className="article-text" data-testid="article-text">
      <Typography.Text strong>{articleLabel(citation.article, citation.clause)}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4, marginBottom: 0 }}>
        {content}
      </Typography.Paragraph>
      {text === undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          （条文全文暂缺，显示所引原句）
        </Typography.Text>
      )}
    </div>
  );
}

export function factLabel(path: string): string {
  return factField(path)?.label ?? readableName(path);
}

export function formatValue(value: unknown, unit?: string): string {
  if (value === undefined || value === null) return '未提供';
  if (typeof value === 'number') return `${value.toLocaleString('zh-CN')}${unit ?? ''}`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return `${value.length} 项`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface ParameterReadingLike {
  name: string;
  value?: number | undefined;
  unit: string;
  suppliedBy: string;
  citation?: CitationLike;
  from?: string;
  label?: string;
}

export interface ExplanationLike {
  facts: { path: string; value?: unknown }[];
  parameters: ParameterReadingLike[];
  quantities: { name: string; value?: unknown }[];
  interpretations: { id: string; name: string; chosen: string; alternative: string; reading: string }[];
  replaces?: string;
  document: { title: string; inForceFrom: string; inForceUntil?: string };
}

/**
 * The parameters a rule read, in a table. antd's Table is ~40 KB compressed and sits here inside collapsed
 * 查看推理过程 panels, so it is fetched when a table is first shown (`ParameterTableView.tsx`).
 */
const ParameterTableView = lazy(() => import('./ParameterTableView.js'));

export function ParameterTable(props: {
  parameters: ParameterReadingLike[];
  packNames: Record<string, string>;
}) {
  return (
    <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 2 }} />}>
      <ParameterTableView {...props} />
    </Suspense>
  );
}

/** What a rule read to reach its result: facts, parameters (with value, citation and pack), quantities, readings. */
export function ExplanationView({
  explanation,
  packNames,
}: {
  explanation: ExplanationLike;
  packNames: Record<string, string>;
}) {
  return (
    <div data-testid="explanation">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'document',
            label: '文件施行',
            children: `《${explanation.document.title}》${explanation.document.inForceFrom} 起施行${
              explanation.document.inForceUntil ? `，${explanation.document.inForceUntil} 失效` : ''
            }`,
          },
          {
            key: 'facts',
            label: '读取的事实',
            children:
              explanation.facts.length === 0
                ? '无'
                : explanation.facts.map((f) => `${factLabel(f.path)}：${formatValue(f.value)}`).join('；'),
          },
          ...(explanation.quantities.length > 0
            ? [
                {
                  key: 'quantities',
                  label: '使用的核定数量',
                  children: explanation.quantities
                    .map((q) => `${quantityLabels[q.name] ?? q.name}：${formatQuantity(q.value)}`)
                    .join('；'),
                },
              ]
            : []),
          ...(explanation.replaces
            ? [{ key: 'replaces', label: '替换上级规则', children: explanation.replaces }]
            : []),
        ]}
      />
      {explanation.parameters.length > 0 && (
        <ParameterTable parameters={explanation.parameters} packNames={packNames} />
      )}
      {explanation.interpretations.map((i) => (
        <Typography.Paragraph key={i.id} style={{ marginTop: 8, marginBottom: 0 }}>
          <Tag color="purple">解释</Tag>
          {i.name}：{i.reading === 'alternative' ? i.alternative : i.chosen}
          <Typography.Text type="secondary">
            （{i.reading === 'alternative' ? '采用另一种理解' : '采用默认理解'}；另一种理解：
            {i.reading === 'alternative' ? i.chosen : i.alternative}）
          </Typography.Text>
        </Typography.Paragraph>
      ))}
    </div>
  );
}

/** zh-CN names of the docs/interfaces.md §3 quantities. */
export const quantityLabels: Record<string, string> = {
  minFacilityArea: '服务设施最低面积（平方米）',
  twoCommitteesQuota: '“两委”成员核定人数',
  specialistQuota: '专职工作者核定人数',
  fullTimeStaff: '专职工作人员核定人数',
  minWorkFunds: '最低工作经费（元/年）',
  minPartyServiceFunds: '最低党组织服务群众经费（元/年）',
  bonusMonths: '奖励月数',
};

export function formatQuantity(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  if (typeof value === 'object' && value !== null && 'min' in value && 'max' in value) {
    const { min, max } = value as { min: number; max: number };
    return min === max ? String(min) : `${min}—${max}`;
  }
  return '—';
}
