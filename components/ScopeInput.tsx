'use client'
// Tag-scope editor: "all assets", or a comma-separated set of tags with the known tags offered as suggestions.
import { useState } from 'react'
import type { TagScope } from '@/lib/auth/user'
import { splitTags } from '@/lib/schemas/activation-keys'

interface Props {
  /** The tags input's id (a label's htmlFor points at it); the datalist's id derives from it. */
  id: string
  scope: TagScope
  knownTags: string[]
  onChange: (scope: TagScope) => void
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

export function ScopeInput({ id, scope, knownTags, onChange, ...aria }: Props) {
  // The box keeps the text as typed ("a, " while typing) and follows a scope changed from outside (a form reset after
  // "Create user"): otherwise it would go on showing tags the form no longer holds, and the next user would get none.
  const joined = scope.tags.join(', ')
  const [text, setText] = useState(joined)
  const [shown, setShown] = useState(joined)
  if (joined !== shown) {
    setShown(joined)
    if (splitTags(text).join(', ') !== joined) setText(joined)
  }
  return (
    <div className="scope-input">
      <label className="inline">
        <input type="checkbox" checked={scope.all} onChange={(event) => onChange({ ...scope, all: event.target.checked })} /> All assets
      </label>
      <input
        id={id}
        aria-label="Scope tags"
        list={`${id}-known-tags`}
        disabled={scope.all}
        placeholder={scope.all ? 'every asset' : 'tags, comma-separated (none: sees no asset)'}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          onChange({ ...scope, tags: splitTags(event.target.value) })
        }}
        {...aria}
      />
      <datalist id={`${id}-known-tags`}>
        {knownTags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  )
}
