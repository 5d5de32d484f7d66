/**
 * Bring your data: download the facts template, import a filled-in .xlsx/.csv (all rows or none, every
 * problem listed by row and column), and export the list as it is filtered to Excel.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Dropdown, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../components/ExportButton.js';
import { FileButton } from '../../components/FileButton.js';
import { downloadBase64, fetchAndSave } from '../../lib/download.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { importTitle, readAsBase64 } from '../../lib/spreadsheet-import.js';
import { type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';
import { listInputFromParams } from './listParams.js';

type ImportResult = RouterOutputs['spreadsheets']['importFacts'];

export { importTitle, readAsBase64 };

export function SpreadsheetActions({ canWrite }: { canWrite: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [dryRun, setDryRun] = useState(false);
  const [result, setResult] = useState<{ fileName: string; outcome: ImportResult; dryRun: boolean } | null>(
    null,
  );
  const [templateBusy, setTemplateBusy] = useState(false);

  const importFacts = useMutation(
    trpc.spreadsheets.importFacts.mutationOptions({
      onSuccess: (outcome, input) => {
        setResult({ fileName: input.fileName, outcome, dryRun: input.dryRun === true });
        if (outcome.ok && !outcome.dryRun)
          void queryClient.invalidateQueries({ queryKey: trpc.communities.pathKey() });
      },
      onError: (error) => void message.error(errorMessage(error)),
    }),
  );

  const downloadTemplate = async (format: 'xlsx' | 'csv') => {
    setTemplateBusy(true);
    try {
      await fetchAndSave(
        () => trpcClient.spreadsheets.factsTemplate.query({ format }),
        downloadBase64,
        (error) => void message.error(errorMessage(error)),
      );
    } finally {
      setTemplateBusy(false);
    }
  };

  return (
    <Space wrap>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: 'Excel 模板（.xlsx）' },
            { key: 'csv', label: 'CSV 模板（.csv）' },
          ],
          onClick: ({ key }) => void downloadTemplate(key === 'csv' ? 'csv' : 'xlsx'),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={templateBusy}>
          下载导入模板
        </Button>
      </Dropdown>
      {canWrite && (
        <FileButton
          accept=".xlsx,.csv"
          icon={<UploadOutlined />}
          loading={importFacts.isPending}
          onFile={async (file) => {
            importFacts.mutate({ fileName: file.name, contentBase64: await readAsBase64(file), dryRun });
          }}
        >
          导入社区数据
        </FileButton>
      )}
      {canWrite && (
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          只检查不写入
        </Checkbox>
      )}
      <ExportButton
        load={() =>
          trpcClient.spreadsheets.exportCommunities.query({ ...listInputFromParams(params), page: 1 })
        }
      />
      <Modal
        open={result !== null}
        title={importTitle(result)}
        onCancel={() => setResult(null)}
        onOk={() => setResult(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        width={720}
      >
        {result?.outcome.ok ? (
          <p>
            {result.fileName}：
            {result.outcome.dryRun
              ? `检查通过，未写入（写入时将更新 ${result.outcome.updated} 个社区，未变 ${result.outcome.unchanged} 个社区）`
              : `已更新 ${result.outcome.updated} 个社区，未变 ${result.outcome.unchanged} 个社区`}
          </p>
        ) : (
          <Table
            size="small"
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
