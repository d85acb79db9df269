import { useEffect, useState } from 'react';
import type { ModelVersion } from '@/api/types';
import { MlflowError } from '@/api/errors';
import { useVersionMlModel } from './useVersionMlModel';

// A row scrolled past in less than this never asks for its MLmodel: a fling through 500 versions
// would otherwise start a read for every row it crosses.
const SETTLE_MS = 150;

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Whether the version's MLmodel holds a signature. The versions table renders only the rows in
 * view, so each cell reads its own MLmodel when it comes into view (cached once read, and shared
 * with the version page): a model with 500 versions costs as many reads as rows are looked at.
 */
export function SignaturePresence({ version: mv }: { version: ModelVersion }) {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  const query = useVersionMlModel(mv, settled);
  const read = query.data;
  if (query.isError) {
    const code = query.error instanceof MlflowError ? `${query.error.errorCode}: ` : '';
    return (
      <span className="signature-presence is-unknown" title={`${code}${query.error.message}`}>
        unreadable
      </span>
    );
  }
  if (!read)
    return (
      <span className="signature-presence is-pending" aria-label="Checking…">
        …
      </span>
    );
  if (read.state === 'missing')
    return <span className="signature-presence is-absent">no MLmodel</span>;
  if (read.state === 'unreadable')
    return (
      <span className="signature-presence is-unknown" title={read.reason}>
        unreadable
      </span>
    );
  if (!read.signature) return <span className="signature-presence is-absent">none</span>;
  const inputs = read.signature.inputs?.columns.length;
  const outputs = read.signature.outputs?.columns.length;
  // Short in the cell (the column is narrow), whole in the tooltip.
  const short = [
    inputs === undefined ? undefined : `${inputs} in`,
    outputs === undefined ? undefined : `${outputs} out`,
  ].filter(Boolean);
  const long = [
    inputs === undefined ? undefined : count(inputs, 'input'),
    outputs === undefined ? undefined : count(outputs, 'output'),
  ].filter(Boolean);
  return (
    <span className="signature-presence is-present" title={long.join(', ')}>
      yes
      {short.length > 0 && <span className="signature-detail"> · {short.join(', ')}</span>}
    </span>
  );
}
