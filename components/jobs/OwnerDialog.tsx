'use client'
// Choosing a job's owner (change owner, bulk change owner, assigning an advisory) from the people the server says may own it.
import { useEffect, useState } from 'react'
import { callApi } from '@/components/api-client'
import { Dialog, DialogCancel } from '@/components/ui/Dialog'
import type { JobPersonOption } from './jobs-api'

interface Props {
  title: string
  description: string
  confirmLabel: string
  /** One job: the server narrows the choice to who may own that job. */
  jobId: string | null
  onChoose: (ownerId: string) => Promise<string | null>
  onClose: () => void
}

export function OwnerDialog({ title, description, confirmLabel, jobId, onChoose, onClose }: Props) {
  const [people, setPeople] = useState<JobPersonOption[] | null>(null)
  const [ownerId, setOwnerId] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const params = new URLSearchParams({ purpose: 'owner', ...(jobId ? { jobId } : {}) })
    callApi<{ people: JobPersonOption[] }>('GET', `/api/v1/jobs/people?${params.toString()}`).then((result) => (result.ok ? setPeople(result.data.people) : setError(result.message)))
  }, [jobId])

  async function submit() {
    if (!ownerId) return setError('Choose the new owner.')
    setBusy(true)
    const refusal = await onChoose(ownerId)
    setBusy(false)
    if (refusal) setError(refusal)
    else onClose()
  }

  return (
    <Dialog title={title} description={description} open onOpenChange={(open) => !open && onClose()}>
      <div className="field">
        <label htmlFor="job-owner">Owner</label>
        <select id="job-owner" value={ownerId} onChange={(event) => setOwnerId(event.target.value)} disabled={!people} aria-invalid={Boolean(error) || undefined} aria-describedby={error ? 'job-owner-error' : undefined}>
          <option value="">{people ? 'Choose a person' : 'Loading…'}</option>
          {people?.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name ? `${person.name} (${person.email})` : person.email} — {person.role}
            </option>
          ))}
        </select>
        {error && (
          <span id="job-owner-error" className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="dialog-actions">
        <DialogCancel />
        <button type="button" onClick={submit} disabled={busy || !people}>
          {busy ? 'Saving…' : confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
