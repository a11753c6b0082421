// Next.js configuration: the embedded ClickHouse engine is a native addon and must stay outside the bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several checkouts' builds can coexist (e.g. parallel e2e runs): NEXT_DIST_DIR names the build folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['chdb', '@chdb/lib-linux-x64-gnu'],
  outputFileTracingIncludes: { '/**': ['./node_modules/@chdb/*/libchdb.*', './clickhouse/migrations/*.sql'] },
  outputFileTracingExcludes: { '/**': ['./data/**'] },
  poweredByHeader: false,
  typedRoutes: false,
}

export default nextConfig
