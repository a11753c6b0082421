// Home: the first section the user's role can open (dashboards arrive in a later release).
import { redirect } from 'next/navigation'

export const dynamic = 'force-dynamic'

export default function Home() {
  redirect('/assets')
}
