import { useId, useRef, useState } from "react";
import { cn } from "#app/utils/misc.ts";

type Member = { id: string; name: string };

/**
 * A markdown textarea where typing "@" and a few letters of a member's name offers matching
 * members (a listbox the textarea controls: arrows move, Enter or Tab picks, Escape closes).
 * Picking inserts `[@Name](/roster/<id>)`, which links to their profile and notifies them.
 */
export function MentionTextarea({ label, name, defaultValue, error, hint, required, rows = 8 }: { label: string; name: string; defaultValue?: string; error?: string; hint?: string; required?: boolean; rows?: number }) {
  const id = useId().replace(/:/g, "");
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<{ text: string; start: number } | null>(null);
  const [options, setOptions] = useState<Member[]>([]);
  const [active, setActive] = useState(0);
  const listId = `${id}-mentions`;
  const open = query !== null && options.length > 0;

  const pending = useRef<AbortController | null>(null);

  function lookUp(text: string) {
    pending.current?.abort();
    if (text.length < 2) {
      setOptions([]);
      return;
    }
    const controller = (pending.current = new AbortController());
    fetch(`/members/search?${new URLSearchParams({ q: text })}`, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : { members: [] }))
      .then((d: { members: Member[] }) => {
        setOptions(d.members);
        setActive(0);
      })
      .catch(() => {});
  }

  function onInput() {
    const el = ref.current!;
    const before = el.value.slice(0, el.selectionStart);
    const match = /(^|\s)@([\p{L}][\p{L}' -]{0,40})$/u.exec(before);
    const next = match ? { text: match[2]!, start: el.selectionStart - match[2]!.length - 1 } : null;
    setQuery(next);
    lookUp(next?.text ?? "");
  }

  function pick(member: Member) {
    const el = ref.current!;
    const end = el.selectionStart;
    const insert = `[@${member.name.replace(/[[\]]/g, "")}](/roster/${member.id}) `;
    el.value = el.value.slice(0, query!.start) + insert + el.value.slice(end);
    const caret = query!.start + insert.length;
    el.setSelectionRange(caret, caret);
    setQuery(null);
    setOptions([]);
    el.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === "ArrowDown") setActive((a) => (a + 1) % options.length);
    else if (event.key === "ArrowUp") setActive((a) => (a - 1 + options.length) % options.length);
    else if (event.key === "Enter" || event.key === "Tab") pick(options[active]!);
    else if (event.key === "Escape") setQuery(null);
    else return;
    event.preventDefault();
  }

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, `${id}-mention-help`].filter(Boolean).join(" ");
  return (
    <div className="relative mb-4">
      <label htmlFor={`${id}-input`} className="block text-sm font-semibold text-ink">
        {label}
      </label>
      {hint ? <p id={`${id}-hint`} className="mt-0.5 text-sm text-muted">{hint}</p> : null}
      <p id={`${id}-mention-help`} className="sr-only">Type @ and part of a name to mention a member; use the arrow keys and Enter to choose.</p>
      <textarea
        ref={ref}
        id={`${id}-input`}
        name={name}
        rows={rows}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        className={cn("mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base shadow-sm", error ? "border-danger" : "border-line")}
      />
      <ul id={listId} role="listbox" aria-label="Members to mention" hidden={!open} className="absolute z-10 mt-1 max-h-60 w-full overflow-auto rounded-md border border-line bg-white shadow-lg">
        {options.map((m, i) => (
          <li
            key={m.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(m);
            }}
            className={cn("cursor-pointer px-3 py-2", i === active ? "bg-brand-700 text-white" : "hover:bg-brand-50")}
          >
            {m.name}
          </li>
        ))}
      </ul>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
