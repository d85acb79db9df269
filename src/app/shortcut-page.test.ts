import { describe, expect, it } from 'vitest';
import { shortcutPage } from './shortcut-page';

describe('shortcutPage', () => {
  it.each([
    ['/experiments', '', 'experiments'],
    ['/experiments', '?view=deleted', 'experiments'],
    ['/experiments/12', '', 'experiment-table'],
    ['/experiments/12', '?filter=metrics.loss%20%3C%201', 'experiment-table'],
    ['/experiments/12', '?view=table', 'experiment-table'],
    ['/experiments/12', '?view=charts', 'experiment-charts'],
    ['/experiments/12', '?view=models&model=m-1', 'other'],
    ['/experiments/12/', '?view=charts&window=0-10', 'experiment-charts'],
    ['/experiments/12/runs/abc', '', 'run'],
    ['/experiments/12/runs/abc', '?view=charts', 'run'],
    ['/models', '', 'other'],
    ['/compare', '?runs=a,b', 'compare'],
    ['/nowhere/at/all', '', 'other'],
  ])('%s%s is %s', (pathname, search, page) => {
    expect(shortcutPage(pathname, search)).toBe(page);
  });
});
