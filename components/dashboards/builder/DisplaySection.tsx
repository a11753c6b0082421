'use client'
// How a widget is named and looks: title, description, unit, the type's own options, and its colours (per group, or threshold steps for a count).
import { useFormContext } from 'react-hook-form'
import { Field, SelectField, TextField } from '@/components/ui/form/Field'
import { canCompare } from '@/widgets/count/schema'
import { GroupColors, ThresholdSteps } from './ColorControls'
import type { BuilderValues } from './form-model'
import { SeriesQueries, TableColumns } from './ListRows'

const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value)

function TypeOptions() {
  const form = useFormContext<BuilderValues>()
  const values = form.watch()
  switch (values.type) {
    case 'count':
      return (
        <>
          {values.metric.kind === 'ratio' && (
            <SelectField name="representation" label="Show" options={[{ value: 'number', label: 'The percentage' }, { value: 'ratio', label: '“812 of 2,000 = 41 %”' }]} />
          )}
          {canCompare(values) && (
            <>
              <Field name="comparisonDaysAgo" label="Compare with days ago" hint="Empty: no comparison. The value at the end of that day, from the history.">
                {(control) => (
                  <input {...control} type="number" min={1} max={365} {...form.register('comparisonDaysAgo', { setValueAs: (value) => (value === '' || value === null ? null : Number(value)) })} />
                )}
              </Field>
              <label className="checkbox builder-checkbox">
                <input type="checkbox" {...form.register('increaseIsGood')} /> An increase is good (green)
              </label>
            </>
          )}
        </>
      )
    case 'bar':
      return <SelectField name="orientation" label="Bars" options={[{ value: 'vertical', label: 'Vertical columns' }, { value: 'horizontal', label: 'Horizontal bars' }]} />
    case 'pie':
      return (
        <label className="checkbox builder-checkbox">
          <input type="checkbox" {...form.register('donut')} /> Donut
        </label>
      )
    case 'line':
      return (
        <label className="checkbox builder-checkbox">
          <input type="checkbox" {...form.register('area')} /> Fill the area under the line
        </label>
      )
    case 'multiSeries':
      return <SelectField name="chart" label="Chart" options={[{ value: 'bar', label: 'Bars' }, { value: 'line', label: 'Lines' }]} />
    case 'table':
      return null
  }
}

/** The widget's name and what it means (the card's title and its ⓘ), asked first. */
export function NameSection() {
  const form = useFormContext<BuilderValues>()
  return (
    <fieldset className="builder-section">
      <legend>Widget</legend>
      <TextField name="title" label="Title" autoComplete="off" placeholder="e.g. Missing critical patches by OS" />
      <Field name="description" label="Description" hint="Shown with the title; say what the number means.">
        {(control) => <textarea {...control} rows={2} {...form.register('description')} />}
      </Field>
    </fieldset>
  )
}

export function DisplaySection() {
  const form = useFormContext<BuilderValues>()
  const type = form.watch('type')
  const entity = form.watch('entity')
  return (
    <>
      {type === 'multiSeries' && <SeriesQueries />}
      {type === 'table' && entity !== 'history' && <TableColumns />}
      <fieldset className="builder-section">
        <legend>Display</legend>
        <div className="builder-grid">
          <Field name="display.unit" label="Unit" hint="After each value, e.g. assets, days, %.">
            {(control) => <input {...control} {...form.register('display.unit', { setValueAs: emptyToNull })} />}
          </Field>
          <TypeOptions />
        </div>
        {type === 'count' ? <ThresholdSteps /> : type !== 'table' && <GroupColors />}
      </fieldset>
    </>
  )
}
