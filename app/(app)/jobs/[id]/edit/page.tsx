// Edit a job: the wizard opened on the stored job, honouring the server's rules (a co-author changes tags, not assets or co-authors;
// a locked or advisory job is not edited here; a stale version answers 409 naming who saved).
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getDatabase } from '@/clickhouse/client'
import { valuesFromJob } from '@/components/jobs/wizard/form-model'
import { JobWizard } from '@/components/jobs/wizard/JobWizard'
import { requirePageUser } from '@/lib/auth/page'
import { DomainError } from '@/lib/errors'
import { listAssetTags } from '@/lib/repositories/assets'
import { viewableJob } from '@/lib/services/jobs-access'
import { isCoAuthorOnly } from '@/lib/services/jobs-rules'
import { toOneJobView } from '@/lib/services/jobs-view'
import { namesFor, timeZoneList } from '../../wizard-input'

export const dynamic = 'force-dynamic'

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('jobs.operateOwn')
  const db = await getDatabase()
  let stored
  try {
    stored = await viewableJob(db, user, (await params).id)
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') notFound()
    throw error
  }
  const job = await toOneJobView(db, user, stored)
  // An advisory is completed by the owner it is assigned to, not edited (the save route refuses it).
  if (!job.actions.includes('edit') || job.isAdvisory) {
    return (
      <>
        <h1>{job.name}</h1>
        <p className="panel form-card" role="note">
          {job.isAdvisory
            ? 'A job advisory is not edited: a Patch Manager assigns it to an owner, who completes it.'
            : job.status === 'Enabled' || job.status === 'Completed'
              ? 'This job can no longer be edited: a run-once or on-demand job, once enabled, can only be deleted.'
              : 'You may not edit this job: only its owner, its co-authors or a Patch Manager may.'}{' '}
          <Link href="/jobs">Back to Jobs</Link>
        </p>
      </>
    )
  }
  const patchIds = job.patches?.mode === 'list' ? job.patches.patchIds : []
  const [names, knownTags] = await Promise.all([namesFor(db, user, job.targets.assetIds, patchIds), listAssetTags(db, user.scope)])
  return (
    <>
      <h1>Edit {job.name}</h1>
      <p className="subtitle">
        {job.status} · owner {job.owner?.email ?? 'none'} · version {job.version}
      </p>
      <JobWizard mode="edit" job={job} initial={valuesFromJob(job)} initialNames={names} knownTags={knownTags} timeZones={timeZoneList()} coAuthorOnly={isCoAuthorOnly(user, stored)} />
    </>
  )
}
