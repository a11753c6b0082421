// New job (or, for Patch Security, a new advisory): the wizard, prefilled with the assets or patches chosen on Assets or Patches.
import { getDatabase } from '@/clickhouse/client'
import { emptyValues } from '@/components/jobs/wizard/form-model'
import { JobWizard } from '@/components/jobs/wizard/JobWizard'
import { requirePageUser } from '@/lib/auth/page'
import { listAssetTags } from '@/lib/repositories/assets'
import { idList, namesFor, timeZoneList } from '../wizard-input'

export const dynamic = 'force-dynamic'

export default async function NewJobPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams
  const advisory = params.advisory === '1'
  const user = await requirePageUser(advisory ? 'jobs.createAdvisory' : 'jobs.create')
  const db = await getDatabase()
  const assetIds = advisory ? [] : idList(params.assets)
  const patchIds = idList(params.patches)
  const [names, knownTags] = await Promise.all([namesFor(db, user, assetIds, patchIds), listAssetTags(db, user.scope)])
  return (
    <>
      <h1>{advisory ? 'New job advisory' : 'New job'}</h1>
      <p className="subtitle">
        {advisory
          ? 'Recommend a list of patches; a Patch Manager assigns the advisory to someone who targets and schedules it.'
          : 'Saved Disabled unless you enable it; a job without targets, patches or a schedule is kept as partially configured.'}
      </p>
      <JobWizard
        mode={advisory ? 'advisory' : 'create'}
        job={null}
        initial={emptyValues({ assetIds, patchIds })}
        initialNames={names}
        knownTags={knownTags}
        timeZones={timeZoneList()}
        coAuthorOnly={false}
      />
    </>
  )
}
