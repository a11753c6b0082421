// Diagnostics of a QQL box while typing: the parser's and resolver's errors and warnings, underlined where they are.
import { linter, type Diagnostic } from '@codemirror/lint'
import { parseQql, type Entity } from '@/lib/qql/browser'

/** Errors and warnings as CodeMirror diagnostics; "something is missing here" (start = end) marks that point. */
export function qqlDiagnostics(text: string, entity: Entity, version: number): Diagnostic[] {
  const { errors, warnings } = parseQql(text, { entity, version })
  const clamp = (offset: number) => Math.max(0, Math.min(offset, text.length))
  const toDiagnostic = (severity: Diagnostic['severity']) => (problem: { message: string; start: number; end: number }): Diagnostic => ({
    from: clamp(problem.start),
    to: clamp(Math.max(problem.end, problem.start)),
    severity,
    message: problem.message,
  })
  return [...errors.map(toDiagnostic('error')), ...warnings.map(toDiagnostic('warning'))]
}

/** Checked in the browser on every pause in typing (no server round trip). */
export function qqlLinter(settings: () => { entity: Entity; version: number }) {
  return linter(
    (view) => {
      const { entity, version } = settings()
      return qqlDiagnostics(view.state.doc.toString(), entity, version)
    },
    { delay: 150 },
  )
}
