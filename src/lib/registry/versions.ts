// The model registry's decisions, shared by the model and version pages: version order, which
// versions a stage transition archives, what an alias change does, alias names MLflow refuses,
// and the Python that loads a version. No I/O, no React.

/** MLflow's legacy stages, in the order the transition control offers them. */
export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

export interface VersionLike {
  version: string;
  current_stage?: string | undefined;
}

/** Versions are decimal strings: newest (highest number) first, "10" after "9". */
export function newestFirst<T extends { version: string }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => Number(b.version) - Number(a.version));
}

/**
 * MLflow accepts "archive existing versions" only for a move into Staging or Production, and then
 * archives every other version in that stage (model_registry's transition_model_version_stage).
 */
export function canArchiveExisting(target: Stage): boolean {
  return target === 'Staging' || target === 'Production';
}

/** The versions a transition of `version` to `target` would archive, newest first. */
export function archivedBy<T extends VersionLike>(
  versions: readonly T[],
  version: string,
  target: Stage,
  archiveExisting: boolean,
): T[] {
  if (!archiveExisting || !canArchiveExisting(target)) return [];
  return newestFirst(
    versions.filter((v) => v.version !== version && (v.current_stage ?? 'None') === target),
  );
}

export type AliasChange =
  | { kind: 'new'; alias: string; to: string }
  | { kind: 'move'; alias: string; from: string; to: string }
  | { kind: 'unchanged'; alias: string; to: string };

/** What setting `alias` on version `to` does, given who holds it now (undefined: nobody). */
export function aliasChange(alias: string, holder: string | undefined, to: string): AliasChange {
  if (holder === undefined) return { kind: 'new', alias, to };
  if (holder === to) return { kind: 'unchanged', alias, to };
  return { kind: 'move', alias, from: holder, to };
}

/**
 * Why MLflow would refuse an alias name, or undefined. MLflow reserves `latest` and `v<number>`
 * (both already mean a version in a `models:/` URI) and keeps aliases to 255 characters; anything
 * else it refuses is shown with its own message when the save fails.
 */
export function aliasProblem(alias: string): string | undefined {
  if (!alias) return 'Enter an alias.';
  if (alias !== alias.trim() || /\s/.test(alias)) return 'An alias has no spaces.';
  if (alias.toLowerCase() === 'latest') return '“latest” is reserved by MLflow.';
  if (/^v\d+$/i.test(alias))
    return `“${alias}” is reserved: it already names version ${alias.slice(1)}.`;
  if (alias.length > 255) return 'An alias has at most 255 characters.';
  return undefined;
}

/**
 * The Python that loads this model: by alias when one is given (what a deployment should pin),
 * else by version number. The name is written as a JSON string, which Python reads the same way
 * for any name MLflow accepts (quotes and backslashes escaped).
 */
export function loadSnippet(name: string, ref: { alias: string } | { version: string }): string {
  const uri = 'alias' in ref ? `models:/${name}@${ref.alias}` : `models:/${name}/${ref.version}`;
  return `import mlflow\n\nmodel = mlflow.pyfunc.load_model(${JSON.stringify(uri)})`;
}

/**
 * Each version's aliases, from the model's alias list. MLflow's model-versions/search leaves a
 * version's `aliases` empty, while registered-models/get lists every alias with its version.
 */
export function withAliases<T extends { version: string; aliases?: readonly string[] | undefined }>(
  versions: readonly T[],
  modelAliases: readonly { alias: string; version: string }[],
): T[] {
  const byVersion = new Map<string, string[]>();
  for (const { alias, version } of modelAliases)
    byVersion.set(version, [...(byVersion.get(version) ?? []), alias]);
  return versions.map((v) => ({ ...v, aliases: (byVersion.get(v.version) ?? []).sort() }));
}
