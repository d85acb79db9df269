import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const oss = { MLFLOW_TRACKING_URI: 'http://127.0.0.1:5000' };

describe('loadConfig', () => {
  it('applies the defaults for a local MLflow', () => {
    const config = loadConfig(oss);
    expect(config.backend).toBe('oss');
    expect(config.upstream.href).toBe('http://127.0.0.1:5000/');
    expect(config.auth).toEqual({ kind: 'none' });
    expect(config.useForwardedToken).toBe(false);
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(5050);
    expect(config.staticDir).toMatch(/[/\\]dist$/);
    expect(config.frameAncestors).toBe("'none'");
    expect(config.upstreamTimeoutMs).toBe(30_000);
    expect(config.connectTimeoutMs).toBe(5_000);
    expect(config.logLevel).toBe('warn');
    expect(config.seriesCacheBytes).toBe(256 * 1024 * 1024);
    expect(config.readOnly).toBe(false);
    expect(config.trustForwardedHeaders).toBe(false);
    expect(config.hosts).toMatchObject({
      anyHost: false,
      ipLiterals: false,
      trustForwardedHost: false,
    });
  });

  it('requires a tracking URI unless DATABRICKS_HOST is set', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/MLFLOW_TRACKING_URI is required/);
  });

  it('refuses tracking URIs that are not an http(s) server', () => {
    expect(() => loadConfig({ MLFLOW_TRACKING_URI: 'sqlite:///mlflow.db' })).toThrow(
      /http\(s\) URL/,
    );
    expect(() => loadConfig({ MLFLOW_TRACKING_URI: 'not a url' })).toThrow(/MLFLOW_TRACKING_URI/);
    expect(() => loadConfig({ MLFLOW_TRACKING_URI: 'http://u:p@host:5000' })).toThrow(
      /credentials/,
    );
    // HOME: an empty folder, so no real ~/.databrickscfg is read.
    const HOME = mkdtempSync(path.join(os.tmpdir(), 'parallax-home-'));
    expect(() => loadConfig({ MLFLOW_TRACKING_URI: 'databricks', HOME })).toThrow(
      /DATABRICKS_HOST/,
    );
  });

  it('keeps a path prefix without its trailing slash', () => {
    expect(
      loadConfig({ MLFLOW_TRACKING_URI: 'https://example.com/mlflow/' }).upstream.pathname,
    ).toBe('/mlflow');
  });

  it('reads bearer and basic credentials, basic first as in MLflow’s client', () => {
    expect(loadConfig({ ...oss, MLFLOW_TRACKING_TOKEN: 't' }).auth).toEqual({
      kind: 'bearer',
      token: 't',
    });
    const both = {
      ...oss,
      MLFLOW_TRACKING_TOKEN: 't',
      MLFLOW_TRACKING_USERNAME: 'u',
      MLFLOW_TRACKING_PASSWORD: 'p',
    };
    expect(loadConfig(both).auth).toEqual({ kind: 'basic', username: 'u', password: 'p' });
    expect(() => loadConfig({ ...oss, MLFLOW_TRACKING_USERNAME: 'u' })).toThrow(/set together/);
  });

  it('targets a Databricks workspace given without a scheme, with the service principal', () => {
    const config = loadConfig({
      DATABRICKS_HOST: 'adb-123.azuredatabricks.net',
      DATABRICKS_CLIENT_ID: 'id',
      DATABRICKS_CLIENT_SECRET: 'secret',
      DATABRICKS_APP_PORT: '8000',
      PARALLAX_PORT: '9999',
    });
    expect(config.backend).toBe('databricks');
    expect(config.upstream.href).toBe('https://adb-123.azuredatabricks.net/');
    expect(config.auth).toEqual({
      kind: 'databricks-m2m',
      tokenUrl: 'https://adb-123.azuredatabricks.net/oidc/v1/token',
      clientId: 'id',
      clientSecret: 'secret',
    });
    expect(config.useForwardedToken).toBe(true);
    expect(config.trustForwardedHeaders).toBe(true);
    expect(config.hosts.trustForwardedHost).toBe(true);
    expect(config.hosts.patterns).toContainEqual({ name: '*.databricksapps.com', port: 'any' });
    expect(config.port).toBe(8000);
    expect(config.host).toBe('0.0.0.0');
  });

  it('refuses a Databricks PAT beside a service principal unless DATABRICKS_AUTH_TYPE chooses', () => {
    const both = {
      DATABRICKS_HOST: 'https://x.cloud.databricks.com',
      DATABRICKS_TOKEN: 'dapi',
      DATABRICKS_CLIENT_ID: 'id',
      DATABRICKS_CLIENT_SECRET: 'secret',
    };
    expect(() => loadConfig(both)).toThrow(/more than one Databricks auth method.*AUTH_TYPE/i);
    expect(loadConfig({ ...both, DATABRICKS_AUTH_TYPE: 'pat' }).auth).toEqual({
      kind: 'bearer',
      token: 'dapi',
    });
    expect(loadConfig({ ...both, DATABRICKS_AUTH_TYPE: 'oauth-m2m' }).auth).toMatchObject({
      kind: 'databricks-m2m',
      clientId: 'id',
    });
  });

  it('names the variable and the bad value', () => {
    expect(() => loadConfig({ ...oss, PARALLAX_PORT: '50a' })).toThrow(
      'PARALLAX_PORT must be an integer from 0 to 65535, got "50a".',
    );
    expect(() => loadConfig({ ...oss, PARALLAX_PORT: '70000' })).toThrow(/PARALLAX_PORT/);
    expect(() => loadConfig({ ...oss, PARALLAX_UPSTREAM_TIMEOUT_MS: '0' })).toThrow(
      /PARALLAX_UPSTREAM_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ ...oss, PARALLAX_CONNECT_TIMEOUT_MS: '-1' })).toThrow(
      /PARALLAX_CONNECT_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ ...oss, PARALLAX_LOG_LEVEL: 'loud' })).toThrow(/PARALLAX_LOG_LEVEL/);
    expect(() => loadConfig({ ...oss, PARALLAX_FRAME_ANCESTORS: "'self'; script-src *" })).toThrow(
      /PARALLAX_FRAME_ANCESTORS/,
    );
  });

  it('reads the listen address, timeouts and embedding policy', () => {
    const config = loadConfig({
      ...oss,
      PARALLAX_HOST: '0.0.0.0',
      PARALLAX_PORT: '0',
      PARALLAX_UPSTREAM_TIMEOUT_MS: '4000',
      PARALLAX_CONNECT_TIMEOUT_MS: '2000',
      PARALLAX_FRAME_ANCESTORS: "'self'  https://portal.example.com",
      PARALLAX_STATIC_DIR: '/srv/parallax',
      PARALLAX_LOG_LEVEL: 'INFO',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      upstreamTimeoutMs: 4000,
      connectTimeoutMs: 2000,
      frameAncestors: "'self' https://portal.example.com",
      staticDir: '/srv/parallax',
      logLevel: 'info',
    });
  });

  it('sizes the metric-series cache from PARALLAX_SERIES_CACHE_MB (0 turns it off)', () => {
    const mb = (value: string) => loadConfig({ ...oss, PARALLAX_SERIES_CACHE_MB: value });
    expect(mb('16').seriesCacheBytes).toBe(16 * 1024 * 1024);
    expect(mb(' 0 ').seriesCacheBytes).toBe(0);
    expect(mb('').seriesCacheBytes).toBe(256 * 1024 * 1024);
    expect(mb('1048576').seriesCacheBytes).toBe(1024 ** 4);
    for (const bad of ['1.5', '-1', '64MB', '1048577', '1e3']) {
      expect(() => mb(bad)).toThrow(ConfigError);
      expect(() => mb(bad)).toThrow(
        `PARALLAX_SERIES_CACHE_MB must be an integer from 0 to 1048576, got ${JSON.stringify(bad)}.`,
      );
    }
  });

  it('trusts forwarded headers only in a Databricks App, or when told to', () => {
    const trust = (env: Record<string, string>) => {
      const config = loadConfig(env);
      return [config.trustForwardedHeaders, config.useForwardedToken];
    };
    const workspace = { DATABRICKS_HOST: 'x.cloud.databricks.com', DATABRICKS_TOKEN: 'dapi' };
    // A local server against a workspace: whoever sends the headers is only a client.
    expect(trust(workspace)).toEqual([false, false]);
    expect(trust({ ...workspace, DATABRICKS_APP_PORT: '8000' })).toEqual([true, true]);
    expect(
      trust({ ...workspace, DATABRICKS_APP_PORT: '8000', PARALLAX_TRUST_FORWARDED_HEADERS: '0' }),
    ).toEqual([false, false]);
    expect(trust({ ...workspace, PARALLAX_TRUST_FORWARDED_HEADERS: '1' })).toEqual([true, true]);
    // Behind some other trusted proxy in front of open-source MLflow: identity yes, tokens no.
    expect(trust({ ...oss, PARALLAX_TRUST_FORWARDED_HEADERS: 'true' })).toEqual([true, false]);
    expect(trust({ ...oss, DATABRICKS_APP_PORT: '8000' })).toEqual([false, false]);
  });

  it('reads PARALLAX_READ_ONLY and refuses what is not a yes or a no', () => {
    expect(loadConfig({ ...oss, PARALLAX_READ_ONLY: '1' }).readOnly).toBe(true);
    expect(loadConfig({ ...oss, PARALLAX_READ_ONLY: 'TRUE' }).readOnly).toBe(true);
    expect(loadConfig({ ...oss, PARALLAX_READ_ONLY: '0' }).readOnly).toBe(false);
    expect(() => loadConfig({ ...oss, PARALLAX_READ_ONLY: 'maybe' })).toThrow(
      'PARALLAX_READ_ONLY must be 1 or 0, got "maybe".',
    );
  });

  it('builds the host policy from PARALLAX_HOST, PARALLAX_ALLOWED_HOSTS and DATABRICKS_APP_URL', () => {
    const hosts = loadConfig({
      ...oss,
      PARALLAX_HOST: '0.0.0.0',
      PARALLAX_ALLOWED_HOSTS: ' mlflow.example.com , *.corp.example:8443,',
    }).hosts;
    expect(hosts.ipLiterals).toBe(true);
    expect(hosts.patterns).toEqual([
      { name: 'localhost', port: 'listening' },
      { name: '127.0.0.1', port: 'listening' },
      { name: '[::1]', port: 'listening' },
      { name: '0.0.0.0', port: 'listening' },
      { name: 'mlflow.example.com', port: 'any' },
      { name: '*.corp.example', port: 8443 },
    ]);
    expect(() => loadConfig({ ...oss, PARALLAX_ALLOWED_HOSTS: 'https://x.example' })).toThrow(
      /^PARALLAX_ALLOWED_HOSTS: "https:\/\/x.example" is not a host name/,
    );
    const app = loadConfig({
      DATABRICKS_HOST: 'x.cloud.databricks.com',
      DATABRICKS_APP_PORT: '8000',
      DATABRICKS_APP_URL: 'https://parallax-1.aws.databricksapps.com/',
    }).hosts;
    expect(app.patterns).toContainEqual({ name: 'parallax-1.aws.databricksapps.com', port: 'any' });
    expect(app.patterns).not.toContainEqual({ name: '*.databricksapps.com', port: 'any' });
  });
});
