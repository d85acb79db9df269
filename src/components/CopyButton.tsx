import { useEffect, useState } from 'react';

interface CopyButtonProps {
  text: string;
  /** The button's accessible name, e.g. "Copy run ID"; it does not change after copying. */
  label: string;
}

/** Copies `text` and says so in a polite live region (the clipboard can refuse, e.g. over plain HTTP). */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [result, setResult] = useState<'copied' | 'failed' | undefined>();

  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(undefined), 2000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = () => {
    // navigator.clipboard is undefined outside secure contexts; that is a failure, not a crash.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => setResult('copied'),
        () => setResult('failed'),
      );
  };

  return (
    <>
      <button type="button" className="btn btn-small" onClick={copy}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : ''}
      </span>
    </>
  );
}
