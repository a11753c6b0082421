// Account: the signed-in user's profile (name, time zone, theme), password and personal API tokens.
import { getDatabase } from '@/clickhouse/client'
import { AccountSettings } from '@/components/AccountSettings'
import { requirePageUser } from '@/lib/auth/page'
import { getAccount } from '@/lib/services/account'
import { listTokens } from '@/lib/services/api-tokens'
import { getPreferences } from '@/lib/services/preferences'

export const dynamic = 'force-dynamic'

export default async function AccountPage() {
  const user = await requirePageUser('account.manage')
  const db = await getDatabase()
  const [account, { tokens }, { theme }] = await Promise.all([getAccount(db, user), listTokens(db, user.id), getPreferences(db, user)])
  const timeZones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]
  return (
    <>
      <h1>Account</h1>
      <p className="subtitle">
        {account.email} · {account.role}
      </p>
      <AccountSettings account={account} theme={theme} tokens={tokens} timeZones={timeZones} />
    </>
  )
}
