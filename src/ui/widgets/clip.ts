/** One side of a convex clip region: whether a point is inside, and where a segment crosses it. */
export type ClipEdge<P> = [inside: (p: P) => boolean, cut: (a: P, b: P) => P];

/**
 * Sutherland–Hodgman: clips a closed ring against each edge in turn, so a
 * coastline running off the region is closed along its border. Used on
 * longitude/latitude by the map extractor and on screen points by the map.
 */
export function clipRing<P>(ring: readonly P[], edges: readonly ClipEdge<P>[]): P[] {
  let out = [...ring];
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}
