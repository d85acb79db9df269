// Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network.
// Shared by the Playwright suite and the benchmark so both drive the same browser the same way.
export const chromiumPath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
