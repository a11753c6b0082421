'use client'
// One metric of a widget (its value, or a table column's): count, distinct count of a token, ratio % of a QQL clause, or a statistic of a number.
import { useFormContext } from 'react-hook-form'
import { Field } from '@/components/ui/form/Field'
import { QqlEditor } from '@/components/qql-editor/QqlEditor'
import type { Metric } from '@/widgets/schema'
import { queryEntity } from '@/widgets/shared/tokens'
import { distinctChoices, measureChoices, METRIC_LABELS, metricKindsFor, type BuilderValues } from './form-model'

type MetricPath = 'metric' | `columns.${number}.metric`

/** The metric a kind starts with: the first token or measure the entity offers. */
function metricOf(kind: Metric['kind'], values: BuilderValues): Metric {
  switch (kind) {
    case 'count':
      return { kind }
    case 'distinctCount':
      return { kind, token: distinctChoices(values.entity, values.tokenVersion)[0]?.name ?? '' }
    case 'ratio':
      return { kind, numerator: '' }
    default:
      return { kind, measure: measureChoices(values.entity, values.tokenVersion)[0]?.name ?? '' }
  }
}

export function MetricControl({ path, label }: { path: MetricPath; label: string }) {
  const form = useFormContext<BuilderValues>()
  const values = form.watch()
  const metric = form.watch(path) as Metric
  const set = (next: Metric) => {
    form.setValue(path, next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
    // "812 of 2,000 = 41 %" needs a ratio; its control goes away with it, so its value must too.
    if (path === 'metric' && next.kind !== 'ratio' && values.representation === 'ratio') form.setValue('representation', 'number')
  }
  const entity = queryEntity(values.entity)
  return (
    <div className="builder-metric">
      <Field name={path} label={label}>
        {(control) => (
          <select {...control} value={metric.kind} onChange={(event) => set(metricOf(event.target.value as Metric['kind'], values))}>
            {metricKindsFor(values.type).map((kind) => (
              <option key={kind} value={kind}>
                {METRIC_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {metric.kind === 'distinctCount' && (
        <Field name={`${path}.token`} label="Distinct values of">
          {(control) => (
            <select {...control} value={metric.token} onChange={(event) => set({ kind: 'distinctCount', token: event.target.value })}>
              {distinctChoices(values.entity, values.tokenVersion).map((token) => (
                <option key={token.name} value={token.name} title={token.description}>
                  {token.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {(metric.kind === 'avg' || metric.kind === 'median' || metric.kind === 'p90') && (
        <Field name={`${path}.measure`} label="Of the number">
          {(control) => (
            <select {...control} value={metric.measure} onChange={(event) => set({ kind: metric.kind, measure: event.target.value })}>
              {measureChoices(values.entity, values.tokenVersion).map((measure) => (
                <option key={measure.name} value={measure.name}>
                  {measure.name} — {measure.description}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {metric.kind === 'ratio' && (
        <Field name={`${path}.numerator`} label="Share of rows that also match" hint="A QQL clause; the widget shows matching ÷ all rows, in %.">
          {(control) => (
            <div className="builder-qql" aria-invalid={control['aria-invalid']}>
              <QqlEditor
                id={control.id}
                entity={entity}
                version={values.tokenVersion}
                value={metric.numerator}
                onChange={(numerator) => set({ kind: 'ratio', numerator })}
                onSubmit={() => undefined}
                label={`${label}: ratio numerator query`}
                placeholder="missingCriticalCount > 0"
              />
            </div>
          )}
        </Field>
      )}
    </div>
  )
}
