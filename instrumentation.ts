// Server start-up hook (once per server process, never at build time); the Node.js-only work lives in lib/startup.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareServer } = await import('./lib/startup')
    const { ensureStartDashboards } = await import('./lib/services/dashboards-setup')
    await prepareServer([ensureStartDashboards])
  }
}
