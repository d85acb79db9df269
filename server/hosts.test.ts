import { describe, expect, it } from 'vitest';
import {
  checkHost,
  hostPolicy,
  parseHostHeader,
  parsePattern,
  type HostPolicyOptions,
} from './hosts.ts';

const policy = (options: Partial<HostPolicyOptions> = {}) =>
  hostPolicy({
    bindHost: '127.0.0.1',
    allowedHosts: [],
    appHosts: [],
    trustForwardedHost: false,
    ...options,
  });

const allowed = (
  p: ReturnType<typeof hostPolicy>,
  headers: { host?: string; 'x-forwarded-host'?: string },
  port: number | undefined = 5050,
) => checkHost(p, headers, port).ok;

describe('the default host policy', () => {
  const p = policy();

  it.each(['localhost:5050', '127.0.0.1:5050', '[::1]:5050', 'LOCALHOST:5050'])(
    'allows %s',
    (host) => {
      expect(allowed(p, { host })).toBe(true);
    },
  );

  it.each([
    'evil.example:5050', // DNS rebinding: the attacker's name, pointed at 127.0.0.1
    'evil.example',
    'localhost.evil.example:5050',
    'localhost:5051', // another local port: not where we listen
    'localhost', // no port means 80
    '127.0.0.2:5050',
    '0.0.0.0:5050', // not bound to every interface
    'localhost.:5050',
    'user@localhost:5050',
    'localhost:5050, evil.example',
    'local host:5050',
    '',
  ])('refuses %j', (host) => {
    expect(allowed(p, { host })).toBe(false);
  });

  it('refuses a request without Host', () => {
    expect(checkHost(p, {}, 5050)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no Host'),
    });
  });

  it('ignores X-Forwarded-Host: it can neither allow a foreign Host nor refuse ours', () => {
    expect(allowed(p, { host: 'evil.example:5050', 'x-forwarded-host': 'localhost:5050' })).toBe(
      false,
    );
    expect(allowed(p, { host: 'localhost:5050', 'x-forwarded-host': 'evil.example' })).toBe(true);
  });

  it('checks only the name while not listening (requests injected in tests)', () => {
    expect(checkHost(p, { host: 'localhost:80' }, undefined).ok).toBe(true);
    expect(checkHost(p, { host: 'evil.example:80' }, undefined).ok).toBe(false);
  });

  it('answers with the checked host, for the Origin comparison', () => {
    expect(checkHost(p, { host: 'LocalHost:5050' }, 5050)).toEqual({
      ok: true,
      host: 'localhost:5050',
    });
  });
});

describe('the bind address', () => {
  it('is allowed on the listening port, IPv6 in brackets', () => {
    expect(allowed(policy({ bindHost: 'parallax.lan' }), { host: 'parallax.lan:5050' })).toBe(true);
    expect(allowed(policy({ bindHost: '::1' }), { host: '[::1]:5050' })).toBe(true);
    expect(allowed(policy({ bindHost: '192.168.1.5' }), { host: '192.168.1.5:5050' })).toBe(true);
    expect(allowed(policy({ bindHost: '192.168.1.5' }), { host: '192.168.1.6:5050' })).toBe(false);
  });

  it('bound to every interface, lets any IP literal through on that port, and no other name', () => {
    const p = policy({ bindHost: '0.0.0.0' });
    expect(allowed(p, { host: '192.168.1.5:5050' })).toBe(true);
    expect(allowed(p, { host: '[fd00::5]:5050' })).toBe(true);
    expect(allowed(p, { host: '0.0.0.0:5050' })).toBe(true);
    expect(allowed(p, { host: '192.168.1.5:22' })).toBe(false);
    expect(allowed(p, { host: 'evil.example:5050' })).toBe(false);
    expect(allowed(p, { host: '1.2.3.4.evil.example:5050' })).toBe(false);
  });
});

describe('PARALLAX_ALLOWED_HOSTS', () => {
  it('adds names on any port, names on one port, and wildcards, keeping the defaults', () => {
    const p = policy({
      allowedHosts: ['mlflow.example.com', 'tools.example.org:8443', '*.corp.example'],
    });
    expect(allowed(p, { host: 'mlflow.example.com' })).toBe(true);
    expect(allowed(p, { host: 'mlflow.example.com:9999' })).toBe(true);
    expect(allowed(p, { host: 'tools.example.org:8443' })).toBe(true);
    expect(allowed(p, { host: 'tools.example.org' })).toBe(false);
    expect(allowed(p, { host: 'a.corp.example:1' })).toBe(true);
    expect(allowed(p, { host: 'a.b.corp.example' })).toBe(true);
    expect(allowed(p, { host: 'corp.example' })).toBe(false);
    expect(allowed(p, { host: 'evilcorp.example' })).toBe(false);
    expect(allowed(p, { host: 'localhost:5050' })).toBe(true);
  });

  it('"*" turns the check off, as in MLflow', () => {
    expect(allowed(policy({ allowedHosts: ['*'] }), { host: 'anything.example:1' })).toBe(true);
  });

  it.each(['http://x.example', 'x.example/path', 'x.example:99999', 'x.example:0', 'a b', 'x:y'])(
    'refuses the entry %j',
    (entry) => {
      expect(() => parsePattern(entry)).toThrow();
    },
  );

  it('reads entries in MLflow’s forms', () => {
    expect(parsePattern('Host.Example:8080')).toEqual({ name: 'host.example', port: 8080 });
    expect(parsePattern('host.example:*')).toEqual({ name: 'host.example', port: 'any' });
    expect(parsePattern('[fd00::1]:80')).toEqual({ name: '[fd00::1]', port: 80 });
  });
});

describe('behind a trusted proxy (Databricks Apps)', () => {
  const p = policy({
    bindHost: '0.0.0.0',
    appHosts: ['*.databricksapps.com'],
    trustForwardedHost: true,
  });

  it('checks X-Forwarded-Host, what the browser asked the proxy for, when present', () => {
    const app = 'parallax-123.aws.databricksapps.com';
    expect(allowed(p, { host: '10.1.2.3:8000', 'x-forwarded-host': app }, 8000)).toBe(true);
    expect(allowed(p, { host: 'internal:8000', 'x-forwarded-host': app }, 8000)).toBe(true);
    expect(allowed(p, { host: app, 'x-forwarded-host': 'evil.example' }, 8000)).toBe(false);
    expect(allowed(p, { host: app }, 8000)).toBe(true);
    expect(allowed(p, { host: 'evil.example' }, 8000)).toBe(false);
  });

  it('takes the last X-Forwarded-Host value, the one the proxy itself appended', () => {
    const headers = { host: 'x', 'x-forwarded-host': 'a.databricksapps.com, evil.example' };
    expect(allowed(p, headers, 8000)).toBe(false);
    const reversed = { host: 'x', 'x-forwarded-host': 'evil.example, a.databricksapps.com' };
    expect(allowed(p, reversed, 8000)).toBe(true);
  });
});

describe('parseHostHeader', () => {
  it('splits name and port', () => {
    expect(parseHostHeader('Example.com:80')).toEqual({ name: 'example.com', port: 80 });
    expect(parseHostHeader('[::1]')).toEqual({ name: '[::1]', port: undefined });
    expect(parseHostHeader('a/b')).toBeUndefined();
    expect(parseHostHeader('::1')).toBeUndefined();
  });
});
