// ESLint: Next's rules, typescript-eslint, the one-way import layers and where SQL may be written (docs/security.md).
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import boundaries from 'eslint-plugin-boundaries'

/**
 * Layers, most specific first (a file takes the first matching type). `lib-pure` and `qql` are the lib modules that
 * run in the browser too: no database, no secrets, no Node APIs. A new browser-safe lib module joins this list.
 */
const BROWSER_SAFE_LIB = ['lib/schemas/**', 'lib/auth/user.ts', 'lib/auth/password-limits.ts', 'lib/errors.ts', 'lib/format.ts', 'lib/jobs/schedule.ts', 'lib/export/export-description.ts']
/** The widget modules the browser runs (configs, ECharts options, drill-down, rebuild, dashboard files); the rest of widgets/ builds SQL. */
const BROWSER_SAFE_WIDGETS = [
  'widgets/schema.ts', 'widgets/*/schema.ts', 'widgets/*/options.ts', 'widgets/shared/tokens.ts', 'widgets/*/data.ts', 'widgets/result.ts',
  'widgets/echarts.ts', 'widgets/present.ts', 'widgets/drill-down.ts', 'widgets/rebuild.ts', 'widgets/dashboard.ts', 'widgets/layouts.ts', 'widgets/defaults.ts',
]
const ELEMENTS = [
  { type: 'qql', pattern: 'lib/qql/**' },
  { type: 'lib-pure', pattern: BROWSER_SAFE_LIB },
  { type: 'repositories', pattern: 'lib/repositories/**' },
  { type: 'widgets-pure', pattern: BROWSER_SAFE_WIDGETS },
  // Dashboard execution and its cache run widgets' queries, the dashboard services store and run widget definitions, and
  // the API registry names every route's schemas (the dashboards' too): the widgets layer, though they live under lib/.
  { type: 'widgets', pattern: ['widgets/**', 'lib/dashboards/**', 'lib/services/dashboards*.ts', 'lib/http/openapi.ts'] },
  { type: 'lib', pattern: 'lib/**' },
  { type: 'ingest-schema', pattern: 'ingest/schema/**' },
  { type: 'ingest', pattern: 'ingest/**' },
  { type: 'clickhouse', pattern: 'clickhouse/**' },
  { type: 'components', pattern: 'components/**' },
  { type: 'app', pattern: ['app/**', 'instrumentation.ts'] },
  { type: 'scripts', pattern: 'scripts/**' },
  { type: 'bench', pattern: 'bench/**' },
].map((element) => ({ ...element, mode: 'full' }))

const DOMAIN = ['qql', 'lib-pure', 'repositories', 'lib', 'ingest-schema', 'ingest']
const allow = (from, to, importKind) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } }, ...(importKind && { dependency: { kind: importKind } }) },
})

/** `app → components/widgets → lib/ingest → clickhouse`; a layer may use the ones below it, never the ones above. */
const LAYER_POLICIES = [
  allow('app', ['app', 'components', 'widgets', 'widgets-pure', ...DOMAIN, 'clickhouse']),
  // Components run in the browser: value imports only from browser-safe modules; server modules' types are fine
  // (erased at build time), their code never is. Nothing at all from clickhouse/.
  allow('components', ['components', 'qql', 'lib-pure', 'ingest-schema', 'widgets-pure']),
  allow('components', ['repositories', 'lib', 'ingest', 'widgets'], 'type'),
  allow('widgets', ['widgets', 'widgets-pure', ...DOMAIN, 'clickhouse']),
  allow('widgets-pure', ['widgets-pure', 'qql', 'lib-pure', 'ingest-schema']),
  allow('widgets-pure', ['widgets'], 'type'),
  allow('lib', [...DOMAIN, 'clickhouse']),
  allow('ingest', [...DOMAIN, 'clickhouse']),
  allow('repositories', ['repositories', 'qql', 'lib-pure', 'ingest-schema', 'clickhouse']),
  allow('lib-pure', ['lib-pure', 'qql', 'ingest-schema']),
  // QQL runs in the browser (the search box) and depends only on itself and the scan vocabulary (zod-only).
  allow('qql', ['qql', 'ingest-schema']),
  allow('ingest-schema', ['ingest-schema']),
  allow('clickhouse', ['clickhouse']),
  allow('scripts', ['scripts', ...DOMAIN, 'clickhouse']),
  allow('bench', ['bench', 'widgets', 'widgets-pure', ...DOMAIN, 'clickhouse']),
]

/** SQL keywords that mark a string as a query (upper case, as every query in this code base is written). */
const SQL_TEXT = String.raw`/\b(SELECT|INSERT INTO|ALTER TABLE|CREATE TABLE|DROP TABLE|OPTIMIZE TABLE|DELETE FROM)\b/`
const SQL_MESSAGE = 'SQL belongs in lib/repositories, lib/qql, widgets/*/query.ts, ingest/ writers or clickhouse/ (docs/security.md).'

/** Where SQL may be written (DESIGN.md) — plus tests and benchmarks, which check the engine directly. */
const SQL_FOLDERS = ['lib/repositories/**', 'lib/qql/**', 'widgets/*/query.ts', 'ingest/**/*writer.ts', 'clickhouse/**', 'bench/**']
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**']

const config = [
  {
    // As .gitignore: builds (NEXT_DIST_DIR names extra ones `.next-*`), data, test output.
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'data/**', 'tmp/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      // Pinned (this version's default): re-exports and `import()` cross layers as much as imports do.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/legacy-warnings': false,
    },
    rules: {
      // checkUnknownLocals: an import of a file in no layer (a new top-level folder) is refused until it gets one.
      'boundaries/dependencies': ['error', { default: 'disallow', checkUnknownLocals: true, policies: LAYER_POLICIES }],
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${SQL_TEXT}]`, message: SQL_MESSAGE },
        { selector: `TemplateElement[value.raw=${SQL_TEXT}]`, message: SQL_MESSAGE },
      ],
    },
  },
  // Browser code never loads the engine, the database client or Node's own modules.
  {
    files: ['components/**', 'lib/qql/**', ...BROWSER_SAFE_LIB, ...BROWSER_SAFE_WIDGETS],
    ignores: ['lib/qql/cli.ts', 'lib/qql/cli-program.ts', ...TEST_FILES],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['chdb', 'chdb/*', '@clickhouse/*', 'node:*'], message: 'Browser code must not load server-only modules (docs/security.md).' }] },
      ],
    },
  },
  // This file spells the keywords it looks for.
  { files: [...SQL_FOLDERS, 'eslint.config.mjs'], rules: { 'no-restricted-syntax': 'off' } },
  // Tests may reach any layer and check the engine with SQL of their own; Next never bundles them, so a variable named
  // `module` (a route module they import) is harmless there.
  {
    files: TEST_FILES,
    rules: { 'boundaries/dependencies': 'off', 'no-restricted-syntax': 'off', '@next/next/no-assign-module-variable': 'off' },
  },
]

export default config
