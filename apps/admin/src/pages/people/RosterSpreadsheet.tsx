/**
 * The roster in Excel: import a filled-in sheet under the roster's headers (every row or none, each
 * problem by row and column), and export the roster as filtered on screen — numbers masked, or in full
 * (a file that can be imported elsewhere) for the roles that may see them, which the server records.
 */
import { UploadOutlined } from '@ant-design/icons';
import { canWrite } from '@shequ/domain/roles';
import { maySeePersonalData } from '@shequ/people';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { type RouterInputs, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { importTitle, readAsBase64 } from '../communities/SpreadsheetActions.js';

type ImportResult = RouterOutputs['spreadsheets']['importWorkers'];
type RosterFilter = RouterInputs['people']['roster'];

export function RosterSpreadsheet({ filter }: { filter: RosterFilter }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [dryRun, setDryRun] = useState(false);
  const [result, setResult] = useState<{ fileName: string; outcome: ImportResult; dryRun: boolean } | null>(
    null,
  );
  const importWorkers = useMutation(
    trpc.spreadsheets.importWorkers.mutationOptions({
      onSuccess: (outcome, input) => {
        setResult({ fileName: input.fileName, outcome, dryRun: input.dryRun === true });
        if (outcome.ok && !outcome.dryRun)
          void queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
      },
      onError: (error) => void message.error(errorMessage(error)),
    }),
  );
  const role = me.data?.role;
  const writes = role !== undefined && canWrite(role);
  return (
    <Space wrap>
      {writes && (
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={async (file) => {
            importWorkers.mutate({ fileName: file.name, contentBase64: await readAsBase64(file), dryRun });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importWorkers.isPending}>
            导入花名册
          </Button>
        </Upload>
      )}
      {writes && (
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          只检查不写入
        </Checkbox>
      )}
      <ExportButton load={() => trpcClient.spreadsheets.exportWorkers.query(filter)} />
      {role !== undefined && maySeePersonalData(role) && (
        <ExportButton load={() => trpcClient.spreadsheets.exportWorkers.query({ ...filter, full: true })}>
          导出（完整号码）
        </ExportButton>
      )}
      <Modal
        open={result !== null}
        title={importTitle(result)}
        onCancel={() => setResult(null)}
        onOk={() => setResult(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        width={720}
      >
        {result?.outcome.ok ? (
          <p data-testid="roster-import-done">
            {result.fileName}：
            {result.outcome.dryRun
              ? `检查通过，未写入（写入时将登记 ${result.outcome.created} 名工作者）`
              : `已登记 ${result.outcome.created} 名工作者`}
          </p>
        ) : (
          <Table
            size="small"
            data-testid="roster-import-problems"
            rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={result && !result.outcome.ok ? result.outcome.problems : []}
            columns={[
              { title: '行', dataIndex: 'row', width: 70 },
              { title: '列', dataIndex: 'column', width: 160 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        )}
      </Modal>
    </Space>
  );
}
