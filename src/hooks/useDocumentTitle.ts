import { useEffect } from 'react';

const PRODUCT = 'Parallax';

/**
 * Sets the tab title to `<title> · Parallax` (just `Parallax` for no title). Pass undefined while
 * the title is still loading to leave the current one in place rather than flash the product name.
 */
export function useDocumentTitle(title: string | undefined | null) {
  useEffect(() => {
    if (title === undefined) return;
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);
}
