// The Content-Security-Policy of pages, with a fresh nonce per response (proxy.ts); the headers of every response are in next.config.js.

/** A fresh unpredictable nonce for one page response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

/**
 * The page policy. Scripts: only those carrying this response's nonce (Next adds it to its own scripts when it
 * finds the nonce in the request's CSP header) and what they load ('strict-dynamic'); `eval` only in development,
 * where React needs it. Styles: 'unsafe-inline', because CodeMirror and React `style` attributes set styles at run
 * time and a nonce cannot cover attributes — styles cannot run code, so the script policy still stops injected
 * scripts. Nothing may frame a page, and forms, fetches, images and fonts stay on this origin.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}
