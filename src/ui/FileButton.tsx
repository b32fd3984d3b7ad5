/** A button that opens the file picker; the hidden input keeps a label and a test id of its own. */
export function FileButton(props: { label: string; inputLabel: string; testid: string; accept: string; onFile: (f: File) => void }) {
  let input: HTMLInputElement | undefined;
  return (
    <>
      <button type="button" onClick={() => input?.click()}>
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        class="visually-hidden"
        aria-label={props.inputLabel}
        data-testid={props.testid}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) props.onFile(f);
        }}
      />
    </>
  );
}
