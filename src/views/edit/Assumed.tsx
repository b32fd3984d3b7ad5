/**
 * The "assumed" badge: a number whose source note says `assumption:` is a modelling judgement,
 * not a figure from a source. The badge shows "assumed"; its title and a visually hidden text
 * carry the source note, so a screen reader reads it too.
 */
import { Show } from 'solid-js';

/** Whether a source note marks an assumption. */
export const isAssumedSource = (source: unknown): source is string => typeof source === 'string' && source.includes('assumption:');

export function AssumedBadge(props: { source: unknown }) {
  return (
    <Show when={isAssumedSource(props.source) ? (props.source as string) : undefined}>
      {(src) => (
        <span
          class="tag assumed"
          data-testid="assumed"
          title={src()}
          style={{ background: '#fff3d6', color: '#6b4a00', border: '1px dashed #b88700', 'margin-left': '0.3em' }}
        >
          <span aria-hidden="true">assumed</span>
          <span class="visually-hidden">Assumed: {src()}</span>
        </span>
      )}
    </Show>
  );
}
