// Keeps other platforms' optional native packages in package-lock.json (a registry mirror without them drops them,
// and `npm ci` then refuses the lock). Run after changing dependencies: `node scripts/lockfile-platforms.mjs`.
import fs from 'node:fs'

const OTHER_PLATFORM_PACKAGES = {
  'node_modules/@chdb/lib-darwin-arm64': { version: '26.7.3-stable.1', cpu: ['arm64'], os: ['darwin'], optional: true, license: 'Apache-2.0' },
  'node_modules/@chdb/lib-darwin-x64': { version: '26.7.3-stable.1', cpu: ['x64'], os: ['darwin'], optional: true, license: 'Apache-2.0' },
  'node_modules/@chdb/lib-linux-arm64-gnu': { version: '26.7.3-stable.1', cpu: ['arm64'], os: ['linux'], libc: ['glibc'], optional: true, license: 'Apache-2.0' },
  'node_modules/napi-windows-process-start-time': { version: '0.1.0', os: ['win32'], optional: true, license: 'MIT' },
}

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
let added = 0
for (const [key, entry] of Object.entries(OTHER_PLATFORM_PACKAGES)) {
  if (!lock.packages[key]) {
    lock.packages[key] = entry
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)))
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(added ? `package-lock.json: added ${added} other-platform optional package(s).` : 'package-lock.json: nothing to add.')
