'use client'
// The columns of an export: one checkbox per column of the registry, with its readable header, in the registry's order.

interface Props {
  columns: readonly { id: string; header: string; default: boolean }[]
  chosen: readonly string[]
  onChange: (ids: string[]) => void
}

export function ColumnPicker({ columns, chosen, onChange }: Props) {
  const inOrder = (ids: Set<string>) => columns.filter((column) => ids.has(column.id)).map((column) => column.id)
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen)
    if (on) next.add(id)
    else next.delete(id)
    onChange(inOrder(next))
  }
  return (
    <fieldset className="export-columns">
      <legend>
        Columns <span className="field-hint">({chosen.length} of {columns.length}; remembered for this list)</span>
      </legend>
      <div className="export-column-actions">
        <button type="button" className="link" onClick={() => onChange(columns.map((column) => column.id))}>
          All
        </button>
        <button type="button" className="link" onClick={() => onChange(columns.filter((column) => column.default).map((column) => column.id))}>
          Defaults
        </button>
      </div>
      <div className="export-column-list">
        {columns.map((column) => (
          <label key={column.id} className="inline">
            <input type="checkbox" checked={chosen.includes(column.id)} onChange={(event) => toggle(column.id, event.target.checked)} />
            {column.header}
          </label>
        ))}
      </div>
      {chosen.length === 0 && <p className="field-error">Choose at least one column.</p>}
    </fieldset>
  )
}
