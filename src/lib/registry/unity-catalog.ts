// Unity Catalog names models with three levels, catalog.schema.model (MLflow's client expands
// shorter names from a Spark session's current catalog and schema, which a web UI does not have,
// so Parallax always needs the full name).

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

/** The three levels of a full Unity Catalog name, or undefined for any other name. */
export function ucNameParts(
  name: string,
): { catalog: string; schema: string; model: string } | undefined {
  if (ucNameProblem(name) !== undefined) return undefined;
  const [catalog = '', schema = '', model = ''] = name.split('.');
  return { catalog, schema, model };
}

/**
 * Whether `name` lies in `scope`: a catalog (`main`) or a catalog and schema (`main.ml`), matched
 * level by level, so `main.ml` holds `main.ml.churn` but not `main.mlops.churn`. UC folds names
 * to lower case, so the match ignores case. An empty scope holds every name.
 */
export function inUcScope(name: string, scope: string): boolean {
  const levels = scope.trim().replace(/\.$/, '').toLowerCase();
  if (levels === '') return true;
  return name.toLowerCase().startsWith(`${levels}.`);
}
