// The app-wide strip under the top bar: which subscription tier applies, until when, and what it limits (every user sees it).
import Link from 'next/link'
import { describeSubscription, type SubscriptionView } from '@/lib/schemas/subscription'

export function SubscriptionBanner({ subscription, manageHref }: { subscription: SubscriptionView; manageHref?: string }) {
  return (
    <section className="subscription-banner" data-tier={subscription.effectiveTier} aria-label="Subscription">
      <p>
        <span className="subscription-banner-label">Subscription:</span> {describeSubscription(subscription)}
        {manageHref && (
          <>
            {' '}
            · <Link href={manageHref}>Manage the subscription</Link>
          </>
        )}
      </p>
    </section>
  )
}
