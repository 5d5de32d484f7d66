/** The problems of a refused register import, by row and column (loaded when there are some). */
import { Table } from 'antd';
import type { RouterOutputs } from '../../lib/trpc.js';

type Problem = Extract<RouterOutputs['spreadsheets']['importWorkers'], { ok: false }>['problems'][number];

export default function ImportProblems({ problems }: { problems: readonly Problem[] }) {
  return (
    <Table<Problem>
      size="small"
      data-testid="register-import-problems"
      rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={[...problems]}
      columns={[
        { title: '行', dataIndex: 'row', width: 70 },
        { title: '列', dataIndex: 'column', width: 160 },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
