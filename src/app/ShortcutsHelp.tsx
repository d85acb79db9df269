import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { isTyping } from '@/hooks/useFocusShortcut';
import { afterTask } from '@/lib/next-task';
import { shortcutPage } from './shortcut-page';
import './shortcuts.css';

// The dialog and its list load when first asked for: Radix's dialog is not in the start-up chunk.
const ShortcutsDialog = lazy(
  afterTask(() => import('./ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog }))),
);

function focusedElement(): HTMLElement | SVGElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement || active instanceof SVGElement ? active : null;
}

/**
 * The header's `?` button, and `?` pressed anywhere outside a text field: both open the list of
 * the current page's keyboard shortcuts.
 */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const { pathname, search } = useLocation();
  // Where focus goes back to on close. Radix returns it to a Dialog.Trigger, and there is none:
  // the dialog is mounted only while open, and the key opens it as well as the button.
  const returnFocus = useRef<HTMLElement | SVGElement | null>(null);
  const show = () => {
    returnFocus.current = focusedElement();
    setOpen(true);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // `?` is Shift+/ on most layouts, so Shift is allowed; the other modifiers mean another key.
      if (event.key !== '?' || event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      // A `?` typed into a field is text; inside an open dialog or menu it is theirs.
      if (isTyping(event.target) || document.querySelector('[role="dialog"], [role="menu"]')) {
        return;
      }
      event.preventDefault();
      returnFocus.current = focusedElement();
      setOpen(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        aria-label="Keyboard shortcuts"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={show}
      >
        ?
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShortcutsDialog
            page={shortcutPage(pathname, search)}
            onClose={() => setOpen(false)}
            returnFocus={returnFocus}
          />
        </Suspense>
      )}
    </>
  );
}
