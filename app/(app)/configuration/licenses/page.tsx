// Configuration → Licenses: consumption (may pass 100 %), the count and include / exclude tags, the allocation rule; licenses.manage changes them.
import Link from 'next/link'
import { getDatabase } from '@/clickhouse/client'
import { LicenseForm } from '@/components/configuration/licenses/LicenseForm'
import { LicenseMeter } from '@/components/configuration/licenses/LicenseMeter'
import { FactGrid } from '@/components/FactGrid'
import { requirePageUser } from '@/lib/auth/page'
import { can } from '@/lib/auth/policy'
import { formatDateTime } from '@/lib/format'
import { listAssetTags } from '@/lib/repositories/assets'
import type { LicenseOverview } from '@/lib/schemas/licenses'
import { TIER_LABELS } from '@/lib/schemas/subscription'
import { getLicenseOverview } from '@/lib/services/licensing'

export const dynamic = 'force-dynamic'

const UNLICENSED_ASSETS = `/assets?q=${encodeURIComponent('licensed: false')}`

/** Why licences limit nothing right now, or null when they do. */
function notEnforcedBecause(overview: LicenseOverview): string | null {
  if (overview.effectiveTier !== 'paid') {
    return `Licences apply on a paid subscription only. The subscription in effect is ${TIER_LABELS[overview.effectiveTier]}: every asset is licensed. Settings saved now take effect once the subscription is paid.`
  }
  if (!overview.configured) return 'Licences are not set up yet: every asset is licensed until the licence count is saved.'
  return null
}

function tagList(tags: string[], none: string) {
  return tags.length === 0 ? <span className="muted">{none}</span> : tags.map((tag) => <span key={tag} className="tag">{tag}</span>)
}

export default async function LicensesPage() {
  const user = await requirePageUser('profiles.view')
  const db = await getDatabase()
  const [overview, knownTags] = await Promise.all([getLicenseOverview(db), listAssetTags(db, user.scope)])
  const why = notEnforcedBecause(overview)
  return (
    <>
      <h1>Licenses</h1>
      <p className="subtitle">
        Which assets hold one of the paid subscription&apos;s licences. Jobs skip assets without one (&ldquo;Skipped: Not Licensed&rdquo;) and excluded assets
        (&ldquo;Skipped: Excluded by License&rdquo;).
      </p>
      {why && (
        <p className="panel license-status" role="note">
          {why}
        </p>
      )}
      <section className="panel license-consumption" aria-label="Consumption">
        <LicenseMeter overview={overview} />
        <p className="muted">
          When more assets need a licence than there are, licences go to assets by ascending activation time (the same moment: the lower asset id first).
          Changing a tag on an asset moves its licence at once. <Link href={UNLICENSED_ASSETS}>Assets without a licence</Link>
        </p>
      </section>
      <FactGrid
        facts={[
          ['Licences', overview.configured ? overview.licenseCount.toLocaleString('en-US') : 'Not set up'],
          ['Include tags', tagList(overview.includeTags, 'None: every asset is patchable')],
          ['Exclude tags', tagList(overview.excludeTags, 'None')],
          ['Excluded assets', overview.excluded.toLocaleString('en-US')],
          ['Assets without an include tag', overview.notIncluded.toLocaleString('en-US')],
          ['All assets', overview.totalAssets.toLocaleString('en-US')],
          ['Last changed', overview.updatedAt ? `${formatDateTime(overview.updatedAt, user.timeZone, { zone: true })} by ${overview.updatedBy}` : 'Never'],
        ]}
      />
      {can(user, 'licenses.manage') ? (
        <LicenseForm overview={overview} knownTags={knownTags} />
      ) : (
        <p className="muted">Your role may view the licences; Patch Managers and Administrators change them.</p>
      )}
    </>
  )
}
