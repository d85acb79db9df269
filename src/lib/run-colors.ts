// A stable colour per run: the same run is the same colour on every chart and every page.
// Hex values (not CSS variables) so that exported SVG/PNG files keep them.
export const RUN_PALETTE = [
  '#4c78d8',
  '#e4572e',
  '#2a9d5b',
  '#9c5bd6',
  '#d99a00',
  '#17a2b8',
  '#d6457f',
  '#6b8e23',
  '#8c6d4f',
  '#5c6bc0',
  '#ef7d3c',
  '#00897b',
] as const;

/** FNV-1a over the run id: cheap, stable across sessions, well spread for uuid-like ids. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function runColor(runId: string): string {
  return RUN_PALETTE[hash(runId) % RUN_PALETTE.length] as string;
}

/**
 * Colours for runs drawn together: each keeps its own colour unless an earlier run on the same
 * chart took it, then the next free one, so a handful of runs never share a colour.
 */
export function runColors(runIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of runIds) {
    const start = hash(id) % RUN_PALETTE.length;
    let color = RUN_PALETTE[start] as string;
    for (let k = 0; k < RUN_PALETTE.length; k++) {
      const c = RUN_PALETTE[(start + k) % RUN_PALETTE.length] as string;
      if (!used.has(c)) {
        color = c;
        break;
      }
    }
    used.add(color);
    out.set(id, color);
  }
  return out;
}
