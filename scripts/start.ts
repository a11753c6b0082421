// `npm start`: builds when the sources changed, prepares the database (migrate, first admin, seed), serves the app.
import { spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = process.cwd()
const SOURCE_DIRS = ['app', 'components', 'lib', 'widgets', 'ingest', 'clickhouse']
const SOURCE_FILES = ['next.config.js', 'package.json', 'tsconfig.json', 'instrumentation.ts']

function newestSourceTime(): number {
  let newest = 0
  const visit = (entry: string) => {
    if (!fs.existsSync(entry)) return
    const stat = fs.statSync(entry)
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, entry))
  return newest
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID')
  return fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSourceTime()
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const tsxBin = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

if (!buildIsCurrent()) {
  console.log('Building Patchboard (first start or sources changed)…')
  run(process.execPath, [nextBin, 'build'])
}
// Preparation runs in its own process: the embedded engine's data directory is free again when it exits.
run(process.execPath, [tsxBin, path.join(root, 'scripts', 'prepare.ts')])

const port = process.env.PORT || '3000'
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`
console.log(`Patchboard is starting on http://localhost:${port}`)
// scripts/serve.ts rather than `next start`: it tells the app the socket's peer (see lib/http/client-origin.ts).
const server = spawn(process.execPath, [tsxBin, path.join(root, 'scripts', 'serve.ts')], { stdio: 'inherit', env: { ...process.env, PORT: port } })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
