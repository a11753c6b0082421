// Playwright: the built app on a free port with a temporary data directory, signing in with passwords or through a local OpenID Provider, driven by Debian's Chromium.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { SSO_CLIENT } from './test/oidc/accounts'

// Computed once in the runner and inherited by its workers through the environment.
const freePort = () =>
  execFileSync(process.execPath, ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString()
if (!process.env.PB_E2E_PORT) {
  process.env.PB_E2E_PORT = freePort()
  process.env.PB_E2E_OIDC_PORT = freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'patchboard-e2e-'))
  process.env.PB_E2E_DATA_DIR = dataDir
  // The runner removes it as it exits, after it has stopped the servers.
  process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }))
}
const port = process.env.PB_E2E_PORT
const oidcPort = process.env.PB_E2E_OIDC_PORT
const appUrl = `http://127.0.0.1:${port}`
export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-1234' }

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: appUrl,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    {
      // A real OpenID Provider (test/oidc/provider.ts): the app offers "Sign in with single sign-on" through it.
      command: `${process.execPath} node_modules/tsx/dist/cli.mjs test/oidc/provider.ts`,
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { OIDC_PORT: oidcPort!, OIDC_REDIRECT_URI: `${appUrl}/api/auth/callback/oidc` },
    },
    {
      command: `${process.execPath} node_modules/tsx/dist/cli.mjs scripts/start.ts`,
      url: `${appUrl}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: port!,
        PATCHBOARD_DATA_DIR: process.env.PB_E2E_DATA_DIR!,
        PATCHBOARD_SEED_ASSETS: '120',
        // The whole suite signs in from 127.0.0.1 more than 50 times in 5 minutes (e2e/sign-in.spec.ts tests the per-account delays).
        PATCHBOARD_SIGNIN_SOURCE_LIMIT: '1000',
        PATCHBOARD_SEED_DAYS: '7',
        // No demo jobs: the jobs specs start from an empty Jobs list (e2e/job-agent.spec.ts makes its own job and run).
        PATCHBOARD_SEED_JOBS: '0',
        PATCHBOARD_ADMIN_EMAIL: E2E_ADMIN.email,
        PATCHBOARD_ADMIN_PASSWORD: E2E_ADMIN.password,
        NEXTAUTH_URL: appUrl,
        PATCHBOARD_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        PATCHBOARD_OIDC_CLIENT_ID: SSO_CLIENT.id,
        PATCHBOARD_OIDC_CLIENT_SECRET: SSO_CLIENT.secret,
        // e2e/export.spec.ts: a filtered Findings export becomes a background job, written slowly enough to watch.
        PATCHBOARD_EXPORT_DIRECT_MAX_ROWS: '100',
        PATCHBOARD_EXPORT_JOB_BYTES_PER_SECOND: '8000',
      },
    },
  ],
})
