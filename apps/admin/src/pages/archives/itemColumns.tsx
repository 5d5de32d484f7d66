/**
 * The columns that name an archive item in a register's row — its reference code and title — and, for
 * a loan, who borrowed it: in a community's lending tab and in the list of overdue loans alike, the
 * account with the person's name beside it where the two differ.
 */
import type { TableColumnsType } from 'antd';
import { ReferenceCode } from './tags.js';

interface NamedItem {
  referenceCode: string;
  title: string;
}

interface LoanedItem extends NamedItem {
  borrower: string;
  borrowerName: string | null;
}

export function itemColumns<Row extends NamedItem>(): TableColumnsType<Row> {
  return [
    {
      title: '档号',
      dataIndex: 'referenceCode',
      render: (code: string) => <ReferenceCode code={code} />,
    },
    { title: '题名', dataIndex: 'title' },
  ];
}

export function loanedItemColumns<Loan extends LoanedItem>(): TableColumnsType<Loan> {
  return [
    ...itemColumns<Loan>(),
    {
      title: '借阅人',
      dataIndex: 'borrower',
      render: (borrower: string, loan) =>
        loan.borrowerName && loan.borrowerName !== borrower
          ? `${borrower}（${loan.borrowerName}）`
          : borrower,
    },
  ];
}
