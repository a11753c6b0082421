// GET /api/health: open without a session for load balancers (`ok` / `degraded` only); engine, versions and counts need a session or token.
import { NextResponse } from 'next/server'
import { getDatabase } from '@/clickhouse/client'
import { getOptionalRequestUser } from '@/lib/auth/session'
import { publicApiRoute } from '@/lib/http/api'
import { readHealth } from '@/lib/repositories/health'

export const dynamic = 'force-dynamic'

export const GET = publicApiRoute('load balancers and operators probe it without a session', async (request) => {
  let report
  try {
    report = await readHealth(await getDatabase())
  } catch (error) {
    console.error('[health] the database does not answer', error)
    return NextResponse.json({ status: 'degraded' }, { status: 503 })
  }
  // Versions, migrations and row counts help an attacker choose an exploit: only for signed-in callers.
  return (await getOptionalRequestUser(request)) ? report : { status: report.status }
})
