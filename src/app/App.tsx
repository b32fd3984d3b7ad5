import { For, Show } from 'solid-js';
import { builtinDoc, DEFAULT_BUILTIN, parseScenarioStructure, formatProblem } from '../../models/scenario/index';

export function App() {
  const parsed = parseScenarioStructure(builtinDoc(DEFAULT_BUILTIN));
  return (
    <main>
      <h1>Coreplay</h1>
      <Show when={parsed.ok ? parsed.doc : undefined} fallback={<p role="alert">{parsed.ok ? '' : parsed.problems.map(formatProblem).join('\n')}</p>}>
        {(s) => (
          <section>
            <h2>{s().title}</h2>
            <ul aria-label="Actors">
              <For each={s().actors}>{(a) => <li data-actor={a.id}>{a.name}</li>}</For>
            </ul>
          </section>
        )}
      </Show>
    </main>
  );
}
