/**
 * The registers in Excel. The roster: import a filled-in sheet under the roster's headers (every row or
 * none, each problem by row and column), and export the roster as filtered on screen — numbers masked,
 * or in full (a file that can be imported elsewhere) for the roles that may see them, which the server
 * records. Grids, buildings, resident groups, resident representatives and property-service areas:
 * the same, one sheet per kind. Committees: one sheet, a row a member, members named by identity number (masked on export
 * unless asked in full).
 */
import { UploadOutlined } from '@ant-design/icons';
import { canWrite } from '@shequ/domain/roles';
import { maySeePersonalData, peopleUnitKindLabels } from '@shequ/people/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Modal, Select, Skeleton, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { ExportButton } from '../../components/ExportButton.js';
import { FileButton } from '../../components/FileButton.js';
import { errorMessage } from '../../lib/fieldErrors.js';
import { importTitle, readAsBase64 } from '../../lib/spreadsheet-import.js';
import { type RouterInputs, type RouterOutputs, trpc, trpcClient } from '../../lib/trpc.js';

type ImportResult = RouterOutputs['spreadsheets']['importWorkers'];

// The problems table (antd's Table, ~40 KB compressed) only when an import has problems to show.
const ImportProblems = lazy(() => import('./ImportProblems.js'));
type RosterFilter = RouterInputs['people']['roster'];
type UnitKind = RouterInputs['spreadsheets']['importUnits']['kind'];
type Outcome = {
  fileName: string;
  /** `updated`: stored records a sheet changed (committees and units read back from an export). */
  outcome: ImportResult | (Extract<ImportResult, { ok: true }> & { updated: number });
  dryRun: boolean;
};

/** How many an import added and updated (or would), in words. */
function counted(outcome: Extract<Outcome['outcome'], { ok: true }>, what: string): string {
  const updated = 'updated' in outcome ? outcome.updated : 0;
  return updated > 0
    ? `登记 ${outcome.created} ${what}，更新 ${updated} ${what}`
    : `登记 ${outcome.created} ${what}`;
}

/** What an import did: how many it added (or would add), or every problem by row and column. */
function ImportResultModal({
  result,
  what,
  onClose,
}: {
  result: Outcome | null;
  what: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open={result !== null}
      title={importTitle(result)}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
    >
      {result?.outcome.ok ? (
        <p data-testid="register-import-done">
          {result.fileName}：
          {result.outcome.dryRun
            ? `检查通过，未写入（写入时将${counted(result.outcome, what)}）`
            : `已${counted(result.outcome, what)}`}
        </p>
      ) : (
        <Suspense fallback={<Skeleton active />}>
          <ImportProblems problems={result && !result.outcome.ok ? result.outcome.problems : []} />
        </Suspense>
      )}
    </Modal>
  );
}

const unitKindLabels: Record<UnitKind, string> = peopleUnitKindLabels;

/** One community's (or street's) grids, buildings, resident groups, representatives or property-service areas in and out of Excel. */
export function UnitSpreadsheet({
  under,
  initialKind = 'building',
}: {
  under: string;
  initialKind?: UnitKind;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [kind, setKind] = useState<UnitKind>(initialKind);
  const [result, setResult] = useState<Outcome | null>(null);
  const importUnits = useMutation(
    trpc.spreadsheets.importUnits.mutationOptions({
      onSuccess: (outcome, input) => {
        setResult({ fileName: input.fileName, outcome, dryRun: input.dryRun === true });
        if (outcome.ok && !outcome.dryRun)
          void queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
      },
      onError: (error) => void message.error(errorMessage(error)),
    }),
  );
  const role = me.data?.role;
  return (
    <Space wrap>
      <Select<UnitKind>
        aria-label="表格类别"
        style={{ width: 140 }}
        value={kind}
        onChange={setKind}
        options={(Object.keys(unitKindLabels) as UnitKind[]).map((k) => ({
          value: k,
          label: unitKindLabels[k],
        }))}
      />
      {role !== undefined && canWrite(role) && (
        <FileButton
          accept=".xlsx,.csv"
          icon={<UploadOutlined />}
          loading={importUnits.isPending}
          onFile={async (file) => {
            importUnits.mutate({ kind, fileName: file.name, contentBase64: await readAsBase64(file) });
          }}
        >
          导入{unitKindLabels[kind]}
        </FileButton>
      )}
      <ExportButton load={() => trpcClient.spreadsheets.exportUnits.query({ under, kind })} />
      <ImportResultModal result={result} what={`个${unitKindLabels[kind]}`} onClose={() => setResult(null)} />
    </Space>
  );
}

export function RosterSpreadsheet({ filter }: { filter: RosterFilter }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [dryRun, setDryRun] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
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
        <FileButton
          accept=".xlsx,.csv"
          icon={<UploadOutlined />}
          loading={importWorkers.isPending}
          onFile={async (file) => {
            importWorkers.mutate({ fileName: file.name, contentBase64: await readAsBase64(file), dryRun });
          }}
        >
          导入花名册
        </FileButton>
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
      <ImportResultModal result={result} what="名工作者" onClose={() => setResult(null)} />
    </Space>
  );
}

/** The committees with their members in and out of Excel, a row a member. */
export function CommitteeSpreadsheet({ under }: { under: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [dryRun, setDryRun] = useState(false);
  const [result, setResult] = useState<Outcome | null>(null);
  const importCommittees = useMutation(
    trpc.spreadsheets.importCommittees.mutationOptions({
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
    <Space wrap data-testid="committee-spreadsheet">
      {writes && (
        <FileButton
          accept=".xlsx,.csv"
          icon={<UploadOutlined />}
          loading={importCommittees.isPending}
          onFile={async (file) => {
            importCommittees.mutate({ fileName: file.name, contentBase64: await readAsBase64(file), dryRun });
          }}
        >
          导入委员会及成员
        </FileButton>
      )}
      {writes && (
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          只检查不写入
        </Checkbox>
      )}
      <ExportButton load={() => trpcClient.spreadsheets.exportCommittees.query({ under })}>
        导出委员会及成员
      </ExportButton>
      {role !== undefined && maySeePersonalData(role) && (
        <ExportButton load={() => trpcClient.spreadsheets.exportCommittees.query({ under, full: true })}>
          导出委员会（完整号码）
        </ExportButton>
      )}
      <ImportResultModal result={result} what="个委员会" onClose={() => setResult(null)} />
    </Space>
  );
}
