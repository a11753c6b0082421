// Layout APIs jsdom lacks, stood in for component tests: ResizeObserver (Radix popovers, charts) and Range rects (CodeMirror).
export function stubResizeObserver(): void {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver
}

/** CodeMirror measures text through Range rects; jsdom answers none, so each range is one 8 × 16 character box. */
export function stubRangeRects(): void {
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 16, right: 8, width: 8, height: 16, toJSON: () => ({}) })
  Range.prototype.getClientRects = () => Object.assign([rect()], { item: () => rect() }) as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = rect as unknown as () => DOMRect
}
