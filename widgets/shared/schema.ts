// The parts every widget config shares: data source (entity + QQL), group-by, metric, sort, display; zod is the source of types.
import { z } from 'zod'
import { CURRENT_TOKEN_VERSION, MAX_QUERY_LENGTH, TOKEN_VERSIONS } from '@/lib/qql/browser'

/** Entities a widget can read: the three lists, or a history series computed from scans, events and job results. */
export const WIDGET_ENTITIES = ['assets', 'patches', 'findings', 'history'] as const
export type WidgetEntity = (typeof WIDGET_ENTITIES)[number]
export type ListEntity = Exclude<WidgetEntity, 'history'>

/**
 * History series (widgets/history/query.ts). `compliance`: installed ÷ applicable findings per day, in %;
 * `missingBySeverity`: missing findings per day per vendor severity; `timeToPatch`: mean / median days from first seen
 * missing to installed, per severity; `publishedVsInstalled`: patches published and installs per Patch Tuesday cycle;
 * `failedInstalls`: failed per-patch outcomes of job results per day.
 */
export const HISTORY_SERIES = ['compliance', 'missingBySeverity', 'timeToPatch', 'publishedVsInstalled', 'failedInstalls'] as const
export type HistorySeries = (typeof HISTORY_SERIES)[number]

export const DATE_BUCKETS = ['day', 'week', 'month'] as const
export const SORTS = ['value-desc', 'value-asc', 'key-asc', 'key-desc'] as const
export const MAX_LIMIT = 100

const nullToUndefined = (value: unknown) => (value === null ? undefined : value)
/** An optional field: JSON null means absent (the project's convention), then the default applies. */
export const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) => z.preprocess(nullToUndefined, schema.default(fallback as never))

export const qqlText = z.string().max(MAX_QUERY_LENGTH, `a query is at most ${MAX_QUERY_LENGTH} characters`)
export const tokenName = z.string().min(1, 'name a token').max(200)
export const tokenVersionSchema = z
  .number()
  .int()
  .refine((version) => (TOKEN_VERSIONS as readonly number[]).includes(version), { message: `token version must be one of ${TOKEN_VERSIONS.join(', ')}` })
export const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')

export const groupBySchema = z.object({
  /** A non-array keyword, enum, boolean, text or date token of the entity, at the widget's token version. */
  token: tokenName,
  /** Date tokens only: bucket by day, ISO week (Monday) or month in the viewer's time zone. */
  bucket: withDefault(z.enum(DATE_BUCKETS).nullable(), null),
})
export type GroupBy = z.infer<typeof groupBySchema>

/**
 * What a widget counts per group: rows of its entity (`count`), distinct values of a token, the share of rows that
 * also match a QQL clause (`ratio`, in %), or a statistic of a numeric measure (widgets/shared/measures.ts).
 */
export const metricSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count') }),
  z.object({ kind: z.literal('distinctCount'), token: tokenName }),
  z.object({ kind: z.literal('ratio'), numerator: qqlText.min(1, 'a ratio needs the query of its numerator') }),
  z.object({ kind: z.enum(['avg', 'median', 'p90']), measure: z.string().min(1).max(100) }),
])
export type Metric = z.infer<typeof metricSchema>

/** Sorted colour steps (Grafana's thresholds): `base` below the first step, each step's colour from its value up. */
export const thresholdsSchema = z.object({
  base: color,
  steps: z
    .array(z.object({ from: z.number().finite(), color }))
    .max(10)
    .transform((steps) => [...steps].sort((a, b) => a.from - b.from)),
})
export type Thresholds = z.infer<typeof thresholdsSchema>

export const displaySchema = z.object({
  /** Shown after values, e.g. `%` or `days`. */
  unit: withDefault(z.string().max(20).nullable(), null),
  /** Colour per group value (e.g. `Critical` → red); other groups take the palette. */
  colors: withDefault(z.record(z.string().max(200), color), {}),
  thresholds: withDefault(thresholdsSchema.nullable(), null),
})
export type Display = z.infer<typeof displaySchema>

/** Fields of every widget: identity, the data it reads, and how it looks. */
export const widgetBaseShape = {
  id: z.uuid(),
  title: z.string().trim().min(1, 'a widget needs a title').max(200),
  description: withDefault(z.string().max(2000), ''),
  entity: z.enum(WIDGET_ENTITIES),
  /** Assets, patches or findings QQL; for history, an assets query choosing whose history counts. */
  query: withDefault(qqlText, ''),
  /** The token-schema version `query` and the token names were written against. */
  tokenVersion: withDefault(tokenVersionSchema, CURRENT_TOKEN_VERSION),
  /** Required when `entity` is `history`, absent otherwise. */
  series: withDefault(z.enum(HISTORY_SERIES).nullable(), null),
  /** History window in days (day series: that many days ending today; cycles: those starting within it). */
  days: withDefault(z.number().int().min(1).max(366), 30),
  groupBy: withDefault(groupBySchema.nullable(), null),
  metric: withDefault(metricSchema, { kind: 'count' }),
  /** Groups shown (top N by the sort). */
  limit: withDefault(z.number().int().min(1).max(MAX_LIMIT), 10),
  sort: withDefault(z.enum(SORTS), 'value-desc'),
  /** Gather the groups past `limit` into one "Other" bucket. */
  other: withDefault(z.boolean(), false),
  display: withDefault(displaySchema, { unit: null, colors: {}, thresholds: null }),
}

type BaseFields = { entity: WidgetEntity; series: HistorySeries | null; groupBy: GroupBy | null }

/** The source rules every type shares: history needs a series and takes no group-by; the lists take no series. */
export function checkSource(widget: BaseFields, ctx: z.RefinementCtx, options: { groupBy: 'required' | 'optional' | 'none'; series?: readonly HistorySeries[] }): void {
  if (widget.entity === 'history') {
    if (widget.series === null) ctx.addIssue({ code: 'custom', path: ['series'], message: 'a history widget names its series' })
    else if (options.series !== undefined && !options.series.includes(widget.series)) {
      ctx.addIssue({ code: 'custom', path: ['series'], message: `this widget type shows ${options.series.join(', ')}` })
    }
    if (widget.groupBy !== null) ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'a history series has its own grouping' })
    return
  }
  if (widget.series !== null) ctx.addIssue({ code: 'custom', path: ['series'], message: 'only history widgets have a series' })
  if (options.groupBy === 'required' && widget.groupBy === null) ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'this widget type groups by a token' })
  if (options.groupBy === 'none' && widget.groupBy !== null) ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'this widget type shows one value' })
}
