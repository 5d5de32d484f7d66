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
import { lazy, type ReactNode, Suspense, useState } from 'react';
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

/** How many an import added, updated and left unchanged (or would), in words. */
function counted(outcome: Extract<Outcome['outcome'], { ok: true }>, what: string): string {
  const updated = 'updated' in outcome ? outcome.updated : 0;
  return `登记 ${outcome.created} ${what}，更新 ${updated} ${what}，未变 ${outcome.unchanged} ${what}`;
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

/**
 * An import's answer, kept for `ImportResultModal`; one that wrote reloads the registers, and a request
 * the server refused as a whole is said in a message.
 */
function useImportOutcome() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<Outcome | null>(null);
  return {
    result,
    close: () => setResult(null),
    handlers: {
      onSuccess: (outcome: Outcome['outcome'], input: { fileName: string; dryRun?: boolean }) => {
        setResult({ fileName: input.fileName, outcome, dryRun: input.dryRun === true });
        if (outcome.ok && !outcome.dryRun)
          void queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
      },
      onError: (error: unknown) => void message.error(errorMessage(error)),
    },
  };
}

/** The role that is signed in: whether it may import, and whether it may export numbers in full. */
function useSheetRights() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const role = me.data?.role;
  return {
    writes: role !== undefined && canWrite(role),
    seesInFull: role !== undefined && maySeePersonalData(role),
  };
}

/**
 * The import button for an .xlsx/.csv sheet and, unless `checkOnly` is off, 只检查不写入 (check only)
 * beside it: a list, so that each stands in its own place of the surrounding `Space`.
 */
function useSheetImport({
  label,
  loading,
  checkOnly = true,
  onUpload,
}: {
  label: string;
  loading: boolean;
  checkOnly?: boolean;
  onUpload: (upload: { fileName: string; contentBase64: string; dryRun?: boolean }) => void;
}): ReactNode[] {
  const [dryRun, setDryRun] = useState(false);
  const button = (
    <FileButton
      key="import"
      accept=".xlsx,.csv"
      icon={<UploadOutlined />}
      loading={loading}
      onFile={async (file) => {
        const upload = { fileName: file.name, contentBase64: await readAsBase64(file) };
        onUpload(checkOnly ? { ...upload, dryRun } : upload);
      }}
    >
      {label}
    </FileButton>
  );
  if (!checkOnly) return [button];
  return [
    button,
    <Checkbox key="check-only" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
      只检查不写入
    </Checkbox>,
  ];
}

/** One community's (or street's) grids, buildings, resident groups, representatives or property-service areas in and out of Excel. */
export function UnitSpreadsheet({
  under,
  initialKind = 'building',
}: {
  under: string;
  initialKind?: UnitKind;
}) {
  const { writes } = useSheetRights();
  const [kind, setKind] = useState<UnitKind>(initialKind);
  const outcome = useImportOutcome();
  const importUnits = useMutation(trpc.spreadsheets.importUnits.mutationOptions(outcome.handlers));
  const sheetImport = useSheetImport({
    label: `导入${unitKindLabels[kind]}`,
    loading: importUnits.isPending,
    checkOnly: false,
    onUpload: (upload) => importUnits.mutate({ kind, ...upload }),
  });
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
      {writes && sheetImport}
      <ExportButton load={() => trpcClient.spreadsheets.exportUnits.query({ under, kind })} />
      <ImportResultModal result={outcome.result} what={`个${unitKindLabels[kind]}`} onClose={outcome.close} />
    </Space>
  );
}

export function RosterSpreadsheet({ filter }: { filter: RosterFilter }) {
  const { writes, seesInFull } = useSheetRights();
  const outcome = useImportOutcome();
  const importWorkers = useMutation(trpc.spreadsheets.importWorkers.mutationOptions(outcome.handlers));
  const sheetImport = useSheetImport({
    label: '导入花名册',
    loading: importWorkers.isPending,
    onUpload: importWorkers.mutate,
  });
  return (
    <Space wrap>
      {writes && sheetImport}
      <ExportButton load={() => trpcClient.spreadsheets.exportWorkers.query(filter)} />
      {seesInFull && (
        <ExportButton load={() => trpcClient.spreadsheets.exportWorkers.query({ ...filter, full: true })}>
          导出（完整号码）
        </ExportButton>
      )}
      <ImportResultModal result={outcome.result} what="名工作者" onClose={outcome.close} />
    </Space>
  );
}

/** The committees with their members in and out of Excel, a row a member. */
export function CommitteeSpreadsheet({ under }: { under: string }) {
  const { writes, seesInFull } = useSheetRights();
  const outcome = useImportOutcome();
  const importCommittees = useMutation(trpc.spreadsheets.importCommittees.mutationOptions(outcome.handlers));
  const sheetImport = useSheetImport({
    label: '导入委员会及成员',
    loading: importCommittees.isPending,
    onUpload: importCommittees.mutate,
  });
  return (
    <Space wrap data-testid="committee-spreadsheet">
      {writes && sheetImport}
      <ExportButton load={() => trpcClient.spreadsheets.exportCommittees.query({ under })}>
        导出委员会及成员
      </ExportButton>
      {seesInFull && (
        <ExportButton load={() => trpcClient.spreadsheets.exportCommittees.query({ under, full: true })}>
          导出委员会（完整号码）
        </ExportButton>
      )}
      <ImportResultModal result={outcome.result} what="个委员会" onClose={outcome.close} />
    </Space>
  );
}
