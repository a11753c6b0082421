'use client'
// Edit mode: Add widget, Widget library, Save / Discard for the whole draft, each card's menu (edit, duplicate, remove) and the draft changes they make.
import { DropdownMenu, MenuItem } from '@/components/ui/DropdownMenu'
import type { LayoutItem } from '@/widgets/dashboard'
import type { Widget } from '@/widgets/schema'
import { newWidgetId } from './builder/ids'
import { withWidget } from './layout'

export type WidgetChange = (change: (widgets: Widget[], layout: LayoutItem[]) => { widgets: Widget[]; layout: LayoutItem[] }) => void

interface ToolsProps {
  dirty: boolean
  saving: boolean
  onAdd: () => void
  onLibrary: () => void
  onSave: () => void
  onDiscard: () => void
}

export function EditTools({ dirty, saving, onAdd, onLibrary, onSave, onDiscard }: ToolsProps) {
  return (
    <>
      <button type="button" className="secondary" onClick={onAdd}>
        Add widget
      </button>
      <button type="button" className="secondary" onClick={onLibrary}>
        Widget library
      </button>
      <span className="dashboard-edit-hint">Drag a card by its title bar; resize it from its lower right corner.</span>
      <span className="dashboard-edit-actions">
        <button type="button" className="secondary" onClick={onDiscard} disabled={saving}>
          Discard changes
        </button>
        <button type="button" onClick={onSave} disabled={saving || !dirty} aria-busy={saving || undefined}>
          {saving ? 'Saving…' : 'Save dashboard'}
        </button>
      </span>
    </>
  )
}

export function WidgetEditMenu({ widget, onEdit, onChange }: { widget: Widget; onEdit: (widget: Widget) => void; onChange: WidgetChange }) {
  return (
    <DropdownMenu triggerClassName="secondary small widget-menu" trigger={<>Widget<span className="visually-hidden"> actions for {widget.title}</span></>}>
      <MenuItem onSelect={() => onEdit(widget)}>Edit widget</MenuItem>
      <MenuItem
        onSelect={() =>
          onChange((widgets, layout) => {
            const item = layout.find((one) => one.widgetId === widget.id)
            return withWidget(widgets, layout, { ...widget, id: newWidgetId(), title: `${widget.title} (copy)` }, item && { w: item.w, h: item.h })
          })
        }
      >
        Duplicate
      </MenuItem>
      <MenuItem danger onSelect={() => onChange((widgets, layout) => ({ widgets: widgets.filter((one) => one.id !== widget.id), layout: layout.filter((item) => item.widgetId !== widget.id) }))}>
        Remove from dashboard
      </MenuItem>
    </DropdownMenu>
  )
}
