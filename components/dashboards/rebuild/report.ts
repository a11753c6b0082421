// The rebuild API's answer as the browser reads it (POST /api/v1/dashboards/{id}/rebuild and /dashboards/rebuild, docs/dashboards.md),
// and a word diff that makes a query's before/after readable.
import { countOf } from '@/lib/format'
import type { DashboardRebuildReport, WidgetRebuildReport } from '@/lib/services/dashboards-data'
import type { Widget } from '@/widgets/schema'

/** The API's own types (the service defines them; components import them as types only). */
export type { DashboardRebuildReport }
export type WidgetRebuildLine = WidgetRebuildReport

export function rebuildCounts(widgets: readonly WidgetRebuildLine[]) {
  return {
    rebuilt: widgets.filter((line) => line.outcome === 'rebuilt').length,
    unchanged: widgets.filter((line) => line.outcome === 'unchanged').length,
    notRebuildable: widgets.filter((line) => line.outcome === 'notRebuildable').length,
  }
}

export function countsText(counts: ReturnType<typeof rebuildCounts>): string {
  return `${countOf(counts.rebuilt, 'widget')} rebuilt, ${counts.unchanged} unchanged, ${counts.notRebuildable} not rebuildable`
}

export interface DiffPart {
  text: string
  kind: 'same' | 'removed' | 'added'
}

/** Words and the spaces between them, so the diff keeps the query's own spacing. */
const words = (text: string) => text.match(/\s+|[^\s]+/g) ?? []

/** A word-level diff of two texts (longest common subsequence; queries are short): the parts of `before` and of `after`. */
export function wordDiff(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  const a = words(before)
  const b = words(after)
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1])
  const left: DiffPart[] = []
  const right: DiffPart[] = []
  const push = (parts: DiffPart[], text: string, kind: DiffPart['kind']) => {
    const last = parts.at(-1)
    if (last?.kind === kind) last.text += text
    else parts.push({ text, kind })
  }
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(left, a[i++], 'same')
      push(right, b[j++], 'same')
    } else if (j < b.length && (i === a.length || lengths[i][j + 1] >= lengths[i + 1][j])) push(right, b[j++], 'added')
    else push(left, a[i++], 'removed')
  }
  return { before: left, after: right }
}

/** What a rebuilt widget changed besides its query: group-by, stack-by, metric token (each "before → after"). */
export function fieldChanges(before: Widget, after: Widget): { label: string; before: string; after: string }[] {
  const out: { label: string; before: string; after: string }[] = []
  const compare = (label: string, x: string | undefined, y: string | undefined) => {
    if ((x ?? '') !== (y ?? '')) out.push({ label, before: x ?? '(none)', after: y ?? '(none)' })
  }
  compare('Group by', before.groupBy?.token, after.groupBy?.token)
  if (before.type === 'bar' && after.type === 'bar') compare('Stack by', before.stackBy?.token, after.stackBy?.token)
  const metricText = (widget: Widget) => {
    const metric = widget.metric
    return metric.kind === 'distinctCount' ? metric.token : metric.kind === 'ratio' ? metric.numerator : metric.kind === 'count' ? 'count' : metric.measure
  }
  compare('Metric', metricText(before), metricText(after))
  return out
}
