// JSON Pointers (RFC 6901) into the policy document, for fault messages.

export function pointerOf(...tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
