// A form error tied to its control for screen readers: the control carries aria-invalid and
// aria-describedby naming the message, which sits under it as .field-error.

/** The attributes for a control whose error, if any, <FieldError id={errorId}> shows. */
export function errorAttributes(errorId: string, error: string | undefined) {
  return error ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId } : {};
}

export function FieldError(props: { id: string; error?: string }) {
  return props.error ? (
    <p class="field-error" id={props.id}>
      {props.error}
    </p>
  ) : null;
}
