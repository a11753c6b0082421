// Job progress: one run of a job (the latest unless chosen) — counts, donut, per-asset status and per-patch outcomes, in the viewer's scope.
import { notFound } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { JobProgressScreen } from '@/components/jobs/progress/JobProgressScreen'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import type { SessionUser } from '@/lib/auth/user'
import { DomainError } from '@/lib/errors'
import { jobProgress, jobProgressQuery, type JobProgressQuery } from '@/lib/services/job-progress'
import { getJob } from '@/lib/services/jobs'
import { readListInput } from '@/lib/services/page-input'

export const dynamic = 'force-dynamic'

interface Props {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

type Input = JobProgressQuery

/** The job and the run's progress, both authorized on the server (a job the viewer may not view is a 404, as from the API). */
async function load(user: SessionUser, id: string, input: Input) {
  const db = await getDatabase()
  try {
    const job = await getJob(db, user, id)
    const { progress, queryError } = await jobProgress(db, user, id, input).then(
      (progress) => ({ progress, queryError: '' }),
      async (error: unknown) => {
        // A query the engine cannot run shows its reason above the table, with every asset listed.
        if (!(error instanceof DomainError && error.kind === 'invalid' && input.q !== '')) throw error
        return { progress: await jobProgress(db, user, id, { ...input, q: '' }), queryError: error.message }
      },
    )
    return { job, progress, queryError }
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') notFound()
    throw error
  }
}

export default async function JobProgressPage({ params, searchParams }: Props) {
  const user = await requirePageUser('jobs.viewAssigned')
  const id = decodeURIComponent((await params).id)
  const input = readListInput(jobProgressQuery, await searchParams)
  const { job, progress, queryError } = await load(user, id, input)
  return (
    <JobProgressScreen
      job={job}
      progress={progress}
      input={{ runId: input.runId ?? '', status: input.status.join(','), q: input.q, page: input.page, pageSize: input.pageSize }}
      user={{ id: user.id, timeZone: user.timeZone }}
      canExport={can(user, 'data.export')}
      queryError={queryError}
    />
  )
}
