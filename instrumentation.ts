// Server start-up hook (once per server process, never at build time); the Node.js-only work lives in lib/startup.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareServer } = await import('./lib/startup')
    const { ensureStartDashboards } = await import('./lib/services/dashboards-setup')
    // The default assessment profile exists from the first start (its interval: the subscription tier's minimum).
    const { ensureDefaultProfile } = await import('./lib/services/profiles')
    // The export-job runner fails jobs a restart interrupted, then runs the queue and the 24 h expiry timer.
    const { startExportRunner } = await import('./lib/export/jobs-runtime')
    // The subscription check: a lapse missed while the server was down applies the Free fallback now, then every 60 s.
    const { startSubscriptionChecks } = await import('./lib/services/subscription-runtime')
    const { subscriptionFallbackEffects } = await import('./lib/services/subscription-effects')
    // The job scheduler: a first tick creates runs missed while the server was down (one per job), then every 30 s.
    const { startJobScheduler } = await import('./lib/jobs/ticker')
    await prepareServer([ensureStartDashboards, ensureDefaultProfile, (db) => startExportRunner(db), (db) => startSubscriptionChecks(db, { effects: subscriptionFallbackEffects }), (db) => startJobScheduler(db)])
  }
}
