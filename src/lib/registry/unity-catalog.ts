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
