/**
 * 社区减负: the burdens imposed on communities outside the lists without admission (counted for the
 * community, the street and the city), the admission requests for work outside the lists (the street
 * applies, the district approves with the funding that follows the task, filed with the city), and the
 * four work-item lists with their versions. Cards, not wide tables, so it reads on a phone.
 */
import { useQuery } from '@tanstack/react-query';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { TitledPage } from '../../components/TitledPage.js';
import { trpc } from '../../lib/trpc.js';
import { AdmissionsTab } from './admissions.js';
import { BurdensTab } from './burdens.js';
import { ListsTab } from './lists.js';

export default function WorkloadPage() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const node = me.data?.jurisdictionCode;
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'burdens';
  return (
    <TitledPage title="社区减负" testId="workload-page">
      {node && (
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === 'burdens' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'burdens', label: '清单外负担', children: <BurdensTab node={node} /> },
            { key: 'admissions', label: '事项准入', children: <AdmissionsTab node={node} /> },
            { key: 'lists', label: '工作事项清单', children: <ListsTab node={node} /> },
          ]}
        />
      )}
    </TitledPage>
  );
}
