/**
 * An archive register's table of one query's rows: the query's failure stands above it, and the rows
 * show as loading while they are fetched again, the same in every register.
 */
import { Alert, Table, type TableProps } from 'antd';
import { errorMessage } from '../../lib/fieldErrors.js';

interface RowsQuery<Row> {
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  data?: Row[] | undefined;
}

export function QueryTable<Row extends object>({
  query,
  ...table
}: { query: RowsQuery<Row> } & Omit<TableProps<Row>, 'loading' | 'dataSource' | 'size'>) {
  return (
    <>
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} />}
      <Table<Row> size="middle" loading={query.isFetching} dataSource={query.data ?? []} {...table} />
    </>
  );
}
