import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, securityHeaders } from './security.ts';

describe('isCrossSiteWrite', () => {
  // The third argument is the host checkHost accepted: Host, or a trusted proxy's X-Forwarded-Host.
  it.each([
    ['GET', { origin: 'http://evil.example' }, 'localhost:5050'],
    ['POST', { origin: 'http://localhost:5050' }, 'localhost:5050'],
    ['POST', { origin: 'https://Parallax.Example.com' }, 'parallax.example.com'],
    ['POST', { origin: 'https://parallax.example.com' }, 'parallax.example.com:443'],
    ['PATCH', { origin: 'https://app.example.com' }, 'app.example.com'],
    ['DELETE', {}, 'localhost:5050'],
    ['POST', { 'sec-fetch-site': 'same-origin' }, 'localhost:5050'],
  ])('lets %s %j to %s through', (method, headers, host) => {
    expect(isCrossSiteWrite(method, headers, host)).toBe(false);
  });

  it.each([
    ['POST', { origin: 'http://evil.example' }, 'localhost:5050'],
    ['PUT', { origin: 'http://localhost:5051' }, 'localhost:5050'],
    ['DELETE', { origin: 'null' }, 'localhost:5050'],
    ['PATCH', { origin: 'http://localhost.evil.example' }, 'localhost'],
    ['POST', { 'sec-fetch-site': 'cross-site' }, 'localhost:5050'],
    ['POST', { 'sec-fetch-site': 'same-site' }, 'localhost:5050'],
    // X-Forwarded-Host only counts once checkHost chose it (trusted proxy); here it did not.
    [
      'POST',
      { origin: 'https://app.example.com', 'x-forwarded-host': 'app.example.com' },
      '127.0.0.1:8000',
    ],
  ])('blocks %s %j to %s', (method, headers, host) => {
    expect(isCrossSiteWrite(method, headers, host)).toBe(true);
  });
});

describe('securityHeaders', () => {
  it('allows no inline script and embeds the configured frame ancestors', () => {
    const headers = securityHeaders("'self' https://portal.example.com");
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-src 'self' blob:");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/portal\.example\.com$/);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
  });
});
