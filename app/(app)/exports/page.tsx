// My exports: your background export jobs (progress, cancel, download, expiry); larger exports started from a list land here.
import { getDatabase } from '@/clickhouse/client'
import { ExportJobList } from '@/components/export/ExportJobList'
import { requirePageUser } from '@/lib/auth/page'
import { listMyExports } from '@/lib/services/exports'

export const dynamic = 'force-dynamic'

export default async function ExportsPage() {
  const user = await requirePageUser('data.export')
  const { jobs } = await listMyExports(await getDatabase(), user)
  return (
    <>
      <h1>My exports</h1>
      <p className="subtitle">
        Exports above the direct-download size are written in the background; each file can be downloaded for 24 hours, then it is deleted.
      </p>
      <ExportJobList initialJobs={jobs} userId={user.id} timeZone={user.timeZone} />
    </>
  )
}
