import * as Dialog from '@radix-ui/react-dialog';
import { Fragment, useId } from 'react';
import type { RefObject } from 'react';
import { keyLabel, shortcutGroupsFor } from '@/lib/shortcuts';
import type { ShortcutGroup, ShortcutPage } from '@/lib/shortcuts';

interface ShortcutsDialogProps {
  page: ShortcutPage;
  onClose: () => void;
  /** What had the focus before it opened, focused again once it closes. */
  returnFocus: RefObject<HTMLElement | SVGElement | null>;
}

/** The keyboard shortcuts of `page`, group by group; Escape, Close or a click outside closes it. */
export function ShortcutsDialog({ page, onClose, returnFocus }: ShortcutsDialogProps) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog-content shortcuts-dialog"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus.current?.focus();
          }}
        >
          {/* Close comes first, at the top: Radix focuses the first button, and focus at the
              bottom would scroll a long list to its end. */}
          <div className="shortcuts-dialog-header">
            <Dialog.Title className="dialog-title">Keyboard shortcuts</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="btn">
                Close
              </button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="shortcuts-intro">
            The keys of this page. README.md lists those of every page.
          </Dialog.Description>
          {shortcutGroupsFor(page).map((group) => (
            <ShortcutGroupList key={group.title} group={group} />
          ))}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ShortcutGroupList({ group }: { group: ShortcutGroup }) {
  const headingId = useId();
  return (
    <section className="shortcuts-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{group.title}</h3>
      <p className="shortcuts-where">{group.where}</p>
      <dl className="shortcuts-list">
        {group.shortcuts.map((s) => (
          <div key={s.action} className="shortcuts-row">
            <dt>
              {s.keys.map((key, i) => (
                <Fragment key={key}>
                  {i > 0 && <span className="shortcuts-or"> / </span>}
                  <kbd>{keyLabel(key)}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
