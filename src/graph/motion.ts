/** Whether the user asked for less motion: the graph then jumps to a new layout and plays its timeline faster. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
