/**
 * A table of one list query's rows (all of them, or the page `{ items }` the query returned): the
 * query's failure stands above it, and the rows show as loading while they are fetched again, the same
 * in every register of the console.
 */
import { Alert, Table, type TableProps } from 'antd';
import { errorMessage } from '../lib/fieldErrors.js';

interface RowsQuery<Row> {
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  data?: Row[] | { items: Row[] } | undefined;
}

function rowsOf<Row>(data: RowsQuery<Row>['data']): Row[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}

export function QueryTable<Row extends object>({
  query,
  ...table
}: { query: RowsQuery<Row> } & Omit<TableProps<Row>, 'loading' | 'dataSource' | 'size'>) {
  return (
    <>
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} />}
      <Table<Row> size="middle" loading={query.isFetching} dataSource={rowsOf(query.data)} {...table} />
    </>
  );
}
