'use client'
// A menu of actions behind a button (Radix DropdownMenu): arrow keys move, Enter picks, Escape closes; used for the user menu and row actions.
import * as Menu from '@radix-ui/react-dropdown-menu'
import type { ReactNode } from 'react'

export interface MenuAction {
  label: string
  onSelect: () => void
  danger?: boolean
  disabled?: boolean
}

interface Props {
  /**
   * The button's content, which is its accessible name: when the visible words are short (e.g. "Actions"), add the rest
   * in a `visually-hidden` span ("Actions<span> for ada@example.com</span>") — visible words stay part of the name.
   */
  trigger: ReactNode
  triggerClassName?: string
  align?: 'start' | 'end'
  children: ReactNode
}

export function DropdownMenu({ trigger, triggerClassName = 'secondary small', align = 'end', children }: Props) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button type="button" className={triggerClassName}>
          {trigger} <span aria-hidden="true">▾</span>
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align={align} sideOffset={4} collisionPadding={8}>
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}

export function MenuItem({ onSelect, danger = false, disabled = false, children }: { onSelect: () => void; danger?: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <Menu.Item className={danger ? 'menu-item danger' : 'menu-item'} disabled={disabled} onSelect={onSelect}>
      {children}
    </Menu.Item>
  )
}

/** A menu entry that navigates (rendered as the given link element). */
export function MenuLinkItem({ children }: { children: ReactNode }) {
  return (
    <Menu.Item className="menu-item" asChild>
      {children}
    </Menu.Item>
  )
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <Menu.Label className="menu-label">{children}</Menu.Label>
}

export const MenuSeparator = () => <Menu.Separator className="menu-separator" />

/** A row's menu of actions; `target` completes its name for screen readers: "Actions for <target>". */
export function ActionMenu({ target, actions }: { target: string; actions: MenuAction[] }) {
  return (
    <DropdownMenu
      trigger={
        <>
          Actions<span className="visually-hidden"> for {target}</span>
        </>
      }
    >
      {actions.map((action) => (
        <MenuItem key={action.label} onSelect={action.onSelect} danger={action.danger} disabled={action.disabled}>
          {action.label}
        </MenuItem>
      ))}
    </DropdownMenu>
  )
}
