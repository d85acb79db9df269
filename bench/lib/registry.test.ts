import { describe, expect, it } from 'vitest';
import { registryGoalsMet, registryUrls, requestRounds, waterfall } from './registry.ts';

const srv = { parallaxUrl: 'http://p', mlflowUrl: 'http://m' };

describe('registryUrls', () => {
  it("spells each UI's routes, the model name encoded", () => {
    const u = registryUrls(srv, 'a b/c', '7', { candidate: '9', against: 'alias:champion' });
    expect(u.model_page).toEqual({
      parallax: 'http://p/models/a%20b%2Fc',
      mlflow: 'http://m/#/models/a%20b%2Fc',
    });
    expect(u.version_page.mlflow).toBe('http://m/#/models/a%20b%2Fc/versions/7');
    expect(u.version_page.parallax).toBe('http://p/models/a%20b%2Fc/versions/7');
    expect(u.promotion_view).toBe(
      'http://p/models/a%20b%2Fc/promote?candidate=9&against=alias%3Achampion',
    );
  });
});

describe('waterfall', () => {
  it('keeps the data requests, on the load clock, in the order sent', () => {
    const w = waterfall(
      [
        { url: 'http://p/b.js', type: 'Script', sentAt: 1010, doneAt: 1050 },
        { url: 'http://p/api/2.0/x?name=m', type: 'Fetch', sentAt: 1200, doneAt: null },
        { url: 'http://p/api/2.0/y', type: 'XHR', sentAt: 1100, doneAt: 1150 },
      ],
      1000,
    );
    expect(w).toEqual([
      { path: '/api/2.0/y', start_ms: 100, end_ms: 150 },
      { path: '/api/2.0/x?name=m', start_ms: 200, end_ms: null },
    ]);
  });

  it('cuts a long query', () => {
    const [e] = waterfall(
      [{ url: `http://p/s?${'q'.repeat(200)}`, type: 'Fetch', sentAt: 0, doneAt: 1 }],
      0,
    );
    expect(e?.path).toBe(`/s?${'q'.repeat(79)}…`);
  });
});

describe('requestRounds', () => {
  it('counts requests that waited for an earlier one to end', () => {
    const e = (start_ms: number, end_ms: number | null, path = '/x') => ({
      path,
      start_ms,
      end_ms,
    });
    expect(requestRounds([])).toBe(0);
    expect(requestRounds([e(0, 10), e(1, 12)])).toBe(1);
    expect(requestRounds([e(0, 10), e(11, 20), e(21, 30)])).toBe(3);
    expect(requestRounds([e(0, 10), e(11, 20), e(12, 30), e(31, null)])).toBe(3);
    expect(requestRounds([e(0, 10), e(11, 20), e(21, 30)], 15)).toBe(2);
  });
});

describe('registryGoalsMet', () => {
  it('judges each figure against its goal, null when unknown', () => {
    expect(
      registryGoalsMet({
        model_page: 0.5,
        version_page: 0.51,
        promotion_view_ms: null,
        longtasks_over_50ms: 0,
      }),
    ).toEqual({
      model_page: true,
      version_page: false,
      promotion_view_ms: null,
      longtasks_over_50ms: true,
    });
  });
});
