'use client'
// The grid's "Columns" popover: show or hide each column and move it earlier or later; remembered per user and table.
import type { GridColumn } from './columns'
import type { GridLayout } from './layout'
import { Popover } from '../Popover'

interface Props {
  columns: GridColumn[]
  /** Column ids in their current order. */
  order: string[]
  layout: GridLayout
  onChange: (layout: GridLayout) => void
}

export function ColumnMenu({ columns, order, layout, onChange }: Props) {
  const byId = new Map(columns.map((column) => [column.id, column]))
  const visibleCount = order.filter((id) => !layout.hidden.includes(id)).length

  function toggle(id: string, visible: boolean) {
    onChange({ ...layout, hidden: visible ? layout.hidden.filter((hidden) => hidden !== id) : [...layout.hidden, id] })
  }

  function move(index: number, by: -1 | 1) {
    const next = [...order]
    ;[next[index], next[index + by]] = [next[index + by], next[index]]
    onChange({ ...layout, order: next })
  }

  return (
    <Popover label="Columns" trigger="Columns">
      <div className="column-menu" role="group" aria-label="Columns shown">
        {order.map((id, index) => {
          const column = byId.get(id)
          if (!column) return null
          const visible = !layout.hidden.includes(id)
          return (
            <div key={id} className="column-menu-row">
              <label>
                <input
                  type="checkbox"
                  checked={visible}
                  // The last visible column and the always-shown ones stay.
                  disabled={column.hideable === false || (visible && visibleCount === 1)}
                  onChange={(event) => toggle(id, event.target.checked)}
                />
                {column.header}
              </label>
              <button type="button" className="secondary small" aria-label={`Move ${column.header} earlier`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </button>
              <button type="button" className="secondary small" aria-label={`Move ${column.header} later`} disabled={index === order.length - 1} onClick={() => move(index, 1)}>
                ↓
              </button>
            </div>
          )
        })}
        <button type="button" className="link" onClick={() => onChange({ hidden: [], order: [] })}>
          Reset columns
        </button>
      </div>
    </Popover>
  )
}
