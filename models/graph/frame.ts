/** One round of the coalition graph, ready for the component: elements, words, a label. */
import { graphElements, graphSummary, type GraphElement, type GraphInput } from './elements';

export interface GraphFrame {
  /** E.g. "Round 2" or "Opening position". */
  readonly label: string;
  readonly elements: readonly GraphElement[];
  /** Plain-text lines for screen readers (see `graphSummary`). */
  readonly summary: readonly string[];
}

export function graphFrame(input: GraphInput, label: string): GraphFrame {
  return { label, elements: graphElements(input), summary: graphSummary(input) };
}
