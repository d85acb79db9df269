import { CopyButton } from '@/components/CopyButton';
import { loadSnippet } from '@/lib/registry/versions';

/** The Python that loads this version: by its first alias (what a deployment pins), else by number. */
export function LoadSnippet({
  name,
  version,
  aliases,
}: {
  name: string;
  version: string;
  aliases: readonly string[];
}) {
  const alias = [...aliases].sort()[0];
  const code = loadSnippet(name, alias ? { alias } : { version });
  return (
    <section className="detail-section" aria-labelledby="load-snippet-title">
      <div className="detail-section-header">
        <h2 id="load-snippet-title">Load it</h2>
        <CopyButton text={code} label="Copy the load snippet" />
      </div>
      <pre className="code-block">
        <code>{code}</code>
      </pre>
    </section>
  );
}
