'use client'
// A job row's Actions menu: only what JobView.actions allows (view progress, edit, clone, enable/disable, run now, change owner, assign, delete).
import Link from 'next/link'
import { useState } from 'react'
import { callApi } from '@/components/api-client'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import { DropdownMenu, MenuItem, MenuLinkItem, MenuSeparator } from '@/components/ui/DropdownMenu'
import type { JobView } from '@/lib/schemas/jobs'
import { jobUrl } from './jobs-api'
import { OwnerDialog } from './OwnerDialog'

export type ActionOutcome = { kind: 'ok' | 'error'; text: string }

export function JobRowActions({ job, onDone }: { job: JobView; onDone: (outcome: ActionOutcome) => void }) {
  const { confirm, confirmDialog } = useConfirm()
  const [ownerFor, setOwnerFor] = useState<'owner' | 'assign' | null>(null)
  const allowed = new Set(job.actions)

  async function post(action: string, done: string, body?: unknown): Promise<string | null> {
    const result = await callApi<unknown>('POST', jobUrl(job.id, action), body ?? {})
    onDone(result.ok ? { kind: 'ok', text: done } : { kind: 'error', text: `${job.name}: ${result.message}` })
    return result.ok ? null : result.message
  }

  async function remove() {
    const yes = await confirm({ title: `Delete ${job.name}?`, description: 'The job and its schedule are removed; runs already sent to agents finish. This cannot be undone.', confirmLabel: 'Delete job', danger: true })
    if (!yes) return
    const result = await callApi<unknown>('DELETE', jobUrl(job.id))
    onDone(result.ok ? { kind: 'ok', text: `Deleted ${job.name}.` } : { kind: 'error', text: `${job.name}: ${result.message}` })
  }

  const hasOperations = ['clone', 'enable', 'disable', 'runNow', 'changeOwner', 'assign'].some((action) => allowed.has(action as never))
  if (job.actions.length === 0) return null
  return (
    <>
      {confirmDialog}
      <DropdownMenu
        trigger={
          <>
            Actions<span className="visually-hidden"> for {job.name}</span>
          </>
        }
      >
        {allowed.has('view') && (
          <MenuLinkItem>
            <Link href={`/jobs/${encodeURIComponent(job.id)}/progress`}>View progress</Link>
          </MenuLinkItem>
        )}
        {allowed.has('edit') && !job.isAdvisory && (
          <MenuLinkItem>
            <Link href={`/jobs/${encodeURIComponent(job.id)}/edit`}>Edit</Link>
          </MenuLinkItem>
        )}
        {hasOperations && <MenuSeparator />}
        {allowed.has('clone') && <MenuItem onSelect={() => post('clone', `Cloned ${job.name}; the copy is Disabled.`)}>Clone</MenuItem>}
        {allowed.has('enable') && <MenuItem onSelect={() => post('enable', `Enabled ${job.name}.`)}>Enable</MenuItem>}
        {allowed.has('disable') && <MenuItem onSelect={() => post('disable', `Disabled ${job.name}.`)}>Disable</MenuItem>}
        {allowed.has('runNow') && <MenuItem onSelect={() => post('run', `${job.name} runs now.`)}>Run now</MenuItem>}
        {allowed.has('changeOwner') && <MenuItem onSelect={() => setOwnerFor('owner')}>Change owner</MenuItem>}
        {allowed.has('assign') && <MenuItem onSelect={() => setOwnerFor('assign')}>Assign</MenuItem>}
        {allowed.has('delete') && (
          <>
            <MenuSeparator />
            <MenuItem danger onSelect={remove}>
              Delete
            </MenuItem>
          </>
        )}
      </DropdownMenu>
      {ownerFor && (
        <OwnerDialog
          title={ownerFor === 'assign' ? `Assign ${job.name}` : `Change the owner of ${job.name}`}
          description={
            ownerFor === 'assign'
              ? 'The advisory becomes a Disabled job of the person you choose; they add targets and a schedule.'
              : 'The job then runs only on assets in both the old and the new owner’s scope.'
          }
          confirmLabel={ownerFor === 'assign' ? 'Assign' : 'Change owner'}
          jobId={job.id}
          onChoose={(ownerId) => post(ownerFor === 'assign' ? 'assign' : 'owner', ownerFor === 'assign' ? `Assigned ${job.name}.` : `Changed the owner of ${job.name}.`, { ownerId })}
          onClose={() => setOwnerFor(null)}
        />
      )}
    </>
  )
}
