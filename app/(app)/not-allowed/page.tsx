// Where a page sends a role that may not open it: says which permission is missing.
import { ACTIONS, type Action } from '@/lib/auth/policy'

export const dynamic = 'force-dynamic'

export default async function NotAllowedPage({ searchParams }: { searchParams: Promise<{ action?: string }> }) {
  const { action } = await searchParams
  const known = action !== undefined && Object.hasOwn(ACTIONS, action)
  return (
    <div className="panel not-allowed" role="alert">
      <h1>Not allowed</h1>
      <p className="muted">
        {known ? `Your role may not ${ACTIONS[action as Action].toLowerCase()}.` : 'Your role may not open this page.'} Ask an administrator if you need it.
      </p>
    </div>
  )
}
