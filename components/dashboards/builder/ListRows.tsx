'use client'
// Rows the builder adds and removes: the series queries of a multi-series chart, and a table's extra metric columns.
import { useFormContext } from 'react-hook-form'
import { QqlEditor } from '@/components/qql-editor/QqlEditor'
import { Field } from '@/components/ui/form/Field'
import { queryEntity } from '@/widgets/shared/tokens'
import type { BuilderValues } from './form-model'
import { MetricControl } from './MetricControl'

export function SeriesQueries() {
  const form = useFormContext<BuilderValues>()
  const values = form.watch()
  const rows = values.seriesQueries
  const set = (next: BuilderValues['seriesQueries']) => form.setValue('seriesQueries', next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
  return (
    <fieldset className="builder-section">
      <legend>Series</legend>
      <p className="field-hint">Each series is a query ANDed with the widget query, drawn over the same groups.</p>
      {rows.map((row, index) => (
        <div key={index} className="builder-series">
          <Field name={`seriesQueries.${index}.label`} label={`Series ${index + 1} label`}>
            {(control) => <input {...control} value={row.label} onChange={(event) => set(rows.map((other, at) => (at === index ? { ...other, label: event.target.value } : other)))} />}
          </Field>
          <Field name={`seriesQueries.${index}.query`} label={`Series ${index + 1} query`}>
            {(control) => (
              <div className="builder-qql" aria-invalid={control['aria-invalid']}>
                <QqlEditor
                  id={control.id}
                  entity={queryEntity(values.entity)}
                  version={values.tokenVersion}
                  value={row.query}
                  onChange={(query) => set(rows.map((other, at) => (at === index ? { ...other, query } : other)))}
                  onSubmit={() => undefined}
                  label={`Series ${index + 1} query`}
                />
              </div>
            )}
          </Field>
          <button type="button" className="secondary small" disabled={rows.length === 1} onClick={() => set(rows.filter((_, at) => at !== index))}>
            Remove series {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className="secondary small" disabled={rows.length >= 8} onClick={() => set([...rows, { label: `Series ${rows.length + 1}`, query: '' }])}>
        Add series
      </button>
    </fieldset>
  )
}

export function TableColumns() {
  const form = useFormContext<BuilderValues>()
  const columns = form.watch('columns')
  const set = (next: BuilderValues['columns']) => form.setValue('columns', next, { shouldDirty: true })
  return (
    <fieldset className="builder-section">
      <legend>Columns</legend>
      <Field name="metricLabel" label="Heading of the metric column">
        {(control) => <input {...control} {...form.register('metricLabel')} />}
      </Field>
      {columns.map((column, index) => (
        <div key={index} className="builder-series">
          <Field name={`columns.${index}.label`} label={`Column ${index + 2} heading`}>
            {(control) => <input {...control} value={column.label} onChange={(event) => set(columns.map((other, at) => (at === index ? { ...other, label: event.target.value } : other)))} />}
          </Field>
          <MetricControl path={`columns.${index}.metric`} label={`Column ${index + 2} metric`} />
          <button type="button" className="secondary small" onClick={() => set(columns.filter((_, at) => at !== index))}>
            Remove column {index + 2}
          </button>
        </div>
      ))}
      <button type="button" className="secondary small" disabled={columns.length >= 5} onClick={() => set([...columns, { label: `Column ${columns.length + 2}`, metric: { kind: 'count' } }])}>
        Add column
      </button>
    </fieldset>
  )
}
