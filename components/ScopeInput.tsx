'use client'
// Tag-scope editor: "all assets", or a comma-separated set of tags with the known tags offered as suggestions.
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
        defaultValue={scope.tags.join(', ')}
        onChange={(event) => onChange({ ...scope, tags: splitTags(event.target.value) })}
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
