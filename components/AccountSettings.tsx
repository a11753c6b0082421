'use client'
// Account: the signed-in user's profile and theme, password, and personal API tokens, on three tabs with one shared notice.
import type { TokenView } from '@/lib/services/api-tokens'
import type { UserView } from '@/lib/services/user-admin'
import type { Theme } from '@/lib/schemas/preferences'
import { PasswordForm } from './account/PasswordForm'
import { AppearanceForm, ProfileForm } from './account/ProfileForms'
import { TokenSection } from './account/TokenSection'
import { useNotice } from './ui/Notice'
import { Tabs } from './ui/Tabs'

interface Props {
  account: UserView
  theme: Theme
  tokens: TokenView[]
  timeZones: string[]
}

export function AccountSettings({ account, theme, tokens, timeZones }: Props) {
  const { show, noticeElement } = useNotice()
  return (
    <>
      {noticeElement}
      <Tabs
        label="Account settings"
        tabs={[
          {
            value: 'profile',
            label: 'Profile and appearance',
            content: (
              <div className="account-grid">
                <ProfileForm account={account} timeZones={timeZones} notify={show} />
                <AppearanceForm theme={theme} notify={show} />
              </div>
            ),
          },
          { value: 'password', label: 'Password', content: <div className="account-grid"><PasswordForm /></div> },
          { value: 'tokens', label: 'API tokens', content: <TokenSection tokens={tokens} userId={account.id} timeZone={account.timeZone} notify={show} /> },
        ]}
      />
    </>
  )
}
