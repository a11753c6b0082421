// Root layout: the document shell, the style sheets (tokens first), and the user's theme on <html> so the first paint has it.
import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { themeOfRequest } from '@/lib/services/preferences'
import './styles/tokens.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/forms.css'
import './styles/table.css'
import './styles/ui.css'
import './globals.css'

export const metadata: Metadata = { title: 'Patchboard', description: 'Patch management reporting, dashboards and administration' }

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" data-theme={await themeOfRequest()}>
      <body>{children}</body>
    </html>
  )
}
