// Databricks unified auth for local development, resolved the way the Databricks SDKs resolve it
// (databricks-sdk-py `Config`: environment first, then a `~/.databrickscfg` profile, then a check
// that only one method is configured), limited to the two methods Parallax speaks: a personal
// access token and OAuth machine-to-machine.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseIni } from 'ini';

type Env = Record<string, string | undefined>;

/** What the environment and the profile say, before it is turned into a credential. */
export interface DatabricksSettings {
  host?: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
  authType?: string;
  /** Where the values came from, for messages: 'environment' or `profile <name> in <file>`. */
  sources: string[];
}

export type DatabricksCredential =
  | { kind: 'pat'; token: string }
  | { kind: 'oauth-m2m'; clientId: string; clientSecret: string }
  | { kind: 'none' };

/** The configuration does not say how to reach the workspace; the message names what to fix. */
export class DatabricksConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabricksConfigError';
  }
}

const SUPPORTED_AUTH_TYPES = ['pat', 'oauth-m2m'];

/**
 * The profile a configuration asks for by name: `MLFLOW_TRACKING_URI=databricks://<profile>` (as
 * MLflow reads it) or `DATABRICKS_CONFIG_PROFILE`; undefined when none is named.
 */
export function namedProfile(env: Env, trackingUri: string | undefined): string | undefined {
  const fromUri = trackingUri?.startsWith('databricks://')
    ? trackingUri.slice('databricks://'.length).trim()
    : '';
  return fromUri || read(env, 'DATABRICKS_CONFIG_PROFILE');
}

/**
 * Environment variables first; a profile fills only what they leave unset. As in the SDKs, the
 * config file is not read at all when no profile is named and the environment already sets a host
 * or a credential, so a stray `[DEFAULT]` cannot add a second method to an explicit one.
 */
export function databricksSettings(
  env: Env,
  profile: string | undefined,
  readText: (file: string) => string | undefined = readIfExists,
): DatabricksSettings {
  const settings: DatabricksSettings = {
    host: read(env, 'DATABRICKS_HOST'),
    token: read(env, 'DATABRICKS_TOKEN'),
    clientId: read(env, 'DATABRICKS_CLIENT_ID'),
    clientSecret: read(env, 'DATABRICKS_CLIENT_SECRET'),
    authType: read(env, 'DATABRICKS_AUTH_TYPE'),
    sources: [],
  };
  const fromEnv = [settings.host, settings.token, settings.clientId, settings.clientSecret];
  if (fromEnv.some((v) => v !== undefined)) settings.sources.push('environment');
  if (profile === undefined && fromEnv.some((v) => v !== undefined)) return settings;

  const file = configFile(env);
  const text = readText(file);
  if (text === undefined) {
    if (profile !== undefined) {
      throw new DatabricksConfigError(
        `Databricks profile ${profile} was asked for, but ${file} does not exist (DATABRICKS_CONFIG_FILE names another file).`,
      );
    }
    return settings;
  }
  const sections = parseIni(text);
  const chosen = profile ?? defaultProfile(sections);
  if (chosen === undefined) return settings;
  const values = section(sections, chosen);
  if (values === undefined) {
    // Only a profile named on purpose must exist; a missing [DEFAULT] just means no profile.
    if (profile === undefined) return settings;
    throw new DatabricksConfigError(`${file} has no [${chosen}] profile.`);
  }
  settings.host ??= values.host;
  settings.token ??= values.token;
  settings.clientId ??= values.client_id;
  settings.clientSecret ??= values.client_secret;
  settings.authType ??= values.auth_type;
  settings.sources.push(`profile ${chosen} in ${file}`);
  return settings;
}

/**
 * PAT or OAuth M2M. As in the SDKs, configuring both (from any mix of sources) is an error unless
 * `DATABRICKS_AUTH_TYPE` (or a profile's `auth_type`) says which one to use.
 */
export function databricksCredential(settings: DatabricksSettings): DatabricksCredential {
  const { token, clientId, clientSecret, authType } = settings;
  const where = settings.sources.join(' and ') || 'the environment';
  if (authType !== undefined && !SUPPORTED_AUTH_TYPES.includes(authType)) {
    throw new DatabricksConfigError(
      `Databricks auth type ${authType} (from ${where}) is not supported by Parallax; use pat (a personal access token) or oauth-m2m (a service principal's client id and secret).`,
    );
  }
  const oauth = clientId !== undefined || clientSecret !== undefined;
  if (authType === undefined && token !== undefined && oauth) {
    throw new DatabricksConfigError(
      `More than one Databricks auth method is configured (a token and a client id/secret, from ${where}); set DATABRICKS_AUTH_TYPE to pat or oauth-m2m, as the Databricks SDKs require.`,
    );
  }
  if (authType === 'pat' || (authType === undefined && token !== undefined)) {
    if (token === undefined) {
      throw new DatabricksConfigError(`Databricks auth type pat needs a token (DATABRICKS_TOKEN).`);
    }
    return { kind: 'pat', token };
  }
  if (authType === 'oauth-m2m' || oauth) {
    if (clientId === undefined || clientSecret === undefined) {
      throw new DatabricksConfigError(
        `DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET must be set together (from ${where}).`,
      );
    }
    return { kind: 'oauth-m2m', clientId, clientSecret };
  }
  return { kind: 'none' };
}

function configFile(env: Env): string {
  const file = read(env, 'DATABRICKS_CONFIG_FILE') ?? '~/.databrickscfg';
  // HOME from the environment given, so tests (and a service's own HOME) are honoured.
  const home = read(env, 'HOME') ?? os.homedir();
  return file === '~' || file.startsWith('~/') ? path.join(home, file.slice(1)) : file;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DatabricksConfigError(`${file} cannot be read: ${(err as Error).message}`);
  }
}

type Ini = Record<string, unknown>;

// The CLI's own setting (`[__settings__] default_profile`), else DEFAULT when it has any keys.
function defaultProfile(sections: Ini): string | undefined {
  const chosen = section(sections, '__settings__')?.default_profile?.trim();
  if (chosen) return chosen;
  const fallback = section(sections, 'DEFAULT');
  return fallback && Object.keys(fallback).length > 0 ? 'DEFAULT' : undefined;
}

/**
 * One profile's string values, keys lower-cased as Python's configparser does. The ini package
 * nests `[a.b]` as `a → b`, so a dotted profile name is followed the same way.
 */
function section(sections: Ini, name: string): Record<string, string> | undefined {
  let node: unknown = sections[name];
  if (node === undefined && name.includes('.')) {
    node = name
      .split('.')
      .reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), sections);
  }
  if (!isObject(node)) return undefined;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && value.trim()) values[key.toLowerCase()] = value.trim();
  }
  return values;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
