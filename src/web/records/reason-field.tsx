// The text a record page's action asks for (the HQ's opinion, a reason to reject or cancel),
// shared by the visit and the reception pages: when the form comes back refused, the typed text
// returns with its error tied to the field for screen readers.
import type { PageContext } from '../../views/layout.js';

/** What the viewer typed for an action when the form came back with an error. */
export interface ActionDraft<Action extends string> {
  action: Action;
  text: string;
  error?: string;
}

export function ReasonField<Action extends string>(props: {
  page: PageContext;
  action: Action;
  /** The field's name in the form ('reason', or 'opinion' for the HQ's coordination). */
  name: string;
  label: string;
  maxLength: number;
  required: boolean;
  draft?: ActionDraft<Action>;
}) {
  const draft = props.draft?.action === props.action ? props.draft : undefined;
  const id = `${props.action}-${props.name}`;
  const errorId = `${id}-error`;
  return (
    <>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        name={props.name}
        maxlength={props.maxLength}
        required={props.required}
        aria-invalid={draft?.error ? 'true' : undefined}
        aria-describedby={draft?.error ? errorId : undefined}
      >
        {draft?.text ?? ''}
      </textarea>
      {draft?.error && (
        <p id={errorId} class="field-error">
          {draft.error}
        </p>
      )}
    </>
  );
}
