import { useEffect, type RefObject } from 'react';

/** Whether a key pressed in `target` may be typing (in an input, a text area, a select, editable content). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Focuses `ref` when `key` is pressed outside a text field and outside an open dialog. */
export function useFocusShortcut(key: string, ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== key || event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('[role="dialog"]')) return;
      const element = ref.current;
      if (!element) return;
      event.preventDefault();
      element.focus();
      if (element instanceof HTMLInputElement) element.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key, ref]);
}
