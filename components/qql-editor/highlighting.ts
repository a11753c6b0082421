// Syntax highlighting of a QQL box: the parser's own lexemes (lib/qql highlightQql) become CSS-classed marks.
import { RangeSetBuilder } from '@codemirror/state'
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view'
import { highlightQql } from '@/lib/qql/browser'
import { ROLE_CLASS } from './theme'

const MARKS = Object.fromEntries(Object.entries(ROLE_CLASS).map(([role, className]) => [role, Decoration.mark({ class: className })]))

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  for (const span of highlightQql(view.state.doc.toString())) builder.add(span.from, span.to, MARKS[span.role])
  return builder.finish()
}

export const qqlHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = decorate(view)
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = decorate(update.view)
    }
  },
  { decorations: (plugin) => plugin.decorations },
)
