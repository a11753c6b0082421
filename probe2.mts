import { createClient } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
const c = createClient({ connection: createChdbConnection({ path: '/tmp/probe/data' }) as any })
await c.query({query:'SELECT 1'})
console.log('holding'); await new Promise(r=>setTimeout(r,8000))
