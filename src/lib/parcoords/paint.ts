// Which colour each line gets and in which order the lines are drawn, kept out of the component so
// it is tested without a canvas.
import { numberOf } from './axes';
import { finiteRange, parseColor, sequentialPalette, shadeIndices, SHADES } from './color';
import type { Rgb } from './color';
import type { ParcoordsColors } from './draw';
import type { AxisKey, ParcoordsRun } from './types';

/** Each run's colour as an index into `palette`, and the order to draw them in. */
export interface Paint {
  colorOf: Uint16Array;
  palette: string[];
  order: Uint32Array;
  range: { min: number; max: number } | undefined;
}

/**
 * The lines' colours and drawing order. Coloured by a metric: a sequential scale of SHADES steps,
 * with the runs that have no value in grey (the palette's last entry). Otherwise each run's own
 * colour, deduplicated into a palette so the canvas changes style once per colour, not per line.
 */
export function paintRuns(
  runs: readonly ParcoordsRun[],
  colorBy: AxisKey | undefined,
  runColors: ReadonlyMap<string, string> | undefined,
  colors: ParcoordsColors,
): Paint {
  const colorOf = new Uint16Array(runs.length);
  let palette: string[];
  let range: Paint['range'];
  if (colorBy) {
    const values = Float64Array.from(runs, (r) => numberOf(r.values.get(colorBy)) ?? NaN);
    range = finiteRange(values);
    const stops = colors.scale.map(parseColor).filter((c): c is Rgb => c !== undefined);
    palette = [
      ...sequentialPalette(stops.length > 0 ? stops : [[128, 128, 128]], SHADES),
      colors.faint,
    ];
    const shades = shadeIndices(values, SHADES);
    shades.forEach((s, i) => (colorOf[i] = s < 0 ? SHADES : s));
  } else {
    const index = new Map<string, number>();
    palette = [];
    runs.forEach((run, i) => {
      const color = runColors?.get(run.id) ?? colors.accent;
      let k = index.get(color);
      if (k === undefined) {
        k = palette.length;
        palette.push(color);
        index.set(color, k);
      }
      colorOf[i] = k;
    });
  }
  const order = Uint32Array.from(runs, (_, i) => i).sort((a, b) => {
    const ca = colorOf[a] as number;
    const cb = colorOf[b] as number;
    // Grey (no value) first, so coloured lines are drawn over it.
    const ga = colorBy && ca === SHADES ? -1 : ca;
    const gb = colorBy && cb === SHADES ? -1 : cb;
    return ga - gb || a - b;
  });
  return { colorOf, palette, order, range };
}
