// The server's content type and the SPA's previewer come from one list (src/lib/artifact-kind.ts):
// for every name on it, and for the names that used to differ, they must agree.
import { describe, expect, it } from 'vitest';
import {
  ARTIFACT_EXTENSIONS,
  ARTIFACT_NAMES,
  IMAGE_MIME_TYPES,
  artifactKind,
  type ArtifactKind,
} from '../src/lib/artifact-kind.ts';
import { safeContentType } from './artifact.ts';

const TEXT = 'text/plain; charset=utf-8';
const BYTES = 'application/octet-stream';

/** What the SPA does with a kind decides what the server may send: written out here, not derived. */
function agrees(kind: ArtifactKind, type: string): boolean {
  switch (kind) {
    case 'image':
      return type.startsWith('image/');
    case 'other':
      return type === BYTES;
    default:
      // table, json, yaml, html, mlmodel and text previewers all read the bytes as UTF-8 text.
      return type === TEXT;
  }
}

const listed = [
  ...Object.keys(ARTIFACT_EXTENSIONS).flatMap((ext) => [
    `a/file.${ext}`,
    `FILE.${ext.toUpperCase()}`,
  ]),
  ...Object.keys(ARTIFACT_NAMES).map((name) => `model/${name}`),
];

describe('server content type and SPA previewer agree', () => {
  it.each(listed)('%s', (path) => {
    expect(agrees(artifactKind(path), safeContentType(path))).toBe(true);
  });

  it('lists a MIME type for every image extension', () => {
    for (const [ext, kind] of Object.entries(ARTIFACT_EXTENSIONS))
      if (kind === 'image') expect(IMAGE_MIME_TYPES[ext], ext).toMatch(/^image\//);
  });

  // The names that differed before the list was shared, and some that must stay bytes.
  it.each([
    ['nb/analysis.ipynb', 'json', TEXT],
    ['model/MLmodel', 'mlmodel', TEXT],
    ['MLproject', 'yaml', TEXT],
    ['model/requirements.txt', 'text', TEXT],
    ['model/conda.yaml', 'yaml', TEXT],
    ['model/python_env.yaml', 'yaml', TEXT],
    ['report.html', 'html', TEXT],
    ['plot.svg', 'image', 'image/svg+xml'],
    ['a.JPG', 'image', 'image/jpeg'],
    ['model/model.pkl', 'other', BYTES],
    ['page.xhtml', 'other', BYTES],
    ['Dockerfile', 'other', BYTES],
    ['LICENSE', 'other', BYTES],
    ['x.mlmodel', 'other', BYTES],
    ['constructor', 'other', BYTES],
    ['a.toString', 'other', BYTES],
    ['.hidden', 'other', BYTES],
  ])('%s → %s, %s', (path, kind, type) => {
    expect(artifactKind(path)).toBe(kind);
    expect(safeContentType(path)).toBe(type);
  });
});
