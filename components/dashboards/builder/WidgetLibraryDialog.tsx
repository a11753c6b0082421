'use client'
// The widget library: every default widget and the library's ready widgets, each added to the dashboard with one click (a copy, new id).
import { Dialog } from '@/components/ui/Dialog'
import { DEFAULT_WIDGETS, WIDGET_LIBRARY } from '@/widgets/defaults'
import type { Widget } from '@/widgets/schema'
import { ENTITY_LABELS, SERIES_LABELS, TYPE_LABELS } from './form-model'
import { newWidgetId } from './ids'
import './builder.css'

interface Props {
  open: boolean
  onOpenChange: (open: boolean) => void
  onAdd: (widget: Widget) => void
}

/** A widget's own description, or one read from what it counts. */
export function describeWidget(widget: Widget): string {
  if (widget.description !== '') return widget.description
  const source = widget.entity === 'history' && widget.series !== null ? SERIES_LABELS[widget.series] : ENTITY_LABELS[widget.entity]
  const where = widget.query.trim() === '' ? '' : ` where ${widget.query}`
  const grouped = widget.groupBy === null ? '' : `, by ${widget.groupBy.token}${widget.groupBy.bucket ? ` per ${widget.groupBy.bucket}` : ''}`
  const metric = widget.metric
  const measured =
    metric.kind === 'count'
      ? ''
      : metric.kind === 'distinctCount'
        ? `, counting distinct ${metric.token}`
        : metric.kind === 'ratio'
          ? `: the share matching ${metric.numerator}`
          : `: ${{ avg: 'average', median: 'median', p90: '90th percentile' }[metric.kind]} of ${metric.measure}`
  return `${source}${where}${grouped}${measured}.`
}

const SECTIONS = [
  { heading: 'From the Patch Management dashboard', widgets: Object.values(DEFAULT_WIDGETS) as Widget[] },
  { heading: 'More ready widgets', widgets: WIDGET_LIBRARY },
]

export function WidgetLibraryDialog({ open, onOpenChange, onAdd }: Props) {
  return (
    <Dialog title="Widget library" description="Ready widgets: each is added to this dashboard as your own copy, which you can then edit." open={open} onOpenChange={onOpenChange} wide>
      <div className="widget-library-sections">
        {SECTIONS.map((section) => (
          <section key={section.heading} aria-label={section.heading}>
            <h3 className="widget-library-section">{section.heading}</h3>
            <ul className="widget-library">
              {section.widgets.map((widget) => (
                <li key={widget.id}>
                  <span className="widget-library-kind">{TYPE_LABELS[widget.type]}</span>
                  <h4>{widget.title}</h4>
                  <p>{describeWidget(widget)}</p>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => {
                      onAdd({ ...widget, id: newWidgetId() })
                      onOpenChange(false)
                    }}
                  >
                    Add<span className="visually-hidden"> {widget.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
