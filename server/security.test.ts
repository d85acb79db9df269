import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, securityHeaders } from './security.ts';

describe('isCrossSiteWrite', () => {
  it.each([
    ['GET', { origin: 'http://evil.example', host: 'localhost:5050' }],
    ['POST', { origin: 'http://localhost:5050', host: 'localhost:5050' }],
    ['POST', { origin: 'https://Parallax.Example.com', host: 'parallax.example.com' }],
    ['POST', { origin: 'https://parallax.example.com', host: 'parallax.example.com:443' }],
    [
      'PATCH',
      {
        origin: 'https://app.example.com',
        host: '127.0.0.1:8000',
        'x-forwarded-host': 'app.example.com',
      },
    ],
    ['DELETE', {}],
    ['POST', { 'sec-fetch-site': 'same-origin' }],
  ])('lets %s %j through', (method, headers) => {
    expect(isCrossSiteWrite(method, headers)).toBe(false);
  });

  it.each([
    ['POST', { origin: 'http://evil.example', host: 'localhost:5050' }],
    ['PUT', { origin: 'http://localhost:5051', host: 'localhost:5050' }],
    ['DELETE', { origin: 'null', host: 'localhost:5050' }],
    ['PATCH', { origin: 'http://localhost.evil.example', host: 'localhost' }],
    ['POST', { 'sec-fetch-site': 'cross-site' }],
    ['POST', { 'sec-fetch-site': 'same-site' }],
    [
      'POST',
      { origin: 'https://evil.example', host: 'app', 'x-forwarded-host': 'app.example.com' },
    ],
  ])('blocks %s %j', (method, headers) => {
    expect(isCrossSiteWrite(method, headers)).toBe(true);
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
