// A remark plugin: raw HTML written in markdown is shown as the literal text it is, never parsed.

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Turns every `html` node of a markdown tree into a `text` node with the same source, in place. */
export function rawHtmlAsText(tree: MdNode): void {
  if (tree.type === 'html') tree.type = 'text';
  for (const child of tree.children ?? []) rawHtmlAsText(child);
}

/** The same, in the shape remark's `remarkPlugins` expects. */
export function remarkRawHtmlAsText() {
  return rawHtmlAsText;
}
