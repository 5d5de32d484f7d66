/**
 * The communities under a scheme's or a survey's jurisdiction, 20 a page, as the score grid and the
 * survey's community list both page through them: the page shown stays until the next one arrives.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { trpc } from '../../lib/trpc.js';

const COMMUNITIES_PER_PAGE = 20;

export function useCommunityPages(under: string) {
  const [page, setPage] = useState(1);
  const communities = useQuery({
    ...trpc.communities.list.queryOptions({ under, page, pageSize: COMMUNITIES_PER_PAGE }),
    placeholderData: keepPreviousData,
  });
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize: COMMUNITIES_PER_PAGE,
    total: communities.data?.total ?? 0,
    onChange: setPage,
    showSizeChanger: false,
  };
  return { communities, pagination };
}
