'use client'
// What a widget reads: its type, entity (or history series and window) and QQL query, in the QQL editor with autocomplete and positioned errors.
import { useMemo } from 'react'
import { useFormContext } from 'react-hook-form'
import { callApi } from '@/components/api-client'
import { QqlEditor, type LookUpValues } from '@/components/qql-editor/QqlEditor'
import { Field } from '@/components/ui/form/Field'
import { CURRENT_TOKEN_VERSION, type Entity } from '@/lib/qql/browser'
import { COMPARABLE_SERIES } from '@/widgets/count/schema'
import { WIDGET_ENTITIES, WIDGET_TYPES, type HistorySeries, type WidgetEntity, type WidgetType } from '@/widgets/schema'
import { queryEntity } from '@/widgets/shared/tokens'
import { adjustSource, ENTITY_LABELS, SERIES_FOR_TYPE, SERIES_LABELS, TYPE_LABELS, type BuilderValues } from './form-model'

/** Known values for the query box, in the author's scope (the search boxes' own lookup). */
export function useKnownValues(entity: Entity, version: number): LookUpValues {
  return useMemo<LookUpValues>(
    () => async (request) => {
      const params = new URLSearchParams({ entity, q: request.text, cursor: String(request.cursor), v: String(version) })
      const result = await callApi<{ knownValues: string[] }>('GET', `/api/v1/qql/suggest?${params.toString()}`)
      return result.ok ? result.data.knownValues : []
    },
    [entity, version],
  )
}

export function SourceSection() {
  const form = useFormContext<BuilderValues>()
  const values = form.watch()
  const entity = queryEntity(values.entity)
  const lookUpValues = useKnownValues(entity, values.tokenVersion)
  const change = (next: Partial<Pick<BuilderValues, 'type' | 'entity'>>) => form.reset(adjustSource(form.getValues(), next), { keepDefaultValues: true })
  const entities = values.type === 'multiSeries' ? WIDGET_ENTITIES.filter((candidate) => candidate !== 'history') : WIDGET_ENTITIES
  return (
    <fieldset className="builder-section">
      <legend>Data</legend>
      <div className="builder-grid">
        <Field name="type" label="Widget type">
          {(control) => (
            <select {...control} value={values.type} onChange={(event) => change({ type: event.target.value as WidgetType })}>
              {WIDGET_TYPES.map((type) => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="entity" label="Counts">
          {(control) => (
            <select {...control} value={values.entity} onChange={(event) => change({ entity: event.target.value as WidgetEntity })}>
              {entities.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {ENTITY_LABELS[candidate]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {values.entity === 'history' && (
          <>
            <Field name="series" label="History series">
              {(control) => (
                <select {...control} value={values.series ?? ''} onChange={(event) => {
                    const series = event.target.value as HistorySeries
                    form.setValue('series', series, { shouldDirty: true })
                    // Only a state series (compliance, missing) has a value "N days ago" to compare with.
                    if (!(COMPARABLE_SERIES as readonly string[]).includes(series)) form.setValue('comparisonDaysAgo', null)
                  }}>
                  {SERIES_FOR_TYPE[values.type].map((series) => (
                    <option key={series} value={series}>
                      {SERIES_LABELS[series]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="days" label="Days of history">
              {(control) => <input {...control} type="number" min={1} max={366} {...form.register('days', { valueAsNumber: true })} />}
            </Field>
          </>
        )}
      </div>
      <Field
        name="query"
        label={values.entity === 'history' ? 'Whose history (assets query)' : 'Query (QQL)'}
        hint={values.tokenVersion < CURRENT_TOKEN_VERSION ? `Written for token version ${values.tokenVersion}; rebuild it to use the current tokens.` : 'Empty: every row in your scope. Ctrl+Space lists tokens.'}
      >
        {(control) => (
          <div className="builder-qql" aria-invalid={control['aria-invalid']} aria-describedby={control['aria-describedby']}>
            <QqlEditor
              id={control.id}
              entity={entity}
              version={values.tokenVersion}
              value={values.query}
              onChange={(query) => form.setValue('query', query, { shouldDirty: true, shouldValidate: form.formState.errors.query !== undefined })}
              // Enter keeps the dialog open: the preview already follows the text.
              onSubmit={() => undefined}
              lookUpValues={lookUpValues}
              label="Widget query"
              placeholder={values.entity === 'findings' ? 'status: Missing AND patch.vendorSeverity: Critical' : 'osFamily: Windows'}
            />
          </div>
        )}
      </Field>
    </fieldset>
  )
}
