import { describe, expect, it } from 'vitest';
import {
  artifactKind,
  baseName,
  dirName,
  dropPartialFirstLine,
  dropPartialLastLine,
  formatBytes,
  isLog,
  looksBinary,
  skipContinuationBytes,
} from './artifact-kind';

describe('artifactKind', () => {
  it.each([
    ['plots/loss.png', 'image'],
    ['a/B.JPEG', 'image'],
    ['x.svg', 'image'],
    ['shots/frame.WEBP', 'image'],
    ['data/table.csv', 'table'],
    ['t.tsv', 'table'],
    ['metrics.json', 'json'],
    ['config.yaml', 'yaml'],
    ['c.yml', 'yaml'],
    ['report.html', 'html'],
    ['model/MLmodel', 'mlmodel'],
    ['logs/train.log', 'text'],
    ['binary.txt', 'text'],
    ['model/model.skops', 'other'],
    ['.hidden', 'other'],
    ['noext', 'other'],
    ['nb/analysis.ipynb', 'json'],
    ['MLproject', 'yaml'],
    ['model/conda.yaml', 'yaml'],
    ['model/requirements.txt', 'text'],
    ['mlmodel', 'other'],
    ['constructor', 'other'],
    ['x.__proto__', 'other'],
  ])('%s → %s', (path, kind) => {
    expect(artifactKind(path)).toBe(kind);
  });
});

describe('paths', () => {
  it('splits names', () => {
    expect(baseName('a/b/c.txt')).toBe('c.txt');
    expect(baseName('c.txt')).toBe('c.txt');
    expect(dirName('a/b/c.txt')).toBe('a/b');
    expect(dirName('c.txt')).toBe('');
    expect(isLog('logs/train.log')).toBe(true);
    expect(isLog('a.txt')).toBe(false);
  });
});

describe('looksBinary', () => {
  const enc = new TextEncoder();
  it('accepts UTF-8 text, even cut mid-character at 1 KB', () => {
    expect(looksBinary(enc.encode('hello\nwörld'))).toBe(false);
    const cut = enc.encode('a'.repeat(1023) + 'é'); // é's second byte falls past 1 KB
    expect(looksBinary(cut)).toBe(false);
  });
  it('rejects NUL bytes and invalid UTF-8', () => {
    expect(looksBinary(new Uint8Array([104, 0, 105]))).toBe(true);
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0x41]))).toBe(true);
    const bytes = new Uint8Array(4096).map((_, i) => i % 256);
    expect(looksBinary(bytes)).toBe(true);
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(60 * 1024 * 1024)).toBe('60.0 MB');
    expect(formatBytes(undefined)).toBe('');
  });
});

describe('partial lines', () => {
  it('drops a cut line at either end', () => {
    expect(dropPartialLastLine('a\nb\nc')).toBe('a\nb\n');
    expect(dropPartialFirstLine('c\nd\ne')).toBe('d\ne');
    expect(dropPartialLastLine('abc')).toBe('abc');
  });
});

describe('skipContinuationBytes', () => {
  it('starts a mid-file window at a whole character', () => {
    const bytes = new TextEncoder().encode('é€x').subarray(1); // starts inside é
    expect(new TextDecoder().decode(skipContinuationBytes(bytes))).toBe('€x');
    expect(looksBinary(skipContinuationBytes(bytes))).toBe(false);
  });
});
