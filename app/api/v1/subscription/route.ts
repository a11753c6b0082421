// GET/PUT /api/v1/subscription: the tier in effect for every signed-in user (the app banner reads it); Administrators set tier and expiry.
import { apiRoute } from '@/lib/http/api'
import { updateSubscriptionBody } from '@/lib/schemas/subscription'
import { getSubscription, updateSubscription } from '@/lib/services/subscription'
import { subscriptionFallbackEffects } from '@/lib/services/subscription-effects'
import { applySubscriptionFallback } from '@/lib/services/subscription-fallback'

export const dynamic = 'force-dynamic'

// Every role holds account.manage: the one permission "any signed-in user" has.
export const GET = apiRoute({ action: 'account.manage' }, ({ db }) => getSubscription(db))

/** Saving a lapsed or Free subscription applies the Free fallback at once, not at the next timer tick. */
export const PUT = apiRoute({ action: 'subscription.manage', body: updateSubscriptionBody }, async ({ db, user, body }) => {
  await updateSubscription(db, user, body)
  const fallback = await applySubscriptionFallback(db, subscriptionFallbackEffects)
  const view = await getSubscription(db)
  return { ...view, fallback: fallback && { reason: fallback.reason, profilesChanged: fallback.profilesChanged, jobsDisabled: fallback.jobsDisabled } }
})
