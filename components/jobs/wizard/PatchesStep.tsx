'use client'
// Wizard step 3 — patches: a fixed list picked with the patches search, or a dynamic patches query previewed live; never both.
import { useFormContext, useWatch } from 'react-hook-form'
import type { PatchesPreview } from '@/components/jobs/jobs-api'
import { QqlEditor } from '@/components/qql-editor/QqlEditor'
import { useKnownValues } from '@/components/search/known-values'
import { useConfirm } from '@/components/ui/ConfirmDialog'
import { Field } from '@/components/ui/form/Field'
import { CURRENT_TOKEN_VERSION } from '@/lib/qql/browser'
import { JOB_LIMITS } from '@/lib/schemas/jobs'
import { stepInput, type WizardValues } from './form-model'
import { FieldMessage } from './FieldMessage'
import { QqlPicker } from './QqlPicker'
import { usePreview } from './usePreview'

interface Props {
  names: Record<string, string>
  onNames: (names: Record<string, string>) => void
  /** Advisories carry a fixed patch list only. */
  listOnly: boolean
}

export function PatchesStep({ names, onNames, listOnly }: Props) {
  const { setValue, control } = useFormContext<WizardValues>()
  const patches = useWatch({ control, name: 'patches' })
  const type = useWatch({ control, name: 'basics.type' })
  const { confirm, confirmDialog } = useConfirm()
  const lookUpValues = useKnownValues('patches', CURRENT_TOKEN_VERSION)
  const dynamic = stepInput({ patches } as WizardValues, 'patches') as { mode: string; query?: string } | null
  const preview = usePreview<PatchesPreview>('/api/v1/jobs/patches/preview', patches.mode === 'dynamic' && dynamic ? { patches: dynamic, type } : null)

  async function switchTo(mode: 'list' | 'dynamic') {
    if (mode === patches.mode) return
    const hasContent = patches.mode === 'list' ? patches.patchIds.length > 0 : patches.query.trim() !== ''
    const what = patches.mode === 'list' ? `the ${patches.patchIds.length} chosen patches` : 'the patches query'
    if (hasContent && !(await confirm({ title: 'Discard the patches chosen so far?', description: `A job has either a fixed list or a dynamic query, never both: switching discards ${what}.`, confirmLabel: 'Switch and discard', danger: true }))) return
    setValue('patches', { mode, patchIds: [], query: '' }, { shouldDirty: true })
  }

  return (
    <div>
      {confirmDialog}
      {!listOnly && (
        <fieldset className="radio-group">
          <legend>How the job chooses its patches</legend>
          <label className="inline">
            <input type="radio" name="patches-mode" checked={patches.mode === 'list'} onChange={() => switchTo('list')} /> A fixed list
          </label>
          <label className="inline">
            <input type="radio" name="patches-mode" checked={patches.mode === 'dynamic'} onChange={() => switchTo('dynamic')} /> A dynamic query, resolved before each run
          </label>
        </fieldset>
      )}
      {patches.mode === 'list' ? (
        <>
          <p className="hint">Up to {JOB_LIMITS.maxPatches.toLocaleString('en')} patches.</p>
          <QqlPicker
            entity="patches"
            label="Patches"
            placeholder="e.g. vendorSeverity: Critical and isSuperseded: false"
            selected={patches.patchIds}
            names={names}
            onChange={(ids, next) => {
              setValue('patches.patchIds', ids, { shouldDirty: true })
              onNames(next)
            }}
          />
          <FieldMessage name="patches.patchIds" />
        </>
      ) : (
        <div className="wizard-columns">
          <Field name="patches.query" label="Patches query" hint={`Before each run: only patches still missing, not superseded, at most ${JOB_LIMITS.maxPatches.toLocaleString('en')}, newest first.`}>
            {(aria) => (
              <div className="qql-input-wrap" aria-invalid={aria['aria-invalid']}>
                <QqlEditor
                  entity="patches"
                  version={CURRENT_TOKEN_VERSION}
                  value={patches.query}
                  onChange={(text) => setValue('patches.query', text, { shouldDirty: true })}
                  onSubmit={() => undefined}
                  lookUpValues={lookUpValues}
                  placeholder="e.g. vendorSeverity: Critical and vendor: Microsoft"
                  label="Patches query"
                  id={aria.id}
                />
              </div>
            )}
          </Field>
          <aside className="panel preview-panel" aria-label="Patches the query resolves to" aria-live="polite">
            <h3 className="step-section">If the job ran now</h3>
            <p className="muted">{type === 'Uninstall' ? 'Installed patches the query matches.' : 'Missing patches the query matches.'}</p>
            {preview.status === 'idle' && <p className="muted">Write a query to see the patches it resolves to.</p>}
            {preview.status === 'loading' && <p className="muted">Resolving…</p>}
            {preview.status === 'error' && <p className="error">{preview.message}</p>}
            {preview.status === 'ready' && (
              <>
                <p data-testid="patches-count">
                  <strong>{preview.data.count.toLocaleString('en')}</strong> {preview.data.count === 1 ? 'patch' : 'patches'}
                </p>
                <ul className="preview-list">
                  {preview.data.patches.map((patch) => (
                    <li key={patch.id}>
                      {patch.title} <span className="muted">· {patch.vendorSeverity} · missing on {patch.missing}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </aside>
        </div>
      )}
    </div>
  )
}
