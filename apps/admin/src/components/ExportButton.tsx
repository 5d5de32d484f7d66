/**
 * 导出 Excel for any list of the console: asks the API for the list as it is filtered on
 * screen and saves the file. Every page uses this one button, so all exports behave alike: busy while
 * the server writes the file, and the server's zh-CN reason when it refuses (a list longer than the
 * export cap names the filter to narrow).
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { downloadBase64, fetchAndSave, type SpreadsheetFile } from '../lib/download.js';
import { errorMessage } from '../lib/fieldErrors.js';

export interface ExportButtonProps extends Omit<ButtonProps, 'onClick' | 'loading' | 'icon' | 'children'> {
  /** The export procedure called with the list's current input, e.g. `() => trpcClient.spreadsheets.exportAudit.query(input)`. */
  load: () => Promise<SpreadsheetFile>;
  children?: ReactNode;
}

export function ExportButton({ load, children = '导出 Excel', ...buttonProps }: ExportButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await fetchAndSave(load, downloadBase64, (error) => void message.error(errorMessage(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} {...buttonProps}>
      {children}
    </Button>
  );
}
