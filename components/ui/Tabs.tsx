'use client'
// Tabs inside one page (Radix Tabs: arrow keys between tabs, one panel shown). Tabs that change the URL are links: see LinkTabs.
import * as RadixTabs from '@radix-ui/react-tabs'
import type { ReactNode } from 'react'

export interface TabDefinition {
  value: string
  label: ReactNode
  content: ReactNode
}

export function Tabs({ label, tabs, defaultValue }: { label: string; tabs: TabDefinition[]; defaultValue?: string }) {
  return (
    <RadixTabs.Root defaultValue={defaultValue ?? tabs[0]?.value}>
      <RadixTabs.List className="tab-list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger key={tab.value} value={tab.value}>
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value}>
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  )
}
