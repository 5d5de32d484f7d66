/** What a page shows when its record could not be loaded: not found, not allowed, or another failure. */
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../lib/fieldErrors.js';
import { errorCode } from '../lib/trpc.js';
import { Result } from './OnDemand.js';

const statusOf = (code: string | undefined) =>
  code === 'NOT_FOUND' ? '404' : code === 'FORBIDDEN' ? '403' : 'error';

/** The server's message under a 404, 403 or error picture, with a button back to `back.to` when given. */
export function LoadFailed({ error, back }: { error: unknown; back?: { to: string; label: string } }) {
  const navigate = useNavigate();
  return (
    <Result
      status={statusOf(errorCode(error))}
      title={errorMessage(error)}
      {...(back ? { extra: <Button onClick={() => navigate(back.to)}>{back.label}</Button> } : {})}
    />
  );
}
