// Decap re-renders a field's widget when that field changes, not when another one does. Widgets
// that show something worked out from the whole entry (whether the text is still the reviewed
// text) listen here; every edit made through our widgets and wrappers is announced.

const listeners = new Set<() => void>();
let scheduled = false;

/** Something in the open entry changed; listeners run once Decap has stored it. */
export function notifyEntryChanged(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(() => {
    scheduled = false;
    for (const listener of listeners) listener();
  });
}

export function onEntryChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
