import { useState } from 'react';
import { useCanEdit } from '@/components/useCanEdit';
import { RegisterModelDialog } from './RegisterModelDialog';

/** "Register this model" on an artifact folder that holds an MLmodel ('' is the artifact root). */
export function RegisterFolderButton({ runId, path }: { runId: string; path: string }) {
  const canEdit = useCanEdit();
  const [open, setOpen] = useState(false);
  if (!canEdit) return null;
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        Register this model
      </button>
      {open && (
        <RegisterModelDialog
          runId={runId}
          sources={[{ kind: 'artifacts', path }]}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
