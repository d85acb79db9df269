import { useEffect, useState } from 'react';

/**
 * recharts builds its frame (its store, the axes' scales and ticks, the grid) in one commit plus the
 * re-renders its own effects set off: about 100 ms on the CI box, one long task. Adding the x axis,
 * the y axis and the grid one task after another keeps each step well under 50 ms; later renders
 * (new series, a zoom) only update the frame. Our lines need none of it and draw at once.
 */
const FRAME_STAGES = 3;

export function useFrameStage(): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= FRAME_STAGES) return;
    const timer = setTimeout(() => setStage(stage + 1), 0);
    return () => clearTimeout(timer);
  }, [stage]);
  return stage;
}
