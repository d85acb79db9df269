/** Which way a metric improves: 'min' is lower-is-better, 'max' higher-is-better. */
export type Direction = 'min' | 'max';

/** A metric's direction as the UI uses it: 'neutral' colors nothing and marks no best value. */
export type MetricDirection = Direction | 'neutral';
