// Benchmark: how long the default dashboard page takes to become interactive in Chromium — from navigation start until
// every widget has drawn (the grid's data-dashboard-ready="true"), measured by the browser itself — against a running
// built server (`npm start`). The first load after the server started is cold (no widget cached), the rest warm.
//   npx tsx bench/dashboard-page.ts [--url http://127.0.0.1:3000] [--email admin@patchboard.local] [--password …] [--runs 10]
// Without --password it reads the first start's password file (data/initial-admin-password, or $PATCHBOARD_DATA_DIR).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    email: { type: 'string', default: process.env.PATCHBOARD_ADMIN_EMAIL ?? 'admin@patchboard.local' },
    password: { type: 'string' },
    runs: { type: 'string', default: '10' },
    width: { type: 'string', default: '1280' },
  },
})
const TARGET_MS = 2500

function passwordFromFile(email: string): string {
  const file = path.join(process.env.PATCHBOARD_DATA_DIR ?? 'data', 'initial-admin-password')
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  // Email and password lines, one pair per generated password (the administrator's, then the demo users').
  const index = lines.indexOf(email)
  if (index < 0) throw new Error(`${file} has no password for ${email}: pass --password.`)
  return lines[index + 1]
}

/** Signs in to the dashboards list (not the home dashboard, so the first measured load is the cold one). */
async function signIn(page: Page, email: string, password: string): Promise<string> {
  await page.goto(`${options.url}/login?callbackUrl=${encodeURIComponent('/dashboards')}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(/\/dashboards$/, { timeout: 60_000 })
  const { defaultId } = (await (await page.request.get(`${options.url}/api/v1/dashboards`)).json()) as { defaultId: string | null }
  if (!defaultId) throw new Error('This server has no default dashboard.')
  return `/dashboards/${defaultId}`
}

/** Milliseconds from navigation start until the dashboard is ready, by the page's own clock. */
async function interactive(page: Page, dashboardPath: string): Promise<number> {
  await page.goto(`${options.url}${dashboardPath}`, { waitUntil: 'commit' })
  await page.locator('[data-dashboard-ready="true"]').waitFor({ timeout: 60_000 })
  return page.evaluate(() => performance.now())
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  try {
    const context = await browser.newContext({ viewport: { width: Number(options.width), height: 900 } })
    const page = await context.newPage()
    const dashboardPath = await signIn(page, options.email, options.password ?? passwordFromFile(options.email))
    const samples: number[] = []
    for (let run = 0; run < Number(options.runs); run++) samples.push(await interactive(page, dashboardPath))
    const widgets = await page.getByTestId('widget-card').count()
    const [first, ...warm] = samples
    const sorted = [...warm].sort((a, b) => a - b)
    const result = {
      dashboard: dashboardPath,
      widgets,
      viewport: `${options.width}x900`,
      firstMs: Math.round(first),
      warmP50Ms: Math.round(percentile(sorted, 0.5)),
      warmP95Ms: Math.round(percentile(sorted, 0.95)),
      runs: samples.length,
      targetMs: TARGET_MS,
      met: Math.max(first, percentile(sorted, 0.95)) <= TARGET_MS,
    }
    console.log(JSON.stringify(result, null, 2))
  } finally {
    await browser.close()
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
