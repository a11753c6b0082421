import { createClient } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
const client = createClient({ connection: createChdbConnection({ path: '/tmp/probe/data' }) as any, clickhouse_settings: { output_format_json_quote_64bit_integers: 0 } })
await client.command({ query: 'USE pb' })
const r = await client.query({ query: 'SELECT currentDatabase() d, count() c FROM t', format: 'JSONEachRow' })
console.log(await r.json())
const c3 = createClient({ connection: createChdbConnection({ path: '/tmp/probe/data' }) as any })
console.log(await (await c3.query({ query: 'SELECT currentDatabase() d', format: 'JSONEachRow' })).json())
