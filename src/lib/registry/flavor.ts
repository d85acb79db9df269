// How registry requests differ between MLflow's workspace registry and Unity Catalog. Parallax's
// server says which one it serves (`registry` in /parallax/api/config); the SPA's registry client
// builds every request through these, so the difference lives in one place.
//
// Unity Catalog is reached through MLflow's own `unity-catalog/` endpoints, which answer in the
// same shapes as the workspace registry (registered_models[] with aliases and tags), with these
// limits, mirrored from MLflow's UcModelRegistryStore:
// - registered-models/search takes no filter and no order_by (at most 1,000 per page);
// - model-versions/search takes a single condition (name = … or run_id = …) and no order_by;
// - no stages: transition-stage and get-latest-versions do not exist;
// - rename is registered-models/update with new_name (there is no rename endpoint);
// - names are three-level: catalog.schema.model.
import { quoteValue } from '../filter-string/grammar';

export type RegistryFlavor = 'workspace' | 'unity-catalog';

export interface RegistryPaths {
  models: string;
  versions: string;
}

const API = '/api/2.0/mlflow';

export function registryPaths(flavor: RegistryFlavor): RegistryPaths {
  const root = flavor === 'unity-catalog' ? `${API}/unity-catalog` : API;
  return { models: `${root}/registered-models`, versions: `${root}/model-versions` };
}

/** MLflow's ceiling on one page of registered-models/search, in both registries. */
export const MAX_MODELS_PER_PAGE = 1000;

export interface ModelSearch {
  filter?: string | undefined;
  orderBy?: readonly string[];
  maxResults?: number;
  pageToken?: string | undefined;
}

/**
 * The query of a registered-models/search. Unity Catalog refuses a filter or an order, so they are
 * left out there; `filteredHere` tells the caller the answer is not filtered and it must say so
 * (or filter what it shows itself).
 */
export function modelSearchQuery(
  flavor: RegistryFlavor,
  search: ModelSearch,
): { query: Record<string, unknown>; filteredHere: boolean } {
  const common = {
    max_results: Math.min(search.maxResults ?? 100, MAX_MODELS_PER_PAGE),
    page_token: search.pageToken || undefined,
  };
  if (flavor === 'unity-catalog') {
    return { query: common, filteredHere: Boolean(search.filter) };
  }
  return {
    query: { filter: search.filter || undefined, order_by: search.orderBy, ...common },
    filteredHere: false,
  };
}

/**
 * The filter that finds one model's versions. MLflow unescapes nothing inside a quoted value, so a
 * name holding both kinds of quote has no literal: the workspace registry matches it with LIKE's
 * one-character wildcard in their place (the caller keeps only the exact name). Unity Catalog takes
 * only `name = '…'`, and its names cannot hold quotes anyway (see ucNameProblem).
 */
export function versionsFilter(flavor: RegistryFlavor, name: string): string {
  const literal = quoteValue(name);
  if (literal) return `name = ${literal}`;
  if (flavor === 'unity-catalog') return `name = '${name.replace(/'/g, '')}'`;
  return `name LIKE '${name.replace(/['"\\%_]/g, '_')}'`;
}

/** The query of one page of a model's versions, newest first where the registry can order. */
export function versionSearchQuery(
  flavor: RegistryFlavor,
  name: string,
  pageToken: string | undefined,
): Record<string, unknown> {
  return {
    filter: versionsFilter(flavor, name),
    max_results: 1000,
    // Unity Catalog has no order_by here: the caller sorts (newestFirst) either way.
    ...(flavor === 'workspace' && { order_by: ['version_number DESC'] }),
    page_token: pageToken,
  };
}

export interface RegistryRequest {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
}

/** Renaming a model: its own endpoint in the workspace registry, an update in Unity Catalog. */
export function renameRequest(
  flavor: RegistryFlavor,
  name: string,
  newName: string,
): RegistryRequest {
  const { models } = registryPaths(flavor);
  return flavor === 'unity-catalog'
    ? { method: 'PATCH', path: `${models}/update`, body: { name, new_name: newName } }
    : { method: 'POST', path: `${models}/rename`, body: { name, new_name: newName } };
}

/** Whether the registry has MLflow's legacy stages (Unity Catalog has aliases only). */
export const hasStages = (flavor: RegistryFlavor) => flavor === 'workspace';

// Unity Catalog identifiers: a catalog, a schema and a model, each non-empty, without the
// characters UC refuses in names (periods separate the levels; spaces, slashes and control
// characters are not allowed).
const UC_PART = /^[^\s./\\'"`\p{Cc}]+$/u;

/** Why `name` is not a full Unity Catalog model name (catalog.schema.model), or undefined. */
export function ucNameProblem(name: string): string | undefined {
  const parts = name.split('.');
  if (parts.length !== 3) {
    return `Unity Catalog model names have three parts, catalog.schema.model; "${name}" has ${parts.length}.`;
  }
  const bad = parts.find((p) => !UC_PART.test(p));
  if (bad !== undefined) {
    return bad === ''
      ? 'Each part of catalog.schema.model must be non-empty.'
      : `"${bad}" cannot be part of a Unity Catalog name: no spaces, slashes, quotes or control characters.`;
  }
  return undefined;
}

/** A three-level name split for display as a path (catalog › schema › model); undefined otherwise. */
export function ucPath(
  name: string,
): { catalog: string; schema: string; model: string } | undefined {
  const [catalog, schema, model, ...rest] = name.split('.');
  if (rest.length || !catalog || !schema || !model) return undefined;
  return { catalog, schema, model };
}
