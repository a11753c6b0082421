// Administration → Activation keys: the keys agents authenticate with (prefix only), their tags and last use.
import { getDatabase } from '@/clickhouse/client'
import { ActivationKeyAdmin } from '@/components/ActivationKeyAdmin'
import { requirePageUser } from '@/lib/auth/page'
import { listActivationKeyViews } from '@/lib/services/activation-keys'

export const dynamic = 'force-dynamic'

export default async function ActivationKeysPage() {
  const user = await requirePageUser('activationKeys.manage')
  const keys = await listActivationKeyViews(await getDatabase())
  return (
    <>
      <h1>Activation keys</h1>
      <p className="subtitle">
        Agents send scan results, catalog entries and job results with a key (<code>Authorization: Bearer pbk_…</code>). A key&apos;s tags are added to
        every asset that reports with it. Only a hash is stored: the whole key is shown once, when it is created.
      </p>
      <ActivationKeyAdmin keys={keys} timeZone={user.timeZone} userId={user.id} />
    </>
  )
}
