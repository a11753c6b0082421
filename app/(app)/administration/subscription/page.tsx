// Administration → Subscription: the tier in effect, its expiry and limits, what each tier allows, and the form to change it (Administrators).
import { getDatabase } from '@/clickhouse/client'
import { FactGrid } from '@/components/FactGrid'
import { SubscriptionForm } from '@/components/subscription/SubscriptionForm'
import { requirePageUser } from '@/lib/auth/page'
import { formatDateTime } from '@/lib/format'
import { describeSubscription, MIN_SCAN_INTERVAL_HOURS, SUBSCRIPTION_TIERS, TIER_LABELS, TRIAL_DAYS, utcDate } from '@/lib/schemas/subscription'
import { getSubscription } from '@/lib/services/subscription'

export const dynamic = 'force-dynamic'

export default async function SubscriptionPage() {
  const user = await requirePageUser('subscription.manage')
  const subscription = await getSubscription(await getDatabase())
  const changed = subscription.updatedAt ? `${formatDateTime(subscription.updatedAt, user.timeZone, { zone: true })} by ${subscription.updatedBy}` : `Never: the ${TRIAL_DAYS}-day trial a new installation starts with`
  return (
    <>
      <h1>Subscription</h1>
      <p className="subtitle">{describeSubscription(subscription)}.</p>
      <FactGrid
        facts={[
          ['Tier', TIER_LABELS[subscription.tier]],
          ['In effect', subscription.expired ? `${TIER_LABELS.free} (expired)` : TIER_LABELS[subscription.effectiveTier]],
          ['Expires', subscription.expiresAt ? formatDateTime(subscription.expiresAt, user.timeZone, { zone: true }) : 'Never'],
          ['Shortest scan interval', `${subscription.minScanIntervalHours} h`],
          ['Deployment and uninstall jobs', subscription.jobsAllowed ? 'Allowed' : 'Refused'],
          ['Last changed', changed],
        ]}
      />
      <section className="panel subscription-tiers" aria-labelledby="tiers-title">
        <h2 id="tiers-title">What each tier allows</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Shortest scan interval</th>
              <th scope="col">Deployment and uninstall jobs</th>
              <th scope="col">Licences</th>
            </tr>
          </thead>
          <tbody>
            {SUBSCRIPTION_TIERS.map((tier) => (
              <tr key={tier}>
                <th scope="row">{TIER_LABELS[tier]}</th>
                <td>{MIN_SCAN_INTERVAL_HOURS[tier]} h</td>
                <td>{tier === 'free' ? 'None' : 'Yes'}</td>
                <td>{tier === 'paid' ? 'Count, include and exclude tags apply' : 'Every asset is licensed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          When a trial or paid subscription expires, Patchboard falls back to Free on its own — also with nobody signed in: profiles under 24 h become
          24 h (the profile says so) and enabled jobs are disabled with the reason. After a renewal the jobs stay disabled until someone enables them.
        </p>
      </section>
      <SubscriptionForm tier={subscription.tier} expiryDay={subscription.expiresAt ? utcDate(subscription.expiresAt) : ''} />
    </>
  )
}
