'use client'
// Tag-scope editor: "all assets", or a comma-separated set of tags with the known tags offered as suggestions.
import type { TagScope } from '@/lib/auth/user'

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0))]
}

export function ScopeInput({ idPrefix, scope, knownTags, onChange }: { idPrefix: string; scope: TagScope; knownTags: string[]; onChange: (scope: TagScope) => void }) {
  return (
    <div className="scope-input">
      <label className="inline">
        <input type="checkbox" checked={scope.all} onChange={(event) => onChange({ ...scope, all: event.target.checked })} /> All assets
      </label>
      <input
        id={`${idPrefix}-tags`}
        aria-label="Scope tags"
        list={`${idPrefix}-known-tags`}
        disabled={scope.all}
        placeholder={scope.all ? 'every asset' : 'tags, comma-separated (none: sees no asset)'}
        defaultValue={scope.tags.join(', ')}
        onChange={(event) => onChange({ ...scope, tags: parseTags(event.target.value) })}
      />
      <datalist id={`${idPrefix}-known-tags`}>
        {knownTags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  )
}

export function describeScope(scope: TagScope): string {
  if (scope.all) return 'All assets'
  return scope.tags.length === 0 ? 'None (sees no asset)' : scope.tags.join(', ')
}
