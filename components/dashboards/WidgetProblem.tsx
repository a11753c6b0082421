'use client'
// The card body of a widget that has no data to show: what is wrong, in words, and Rebuild where a rebuild helps.
import type { ReactNode } from 'react'
import type { WidgetResult } from '@/widgets/result'

type Problem = Exclude<WidgetResult, { status: 'ok' }>

const HEADLINES: Record<Problem['status'], string> = {
  needsRebuild: 'Written for an older token version: rebuild it to show data.',
  broken: 'This widget cannot be rebuilt automatically.',
  invalid: 'This widget’s query does not work.',
  failed: 'The database refused this widget’s query.',
}

export function WidgetProblem({ result, rebuild }: { result: Problem; rebuild?: ReactNode }) {
  const details =
    result.status === 'needsRebuild' || result.status === 'broken'
      ? result.reasons.map((reason) => (reason.to ? `${reason.message} (${reason.from} → ${reason.to})` : reason.message))
      : result.status === 'invalid'
        ? result.problems.map((problem) => problem.message)
        : [result.message]
  return (
    <div className="widget-problem" role="note" data-testid="widget-problem" data-status={result.status}>
      <p className="widget-problem-headline">{HEADLINES[result.status]}</p>
      <ul className="widget-problem-reasons">
        {details.map((detail, index) => (
          <li key={index}>{detail}</li>
        ))}
      </ul>
      {(result.status === 'needsRebuild' || result.status === 'broken') && rebuild}
    </div>
  )
}
