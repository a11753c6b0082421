'use client'
// Re-reads the server page every few seconds while the run is in progress, and says so; stops once every asset is done.
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

export function AutoRefresh({ active, seconds }: { active: boolean; seconds: number }) {
  const router = useRouter()
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => router.refresh(), seconds * 1000)
    return () => clearInterval(timer)
  }, [active, seconds, router])
  return (
    <p className="muted progress-refresh" aria-live="polite">
      {active ? `In progress: updates every ${seconds} s.` : 'Every asset of this run has finished.'}
    </p>
  )
}
