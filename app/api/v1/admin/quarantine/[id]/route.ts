// GET /api/v1/admin/quarantine/:id downloads one rejected document exactly as it was received (Administrators: it may be any site's).
import { notFound } from '@/lib/errors'
import { apiRoute } from '@/lib/http/api'
import { getQuarantined } from '@/lib/repositories/quarantine'
import { quarantineIdParams } from '@/lib/services/ingest-admin'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({ action: 'data.quarantine', params: quarantineIdParams }, async ({ db, params }) => {
  const entry = await getQuarantined(db, params.id)
  if (!entry) throw notFound(`No quarantined document with id ${params.id}.`)
  return new Response(new Uint8Array(entry.body), {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="rejected-${entry.kind}-line-${entry.line}${entry.truncated ? '-truncated' : ''}.json"`,
      'x-rejection-reason': encodeURIComponent(entry.reason).slice(0, 1000),
    },
  })
})
