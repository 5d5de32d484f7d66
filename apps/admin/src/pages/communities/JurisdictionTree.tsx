import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Select, Space, Spin, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../lib/fieldErrors.js';
import { levelLabel } from '../../lib/labels.js';
import { queryClient, type RouterOutputs, trpc } from '../../lib/trpc.js';

type JurisdictionNode = RouterOutputs['jurisdictions']['roots'][number];

/**
 * Streets are the last level in the tree: their communities are the table beside it. A node with
 * communities under it has children even when `hasChildren` says otherwise (the API's flag has been
 * seen false for provinces), so either one opens it.
 */
function isLeaf(node: JurisdictionNode): boolean {
  return node.level === 'street' || !(node.hasChildren || node.communityCount > 0);
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function loadChildren(parentCode: string): Promise<JurisdictionNode[]> {
  return queryClient.fetchQuery(trpc.jurisdictions.children.queryOptions({ parentCode }));
}

interface Props {
  selected: string | undefined;
  onSelect: (code: string, name: string) => void;
}

/**
 * The division tree under the signed-in user's node. Children load when a node opens (a country has
 * 40,000 streets); a search result or a code in the URL opens the tree down to that node.
 */
export function JurisdictionTree({ selected, onSelect }: Props) {
  const roots = useQuery(trpc.jurisdictions.roots.queryOptions());
  const [childrenOf, setChildrenOf] = useState<Record<string, JurisdictionNode[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const debouncedQuery = useDebounced(query.trim(), 300);
  const search = useQuery({
    ...trpc.jurisdictions.search.queryOptions({ query: debouncedQuery, limit: 20 }),
    enabled: debouncedQuery.length > 0,
  });

  // Open the tree down to the selected node, loading each ancestor's children on the way.
  useEffect(() => {
    if (!selected) return;
    let cancelled = false;
    void (async () => {
      const node = await queryClient.fetchQuery(trpc.jurisdictions.get.queryOptions({ code: selected }));
      const ancestors = node.path.map((entry) => entry.code);
      const loaded: Record<string, JurisdictionNode[]> = {};
      for (const code of ancestors) loaded[code] = await loadChildren(code);
      if (cancelled) return;
      setChildrenOf((current) => ({ ...current, ...loaded }));
      setExpanded((current) => [...new Set([...current, ...ancestors])]);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [selected]);

  const treeData = useMemo(() => {
    const build = (nodes: JurisdictionNode[]): TreeDataNode[] =>
      nodes.map((node) => {
        const children = childrenOf[node.code];
        return {
          key: node.code,
          isLeaf: isLeaf(node),
          title: (
            <span data-code={node.code}>
              {node.name}
              {node.communityCount > 0 && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {node.communityCount}
                </Typography.Text>
              )}
            </span>
          ),
          ...(children ? { children: build(children) } : {}),
        };
      });
    return build(roots.data ?? []);
  }, [roots.data, childrenOf]);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const node of [...(roots.data ?? []), ...Object.values(childrenOf).flat()])
      map.set(node.code, node.name);
    return map;
  }, [roots.data, childrenOf]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        showSearch={{ filterOption: false, onSearch: setQuery }}
        value={null}
        placeholder="搜索地名或代码，如：金山镇"
        style={{ width: '100%' }}
        notFoundContent={
          search.isFetching ? (
            <Spin size="small" />
          ) : debouncedQuery ? (
            <Empty description="没有匹配的辖区" />
          ) : null
        }
        options={(search.data ?? []).map((node) => ({
          value: node.code,
          label: (
            <div data-code={node.code}>
              <div>
                {node.name} <Tag style={{ marginInlineStart: 4 }}>{levelLabel(node.level)}</Tag>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[...node.path.map((entry) => entry.name), node.code].join(' / ')}
              </Typography.Text>
            </div>
          ),
        }))}
        onSelect={(code: string | null) => {
          if (!code) return;
          const hit = search.data?.find((node) => node.code === code);
          setQuery('');
          onSelect(code, hit?.name ?? code);
        }}
        aria-label="搜索辖区"
      />
      {roots.isError && <Alert type="error" showIcon title={errorMessage(roots.error)} />}
      {roots.isPending ? (
        <Spin />
      ) : (
        <Tree
          blockNode
          height={560}
          treeData={treeData}
          expandedKeys={expanded}
          selectedKeys={selected ? [selected] : []}
          onExpand={(keys) => setExpanded(keys.map(String))}
          loadData={async (node) => {
            const code = String(node.key);
            if (childrenOf[code]) return;
            const children = await loadChildren(code);
            setChildrenOf((current) => ({ ...current, [code]: children }));
          }}
          onSelect={(keys) => {
            const code = keys[0];
            if (code !== undefined) onSelect(String(code), names.get(String(code)) ?? String(code));
          }}
        />
      )}
    </Space>
  );
}
