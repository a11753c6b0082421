'use client'
// Wizard step 2 — targets: assets picked with the assets search and/or tags (Any/All), exclusion tags, and a live preview of the matched assets.
import { useFormContext, useWatch } from 'react-hook-form'
import type { TargetsPreview } from '@/components/jobs/jobs-api'
import { stepInput, type WizardValues } from './form-model'
import { FieldMessage } from './FieldMessage'
import { QqlPicker } from './QqlPicker'
import { TagsField } from './TagsField'
import { usePreview } from './usePreview'

interface Props {
  knownTags: string[]
  names: Record<string, string>
  onNames: (names: Record<string, string>) => void
  /** A co-author may add and remove tags, not assets: the assets stay as the owner chose them. */
  assetsLocked: boolean
  /** Editing: the preview applies the job's owner and its scope constraints. */
  jobId: string | null
}

export function TargetsStep({ knownTags, names, onNames, assetsLocked, jobId }: Props) {
  const { setValue, control } = useFormContext<WizardValues>()
  const values = useWatch({ control }) as WizardValues
  const targets = stepInput(values, 'targets')
  const preview = usePreview<TargetsPreview>('/api/v1/jobs/targets/preview', targets === null ? null : { targets, ...(jobId ? { jobId } : {}) })
  const previewNames = preview.status === 'ready' ? Object.fromEntries(preview.data.assets.map((asset) => [asset.id, asset.name])) : {}

  return (
    <div className="wizard-columns">
      <div>
        <h3 className="step-section">Assets</h3>
        {assetsLocked && <p className="hint">As a co-author you may change the tags; the assets stay as the owner chose them.</p>}
        <QqlPicker
          entity="assets"
          label="Target assets"
          placeholder="e.g. osFamily: Windows and tag: Site-Berlin"
          selected={values.targets.assetIds}
          names={{ ...previewNames, ...names }}
          onChange={(ids, next) => {
            setValue('targets.assetIds', ids, { shouldDirty: true })
            onNames(next)
          }}
          disabled={assetsLocked}
        />
        <FieldMessage name="targets.assetIds" />
        <h3 className="step-section">Tags</h3>
        <TagsField name="targets.tags" match="targets.tagMatch" label="Target tags" hint="Assets carrying these tags are included too." knownTags={knownTags} />
        <TagsField name="targets.exclusionTags" match="targets.exclusionMatch" label="Exclusion tags" hint="Assets carrying these tags are left out." knownTags={knownTags} />
      </div>
      <aside className="panel preview-panel" aria-label="Matched assets" aria-live="polite">
        <h3 className="step-section">Matched assets in scope</h3>
        {preview.status === 'idle' && <p className="muted">Choose assets or tags to see which assets the job includes.</p>}
        {preview.status === 'loading' && <p className="muted">Counting…</p>}
        {preview.status === 'error' && <p className="error">{preview.message}</p>}
        {preview.status === 'ready' && (
          <>
            <p data-testid="targets-count">
              <strong>{preview.data.count.toLocaleString('en')}</strong> {preview.data.count === 1 ? 'asset' : 'assets'} included
              {values.targets.tags.length > 0 && (
                <span className="muted">
                  {' '}
                  · tags match {preview.data.taggedAssets.matched.toLocaleString('en')}, {preview.data.taggedAssets.included.toLocaleString('en')} included
                </span>
              )}
            </p>
            <ul className="preview-list">
              {preview.data.assets.map((asset) => (
                <li key={asset.id}>
                  {asset.name}{' '}
                  {asset.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
            {preview.data.count > preview.data.assets.length && <p className="muted">and {(preview.data.count - preview.data.assets.length).toLocaleString('en')} more</p>}
          </>
        )}
      </aside>
    </div>
  )
}
