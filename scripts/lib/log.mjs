// One voice for the start/test scripts: every step says what it is doing.
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

export const log = {
  step: (msg) => console.log(`${paint('36', '▸')} ${msg}`),
  info: (msg) => console.log(`  ${msg}`),
  ok: (msg) => console.log(`${paint('32', '✓')} ${msg}`),
  warn: (msg) => console.warn(`${paint('33', '!')} ${msg}`),
  fail: (msg) => console.error(`${paint('31', '✗')} ${msg}`),
};

export function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}
