import { describe, expect, it } from 'vitest';
import {
  coldSeriesPath,
  combine,
  historySource,
  outageSummary,
  overlapsOutage,
  parseProcStat,
  parseProcStatus,
  summarize,
  type LoadResponse,
} from './load.ts';

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in kB', () => {
    const text = [
      'Name:\tnode',
      'VmPeak:\t 1234567 kB',
      'VmHWM:\t  204800 kB',
      'VmRSS:\t  102400 kB',
      'RssAnon:\t   90000 kB',
    ].join('\n');
    expect(parseProcStatus(text)).toEqual({ rssKb: 102400, hwmKb: 204800 });
  });

  it('gives null for a field that is missing (a zombie has no memory lines)', () => {
    expect(parseProcStatus('Name:\tnode\nState:\tZ (zombie)\n')).toEqual({
      rssKb: null,
      hwmKb: null,
    });
  });
});

describe('parseProcStat', () => {
  it('counts fields after the last parenthesis, whatever the command name holds', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const text = '4242 (gunicorn: a) b) S 1 4200 4200 0 -1 4194560 500 0 3 0 731 269 0 0 20 0';
    expect(parseProcStat(text)).toEqual({ pgrp: 4200, cpuTicks: 1000 });
  });

  it('gives null for text that is not a stat line', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('12 (x) S')).toBeNull();
  });
});

describe('historySource', () => {
  it("reads the history metric's desc", () => {
    expect(historySource('history;dur=0.1;desc="cached", reduce;dur=2.3')).toBe('cached');
    expect(historySource('reduce;dur=2.3, history;dur=812.5;desc="read"')).toBe('read');
  });

  it('is undefined without the header or the metric', () => {
    expect(historySource(undefined)).toBeUndefined();
    expect(historySource('reduce;dur=2.3')).toBeUndefined();
  });
});

const ok = (end: number, latency: number, bytes = 1024): LoadResponse => ({
  end,
  latency,
  status: 200,
  bytes,
});

describe('summarize', () => {
  it('counts 2xx per second, and takes latencies from 2xx only', () => {
    const responses = [
      ...Array.from({ length: 98 }, (_, i) => ok(i * 10, 10)),
      ok(990, 20),
      ok(995, 30),
      { end: 996, latency: 1, status: 502, bytes: 100 },
      { end: 997, latency: 2, status: 404, bytes: 100 },
    ];
    const s = summarize(responses, [], 2);
    expect(s.responses).toBe(102);
    expect(s.rps).toBe(50);
    expect(s.rps_all).toBe(51);
    // 100 latencies: p50 is the 51st smallest, p99 the 100th (10 × 98, then 20 and 30).
    expect(s.latency_ms).toEqual({ p50: 10, p90: 10, p99: 30, max: 30 });
    expect(s.status).toEqual({ '200': 100, '404': 1, '502': 1 });
    expect(s.errors_5xx).toBe(1);
    expect(s.mb_per_s).toBe(0.05); // 100 × 1 KiB over 2 s
  });

  it('splits timeouts from socket errors and keeps distinct messages', () => {
    const s = summarize(
      [],
      [
        { at: 1, timeout: true, message: 'request timed out' },
        { at: 2, timeout: false, message: 'ECONNRESET' },
        { at: 3, timeout: false, message: 'ECONNRESET' },
      ],
      1,
    );
    expect([s.timeouts, s.socket_errors]).toEqual([1, 2]);
    expect(s.error_messages).toEqual(['request timed out', 'ECONNRESET']);
    expect(s.latency_ms.p50).toBeNull();
  });
});

describe('combine', () => {
  it('takes medians of the rates and sums the failures', () => {
    const run = (rps: number, p99: number, errors5xx: number) => ({
      ...summarize([ok(1, p99)], [], 1),
      rps,
      errors_5xx: errors5xx,
      status: { '200': 10, '503': errors5xx },
    });
    const c = combine([run(100, 40, 0), run(90, 60, 2), run(120, 50, 1)]);
    expect(c.rps).toBe(100);
    expect(c.p99_ms).toBe(50);
    expect(c.max_ms).toBe(60);
    expect(c.errors_5xx).toBe(3);
    expect(c.status).toEqual({ '200': 30, '503': 3 });
    expect(c.ok_min).toBe(10);
  });
});

describe('outage', () => {
  const w = { killAt: 10_000, healthyAt: 25_000 };

  it('counts a request in flight at the kill, or sent before MLflow was back, as inside', () => {
    expect(overlapsOutage(ok(10_050, 200), w)).toBe(true); // in flight at the kill
    expect(overlapsOutage(ok(26_000, 1_500), w)).toBe(true); // sent 500 ms before MLflow was back
    expect(overlapsOutage(ok(9_999, 100), w)).toBe(false); // done before the kill
    expect(overlapsOutage(ok(25_300, 200), w)).toBe(false); // sent after MLflow was back
  });

  it("splits the 5xx around the window and times Parallax's recovery", () => {
    const bad = (end: number, latency: number, label?: string): LoadResponse => ({
      end,
      latency,
      status: 502,
      bytes: 80,
      label,
    });
    const s = outageSummary(
      [
        ok(9_000, 100),
        bad(8_000, 50), // a 5xx before the kill: outside the window
        bad(12_000, 2_000, 'search'),
        bad(15_000, 1_000, 'get'),
        bad(20_000, 3_000, 'get'),
        ok(24_900, 100), // sent before MLflow's health answered: Parallax's retry got there first
        ok(26_000, 200),
      ],
      [{ at: 11_000, timeout: true, message: 'request timed out' }],
      w,
    );
    expect(s.down_ms).toBe(15_000);
    expect(s.during.status).toEqual({ '200': 1, '502': 3 });
    expect(s.during.latency_5xx_ms).toEqual({ p50: 2_000, p90: 3_000, p99: 3_000, max: 3_000 });
    expect(s.during.latency_5xx_ms_by_request.get).toEqual({
      p50: 3_000,
      p90: 3_000,
      p99: 3_000,
      max: 3_000,
    });
    expect(s.during.timeouts).toBe(1);
    expect(s.errors_5xx_outside).toBe(1);
    expect(s.first_success_after_kill_ms).toBe(14_900);
    expect(s.first_success_after_healthy_ms).toBe(-100);
  });

  it('says null when nothing succeeded after the kill', () => {
    const s = outageSummary([ok(9_000, 100)], [], w);
    expect(s.first_success_after_kill_ms).toBeNull();
    expect(s.first_success_after_healthy_ms).toBeNull();
  });
});

describe('coldSeriesPath', () => {
  const runs = Array.from({ length: 20 }, (_, i) => `run${i}`);
  const parse = (p: string) => new URL(p, 'http://x').searchParams;

  it('walks the runs in turn, the first pass without a window', () => {
    expect(
      [0, 1, 19, 20].map((k) =>
        parse(coldSeriesPath(k, runs, 'train/loss', 100_000)).get('run_id'),
      ),
    ).toEqual(['run0', 'run1', 'run19', 'run0']);
    const first = parse(coldSeriesPath(3, runs, 'train/loss', 100_000));
    expect(first.get('start_step')).toBeNull();
    expect(first.get('key')).toBe('train/loss');
    expect(first.get('method')).toBe('m4');
  });

  it('asks 2,000 distinct windows, each inside the run', () => {
    const seen = new Set<string>();
    for (let k = 0; k < 20 * 100; k++) {
      const p = coldSeriesPath(k, runs, 'train/loss', 1000);
      seen.add(p);
      const q = parse(p);
      if (q.get('start_step') === null) continue;
      const [s, e] = [Number(q.get('start_step')), Number(q.get('end_step'))];
      expect(s).toBeGreaterThanOrEqual(0);
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(999);
    }
    expect(seen.size).toBe(2000);
  });
});
