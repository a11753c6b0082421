'use client'
// Administration → Subscription: choose the tier and expiry; a change that makes Free apply asks first and says what the fallback changed.
import { useRouter } from 'next/navigation'
import { callApi } from '@/components/api-client'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import { SelectField, TextField } from '@/components/ui/form/Field'
import { Form, FormError, SubmitButton } from '@/components/ui/form/Form'
import { showServerErrors, useZodForm } from '@/components/ui/form/useZodForm'
import { useNotice } from '@/components/ui/Notice'
import { countOf } from '@/lib/format'
import { SUBSCRIPTION_TIERS, subscriptionForm, TIER_LABELS, type SubscriptionTier, type SubscriptionUpdate, type UpdateSubscriptionInput } from '@/lib/schemas/subscription'

const TIER_OPTIONS = SUBSCRIPTION_TIERS.map((tier) => ({ value: tier, label: TIER_LABELS[tier] }))

function lapses(values: UpdateSubscriptionInput): boolean {
  return values.tier === 'free' || (values.expiresAt !== null && values.expiresAt !== undefined && Date.parse(values.expiresAt) <= Date.now())
}

function describeUpdate(update: SubscriptionUpdate): string {
  if (update.fallback) {
    return `Saved. ${update.fallback.reason}: ${countOf(update.fallback.profilesChanged, 'profile')} lowered to a 24 h scan interval, ${countOf(update.fallback.jobsDisabled, 'enabled job')} disabled.`
  }
  return `Saved: ${TIER_LABELS[update.effectiveTier]} is in effect.`
}

export function SubscriptionForm({ tier, expiryDay }: { tier: SubscriptionTier; expiryDay: string }) {
  const router = useRouter()
  const { confirm, confirmDialog } = useConfirm()
  const { show, noticeElement } = useNotice()
  const form = useZodForm(subscriptionForm, { defaultValues: { tier, expiresAt: tier === 'free' ? '' : expiryDay } })
  const chosenTier = form.watch('tier')

  async function save(values: UpdateSubscriptionInput) {
    if (lapses(values)) {
      const confirmed = await confirm({
        title: 'Fall back to Free?',
        description:
          'Free allows scans at most every 24 h and no deployment or uninstall jobs: profiles under 24 h become 24 h and every enabled job is disabled. A later renewal does not re-enable them — that is done by hand.',
        confirmLabel: 'Save and fall back to Free',
        danger: true,
      })
      if (!confirmed) return
    }
    const result = await callApi<SubscriptionUpdate>('PUT', '/api/v1/subscription', values)
    if (!result.ok) return showServerErrors(form, result)
    show({ kind: 'ok', text: describeUpdate(result.data) })
    router.refresh()
  }

  return (
    <>
      {noticeElement}
      <Form form={form} onSubmit={save} label="Change the subscription" className="panel form-card form-stack">
        <h2>Change the subscription</h2>
        <FormError />
        <SelectField name="tier" label="Tier" options={TIER_OPTIONS} />
        {chosenTier === 'free' ? (
          <p className="muted">Free never expires.</p>
        ) : (
          <TextField name="expiresAt" label="Expires on" type="date" hint="The subscription runs to the end of this day (UTC). A date in the past applies the Free fallback at once." />
        )}
        <div className="form-actions">
          <SubmitButton pendingLabel="Saving…">Save subscription</SubmitButton>
        </div>
      </Form>
      {confirmDialog}
    </>
  )
}
