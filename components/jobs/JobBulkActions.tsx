'use client'
// Bulk actions on the selected jobs (enable, change owner, delete), each offered when at least one selected job allows it; the answer is per job.
import { useState } from 'react'
import { callApi } from '@/components/api-client'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import type { JobAction, JobView } from '@/lib/schemas/jobs'
import type { BulkResult } from './jobs-api'
import { OwnerDialog } from './OwnerDialog'

export interface BulkOutcome {
  action: string
  done: string[]
  refused: { name: string; reason: string }[]
}

interface Props {
  jobs: JobView[]
  ids: string[]
  clear: () => void
  onDone: (outcome: BulkOutcome) => void
}

const WORDS = { enable: 'Enabled', delete: 'Deleted', changeOwner: 'Changed the owner of' } as const

export function JobBulkActions({ jobs, ids, clear, onDone }: Props) {
  const { confirm, confirmDialog } = useConfirm()
  const [choosingOwner, setChoosingOwner] = useState(false)
  const selected = jobs.filter((job) => ids.includes(job.id))
  const anyAllows = (action: JobAction) => selected.some((job) => job.actions.includes(action))
  const nameOf = (id: string) => jobs.find((job) => job.id === id)?.name ?? id

  async function run(action: keyof typeof WORDS, ownerId?: string): Promise<string | null> {
    const result = await callApi<BulkResult>('POST', '/api/v1/jobs/bulk', { action, ids, ...(ownerId ? { ownerId } : {}) })
    if (!result.ok) return result.message
    onDone({ action: WORDS[action], done: result.data.done.map(nameOf), refused: result.data.refused.map((item) => ({ name: nameOf(item.id), reason: item.reason })) })
    clear()
    return null
  }

  async function remove() {
    const yes = await confirm({ title: `Delete ${ids.length} ${ids.length === 1 ? 'job' : 'jobs'}?`, description: 'Each job you may delete is removed; the others are listed with the reason. This cannot be undone.', confirmLabel: 'Delete jobs', danger: true })
    if (!yes) return
    const refusal = await run('delete')
    if (refusal) onDone({ action: 'Deleted', done: [], refused: [{ name: `${ids.length} jobs`, reason: refusal }] })
  }

  return (
    <>
      {confirmDialog}
      {anyAllows('enable') && (
        <button type="button" className="secondary small" onClick={() => run('enable')}>
          Enable
        </button>
      )}
      {anyAllows('changeOwner') && (
        <button type="button" className="secondary small" onClick={() => setChoosingOwner(true)}>
          Change owner
        </button>
      )}
      {anyAllows('delete') && (
        <button type="button" className="danger small" onClick={remove}>
          Delete
        </button>
      )}
      {choosingOwner && (
        <OwnerDialog
          title={`Change the owner of ${ids.length} ${ids.length === 1 ? 'job' : 'jobs'}`}
          description="Each job then runs only on assets in both the old and the new owner’s scope."
          confirmLabel="Change owner"
          jobId={null}
          onChoose={(ownerId) => run('changeOwner', ownerId)}
          onClose={() => setChoosingOwner(false)}
        />
      )}
    </>
  )
}
