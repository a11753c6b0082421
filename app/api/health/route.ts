// GET /api/health: open without a session, for load balancers and operators.
import { getDatabase } from '@/clickhouse/client'
import { publicApiRoute } from '@/lib/http/api'
import { readHealth } from '@/lib/repositories/health'

export const dynamic = 'force-dynamic'

export const GET = publicApiRoute('load balancers and operators probe it without a session', async () => readHealth(await getDatabase()))
