'use client'
// How a widget groups and counts: group-by token (dates bucketed by day/week/month), stack-by with its own top N, metric, top N, sort and "Other".
import { useFormContext } from 'react-hook-form'
import { Field, SelectField } from '@/components/ui/form/Field'
import { MAX_STACK_LIMIT } from '@/widgets/bar/schema'
import { DATE_BUCKETS, MAX_LIMIT, SORTS, type GroupBy } from '@/widgets/schema'
import { groupChoices, groupOf, groupsBy, SORT_LABELS, type BuilderValues } from './form-model'
import { MetricControl } from './MetricControl'

function GroupControl({ path, label, optional }: { path: 'groupBy' | 'stackBy'; label: string; optional: boolean }) {
  const form = useFormContext<BuilderValues>()
  const values = form.watch()
  const group = values[path]
  const choices = groupChoices(values.entity, values.tokenVersion).filter((token) => values.type !== 'line' || path !== 'groupBy' || token.type === 'date')
  const chosen = choices.find((token) => token.name === group?.token)
  const set = (next: GroupBy | null) => form.setValue(path, next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
  return (
    <>
      <Field name={path} label={label} hint={chosen?.description}>
        {(control) => (
          <select {...control} value={group?.token ?? ''} onChange={(event) => set(groupOf(values.entity, event.target.value, values.tokenVersion))}>
            {optional && <option value="">(none)</option>}
            {group !== null && chosen === undefined && <option value={group.token}>{group.token} (not groupable here)</option>}
            {choices.map((token) => (
              <option key={token.name} value={token.name}>
                {token.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen?.type === 'date' && group !== null && (
        <Field name={`${path}.bucket`} label="Bucket">
          {(control) => (
            <select {...control} value={group.bucket ?? ''} onChange={(event) => set({ ...group, bucket: event.target.value as GroupBy['bucket'] })}>
              {DATE_BUCKETS.map((bucket) => (
                <option key={bucket} value={bucket}>
                  by {bucket}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  )
}

export function GroupSection() {
  const form = useFormContext<BuilderValues>()
  const values = form.watch()
  const listSource = values.entity !== 'history'
  const grouped = listSource && groupsBy(values.type)
  return (
    <fieldset className="builder-section">
      <legend>Grouping and metric</legend>
      <div className="builder-grid">
        {grouped && <GroupControl path="groupBy" label={values.type === 'line' ? 'Over time (date token)' : 'Group by'} optional={false} />}
        {grouped && values.type === 'bar' && <GroupControl path="stackBy" label="Stack by" optional />}
        {grouped && values.type === 'bar' && values.stackBy !== null && (
          <Field name="stackLimit" label="Stack segments shown (top N)" hint="The largest stack values across the chart; the rest of each bar is one “Other” segment.">
            {(control) => <input {...control} type="number" min={1} max={MAX_STACK_LIMIT} {...form.register('stackLimit', { valueAsNumber: true })} />}
          </Field>
        )}
        {listSource && <MetricControl path="metric" label="Metric" />}
        {grouped && (
          <>
            <Field name="limit" label="Groups shown (top N)">
              {(control) => <input {...control} type="number" min={1} max={MAX_LIMIT} {...form.register('limit', { valueAsNumber: true })} />}
            </Field>
            <SelectField name="sort" label="Sort" options={SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))} />
            {values.type !== 'multiSeries' && (
              <label className="checkbox builder-checkbox">
                <input type="checkbox" {...form.register('other')} /> Gather the rest into “Other”
              </label>
            )}
          </>
        )}
      </div>
      {!listSource && <p className="field-hint">A history series brings its own grouping (days, severities or Patch Tuesday cycles).</p>}
    </fieldset>
  )
}
