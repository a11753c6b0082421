'use client'
// Colours of a widget: a colour per group value (bars, slices, series) or, for a count, thresholds as sorted colour steps.
import { useId, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import type { Thresholds } from '@/widgets/schema'
import { groupChoices, STOCK_COLORS, STOCK_THRESHOLDS, type BuilderValues } from './form-model'

const stockColor = (index: number) => STOCK_COLORS[index % STOCK_COLORS.length]

/** Group value → colour rows; values of an enum or boolean group-by are offered, any other value can be typed. */
export function GroupColors() {
  const form = useFormContext<BuilderValues>()
  const values = form.watch()
  const colors = values.display.colors
  const [draft, setDraft] = useState('')
  const listId = useId()
  const token = groupChoices(values.entity, values.tokenVersion).find((candidate) => candidate.name === values.groupBy?.token)
  const suggestions = (token?.values ?? []).filter((value) => !(value in colors))
  const set = (next: Record<string, string>) => form.setValue('display.colors', next, { shouldDirty: true })
  const add = () => {
    const key = draft.trim()
    if (key === '' || key in colors) return
    set({ ...colors, [key]: stockColor(Object.keys(colors).length) })
    setDraft('')
  }
  return (
    <fieldset className="builder-colors">
      <legend>Colours of groups</legend>
      <p className="field-hint">Groups without a colour take the chart palette.</p>
      {Object.entries(colors).map(([key, color]) => (
        <div key={key} className="builder-row">
          <input type="color" value={color} aria-label={`Colour of ${key || '(none)'}`} onChange={(event) => set({ ...colors, [key]: event.target.value })} />
          <span className="builder-row-label">{key || '(none)'}</span>
          <button
            type="button"
            className="secondary small"
            aria-label={`Remove the colour of ${key || '(none)'}`}
            onClick={() => set(Object.fromEntries(Object.entries(colors).filter(([other]) => other !== key)))}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="builder-row">
        <input aria-label="Group value" list={listId} value={draft} placeholder="Group value, e.g. Critical" onChange={(event) => setDraft(event.target.value)} />
        <datalist id={listId}>
          {suggestions.map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
        <button type="button" className="secondary small" onClick={add} disabled={draft.trim() === ''}>
          Add colour
        </button>
      </div>
    </fieldset>
  )
}

/** Thresholds: the base colour below the first step, each step's colour from its value up; kept sorted by value. */
export function ThresholdSteps() {
  const form = useFormContext<BuilderValues>()
  const thresholds = form.watch('display.thresholds')
  const set = (next: Thresholds | null) => form.setValue('display.thresholds', next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
  const sortSteps = (steps: Thresholds['steps']) => [...steps].sort((a, b) => a.from - b.from)
  return (
    <fieldset className="builder-colors">
      <legend>Threshold colours</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={thresholds !== null}
          onChange={(event) => set(event.target.checked ? { base: STOCK_THRESHOLDS.base, steps: STOCK_THRESHOLDS.steps.map((step) => ({ ...step })) } : null)}
        />
        Colour the number by its value
      </label>
      {thresholds !== null && (
        <>
          <div className="builder-row">
            <input type="color" value={thresholds.base} aria-label="Base colour" onChange={(event) => set({ ...thresholds, base: event.target.value })} />
            <span className="builder-row-label">Below the first step</span>
          </div>
          {thresholds.steps.map((step, index) => (
            <div key={index} className="builder-row">
              <input
                type="color"
                value={step.color}
                aria-label={`Colour of step ${index + 1}`}
                onChange={(event) => set({ ...thresholds, steps: thresholds.steps.map((other, at) => (at === index ? { ...other, color: event.target.value } : other)) })}
              />
              <label className="builder-row-label">
                from{' '}
                <input
                  type="number"
                  aria-label={`Value of step ${index + 1}`}
                  value={Number.isFinite(step.from) ? step.from : ''}
                  onChange={(event) => set({ ...thresholds, steps: thresholds.steps.map((other, at) => (at === index ? { ...other, from: event.target.valueAsNumber } : other)) })}
                  onBlur={() => set({ ...thresholds, steps: sortSteps(thresholds.steps) })}
                />
              </label>
              <button type="button" className="secondary small" aria-label={`Remove step ${index + 1}`} onClick={() => set({ ...thresholds, steps: thresholds.steps.filter((_, at) => at !== index) })}>
                Remove
              </button>
            </div>
          ))}
          {form.formState.errors.display?.thresholds && <span className="field-error">Each step needs a value and a colour.</span>}
          <button
            type="button"
            className="secondary small"
            disabled={thresholds.steps.length >= 10}
            onClick={() => {
              const last = thresholds.steps.at(-1)?.from ?? 0
              set({ ...thresholds, steps: sortSteps([...thresholds.steps, { from: last + 10, color: stockColor(thresholds.steps.length + 1) }]) })
            }}
          >
            Add step
          </button>
        </>
      )}
    </fieldset>
  )
}
