// Next.js configuration: the embedded ClickHouse engine stays outside the bundle; security headers on every response (pages' CSP: proxy.ts).
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several checkouts' builds can coexist (e.g. parallel e2e runs): NEXT_DIST_DIR names the build folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['chdb', '@chdb/lib-linux-x64-gnu'],
  outputFileTracingIncludes: { '/**': ['./node_modules/@chdb/*/libchdb.*', './clickhouse/migrations/*.sql'] },
  outputFileTracingExcludes: { '/**': ['./data/**'] },
  poweredByHeader: false,
  typedRoutes: false,
  // docs/security.md, "Security headers". Pages get their nonce Content-Security-Policy from proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // The legacy twin of CSP frame-ancestors 'none', for browsers before CSP level 2.
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Full URLs (record ids, QQL queries) stay inside Patchboard; other sites learn nothing.
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
      {
        // JSON holds estate data and secrets shown once (tokens, passwords): no cache keeps it, and nothing in it runs.
        source: '/api/:path*',
        headers: [
          { key: 'Cache-Control', value: 'no-store' },
          { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ]
  },
}

export default nextConfig
