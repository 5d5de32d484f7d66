/**
 * What a loan's row shows first, in a community's lending tab and in the list of overdue loans alike:
 * the item's reference code and title, and who borrowed it — the account, with the person's name
 * beside it where the two differ.
 */
import type { TableColumnsType } from 'antd';
import { ReferenceCode } from './tags.js';

interface LoanedItem {
  referenceCode: string;
  title: string;
  borrower: string;
  borrowerName: string | null;
}

export function loanedItemColumns<Loan extends LoanedItem>(): TableColumnsType<Loan> {
  return [
    {
      title: '档号',
      dataIndex: 'referenceCode',
      render: (code: string) => <ReferenceCode code={code} />,
    },
    { title: '题名', dataIndex: 'title' },
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
