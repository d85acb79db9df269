import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { databricksCredential, databricksSettings, namedProfile } from './databricks-config.ts';

// Every test gets its own HOME; the real ~/.databrickscfg is never read.
let home = '';
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'parallax-dbcfg-'));
});

function writeCfg(text: string, file = path.join(home, '.databrickscfg')): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const PROFILES = `
; the CLI writes comments like this
[DEFAULT]
host  = https://default.cloud.databricks.com
token = dapi-default

[staging]
host          = staging.cloud.databricks.com
client_id     = sp-id
client_secret = "sp secret"

[dev.eu]
Host  = https://eu.cloud.databricks.com
TOKEN = dapi-eu
`;

describe('Databricks unified auth', () => {
  it('reads the DEFAULT profile of ~/.databrickscfg when MLFLOW_TRACKING_URI=databricks', () => {
    writeCfg(PROFILES);
    const config = loadConfig({ MLFLOW_TRACKING_URI: 'databricks', HOME: home });
    expect(config.backend).toBe('databricks');
    expect(config.upstream.href).toBe('https://default.cloud.databricks.com/');
    expect(config.auth).toEqual({ kind: 'bearer', token: 'dapi-default' });
  });

  it('chooses a profile by DATABRICKS_CONFIG_PROFILE, adding a scheme to its host', () => {
    writeCfg(PROFILES);
    const config = loadConfig({ DATABRICKS_CONFIG_PROFILE: 'staging', HOME: home });
    expect(config.upstream.href).toBe('https://staging.cloud.databricks.com/');
    expect(config.auth).toEqual({
      kind: 'databricks-m2m',
      tokenUrl: 'https://staging.cloud.databricks.com/oidc/v1/token',
      clientId: 'sp-id',
      clientSecret: 'sp secret',
    });
  });

  it('takes the profile named in a databricks://<profile> tracking URI, as MLflow does', () => {
    writeCfg(PROFILES);
    const config = loadConfig({ MLFLOW_TRACKING_URI: 'databricks://dev.eu', HOME: home });
    expect(config.upstream.href).toBe('https://eu.cloud.databricks.com/');
    expect(config.auth).toEqual({ kind: 'bearer', token: 'dapi-eu' });
    expect(namedProfile({ DATABRICKS_CONFIG_PROFILE: 'staging' }, 'databricks://dev.eu')).toBe(
      'dev.eu',
    );
    expect(namedProfile({ DATABRICKS_CONFIG_PROFILE: 'staging' }, 'databricks')).toBe('staging');
  });

  it('reads the file DATABRICKS_CONFIG_FILE names instead of the one in HOME', () => {
    writeCfg(PROFILES);
    const other = writeCfg(
      '[DEFAULT]\nhost = other.cloud.databricks.com\ntoken = dapi-other\n',
      path.join(home, 'elsewhere', 'cfg'),
    );
    const config = loadConfig({
      MLFLOW_TRACKING_URI: 'databricks',
      DATABRICKS_CONFIG_FILE: other,
      HOME: home,
    });
    expect(config.auth).toEqual({ kind: 'bearer', token: 'dapi-other' });
    const tilde = loadConfig({
      MLFLOW_TRACKING_URI: 'databricks',
      DATABRICKS_CONFIG_FILE: '~/elsewhere/cfg',
      HOME: home,
    });
    expect(tilde.upstream.hostname).toBe('other.cloud.databricks.com');
  });

  it('lets environment variables win over the named profile, key by key', () => {
    writeCfg(PROFILES);
    const config = loadConfig({
      DATABRICKS_CONFIG_PROFILE: 'DEFAULT',
      DATABRICKS_HOST: 'env.cloud.databricks.com',
      HOME: home,
    });
    expect(config.upstream.hostname).toBe('env.cloud.databricks.com');
    expect(config.auth).toEqual({ kind: 'bearer', token: 'dapi-default' });
  });

  it('does not read the file when the environment sets a credential and names no profile', () => {
    writeCfg(PROFILES);
    const settings = databricksSettings(
      {
        DATABRICKS_HOST: 'h',
        DATABRICKS_CLIENT_ID: 'i',
        DATABRICKS_CLIENT_SECRET: 's',
        HOME: home,
      },
      undefined,
    );
    // With the DEFAULT profile's token merged in, this would be two methods and an error.
    expect(databricksCredential(settings)).toEqual({
      kind: 'oauth-m2m',
      clientId: 'i',
      clientSecret: 's',
    });
    expect(settings.sources).toEqual(['environment']);
  });

  it('follows the CLI’s [__settings__] default_profile when no profile is named', () => {
    writeCfg(`[__settings__]\ndefault_profile = staging\n${PROFILES}`);
    const config = loadConfig({ MLFLOW_TRACKING_URI: 'databricks', HOME: home });
    expect(config.upstream.hostname).toBe('staging.cloud.databricks.com');
  });

  it('refuses a named profile that the file lacks, or a file that is missing', () => {
    writeCfg(PROFILES);
    expect(() => loadConfig({ DATABRICKS_CONFIG_PROFILE: 'prod', HOME: home })).toThrow(
      /has no \[prod\] profile/,
    );
    const empty = mkdtempSync(path.join(os.tmpdir(), 'parallax-dbcfg-'));
    expect(() => loadConfig({ DATABRICKS_CONFIG_PROFILE: 'prod', HOME: empty })).toThrow(
      /does not exist/,
    );
  });

  it('refuses a token and a client secret together, wherever each came from', () => {
    writeCfg('[mixed]\nhost = h.cloud.databricks.com\nclient_id = i\nclient_secret = s\n');
    expect(() =>
      loadConfig({ DATABRICKS_CONFIG_PROFILE: 'mixed', DATABRICKS_TOKEN: 'dapi', HOME: home }),
    ).toThrow(/more than one Databricks auth method/i);
    writeCfg(
      '[mixed]\nhost = h.cloud.databricks.com\nclient_id = i\nclient_secret = s\nauth_type = pat\n',
    );
    expect(
      loadConfig({ DATABRICKS_CONFIG_PROFILE: 'mixed', DATABRICKS_TOKEN: 'dapi', HOME: home }).auth,
    ).toEqual({ kind: 'bearer', token: 'dapi' });
  });

  it('names auth types Parallax cannot use', () => {
    writeCfg('[u2m]\nhost = h.cloud.databricks.com\nauth_type = databricks-cli\n');
    expect(() => loadConfig({ DATABRICKS_CONFIG_PROFILE: 'u2m', HOME: home })).toThrow(
      /databricks-cli .* not supported/,
    );
  });

  it('asks for a host when neither the environment nor the profile has one', () => {
    writeCfg('[nohost]\ntoken = dapi\n');
    expect(() => loadConfig({ DATABRICKS_CONFIG_PROFILE: 'nohost', HOME: home })).toThrow(
      /needs a Databricks host/,
    );
  });

  it('keeps an http tracking URI even when a profile is named', () => {
    writeCfg(PROFILES);
    const config = loadConfig({
      MLFLOW_TRACKING_URI: 'http://127.0.0.1:5000',
      DATABRICKS_CONFIG_PROFILE: 'staging',
      HOME: home,
    });
    expect(config.backend).toBe('oss');
  });
});
