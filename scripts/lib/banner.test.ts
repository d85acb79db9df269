import { describe, expect, it } from 'vitest';
import { readyBanner } from './banner.mjs';

describe('readyBanner', () => {
  it('offers Parallax to open, then labels the embedded MLflow as an API for clients', () => {
    expect(
      readyBanner({
        parallaxUrl: 'http://127.0.0.1:5050',
        mlflowUrl: 'http://127.0.0.1:41234',
        backend: 'embedded',
      }),
    ).toBe(
      [
        '',
        '  Open Parallax:  http://127.0.0.1:5050',
        '',
        '  MLflow API (for clients such as mlflow.set_tracking_uri, not to open): http://127.0.0.1:41234',
        '  Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  });

  it('names where an outside backend came from', () => {
    const text = readyBanner({
      parallaxUrl: 'http://127.0.0.1:5050',
      mlflowUrl: 'https://mlflow.example.com',
      backend: 'MLFLOW_TRACKING_URI',
    });
    expect(text.split('\n').filter((line) => line.includes('://'))).toEqual([
      '  Open Parallax:  http://127.0.0.1:5050',
      '  MLflow backend (from MLFLOW_TRACKING_URI): https://mlflow.example.com',
    ]);
  });
});
