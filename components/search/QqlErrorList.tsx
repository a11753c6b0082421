// Query errors shown as the query with a caret under each problem's position, then the message.
import type { QqlError } from '@/lib/qql'

export function QqlErrorList({ query, errors }: { query: string; errors: QqlError[] }) {
  if (errors.length === 0) return null
  return (
    <div className="qql-errors" role="alert" aria-label="Query errors">
      {errors.map((error, index) => (
        <div key={index} className="qql-error">
          <pre className="qql-caret">
            {query}
            {'\n'}
            {' '.repeat(Math.min(error.start, query.length))}
            {'^'.repeat(Math.max(1, error.end - error.start))}
          </pre>
          <div>{error.message}</div>
        </div>
      ))}
    </div>
  )
}
