import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import './disclosure.css';

interface DisclosureProps {
  /** The heading, which is also the toggle's name and the section's. */
  title: string;
  /** Shown beside the heading whether open or not, e.g. "12 metrics". */
  summary?: ReactNode;
  defaultOpen?: boolean;
  /** Classes of the section and of its header row, so it sits among the page's own sections. */
  className?: string;
  headerClassName?: string;
  children: ReactNode;
}

/**
 * A section whose body opens and closes from a button inside its heading (the ARIA disclosure
 * pattern: a native button, so Enter and Space work, with `aria-expanded` and `aria-controls`).
 * The body is not rendered while closed, so nothing in it fetches or draws until it is asked for.
 */
export function Disclosure({
  title,
  summary,
  defaultOpen = false,
  className,
  headerClassName,
  children,
}: DisclosureProps) {
  const [open, setOpen] = useState(defaultOpen);
  const headingId = useId();
  const bodyId = useId();
  return (
    <section className={className} aria-labelledby={headingId}>
      <div className={headerClassName}>
        <h2 id={headingId} className="disclosure-heading">
          <button
            type="button"
            className="disclosure-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            {title}
          </button>
        </h2>
        {summary}
      </div>
      {/* Present while closed too: aria-controls must name an element that exists. */}
      <div id={bodyId} className="disclosure-body" hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
