// Form controls with their label, hint and error tied together (label for, aria-invalid,
// aria-describedby → .field-error), so every form on the unit pages is accessible the same way.
import type { Child } from 'hono/jsx';
import { FieldError } from '../../views/components/field-error.js';

/** Errors by field name, which is the validation path ('startDate', 'guests.0.name'). */
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

interface ControlProps {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

function describedBy(name: string, error: string | undefined, hint: string | undefined): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras(props: { name: string; error?: string; hint?: string }) {
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${fieldId(props.name)}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldError id={`${fieldId(props.name)}-error`} error={props.error} />
    </>
  );
}

export function Field(
  props: ControlProps & {
    value?: string;
    type?: 'text' | 'date' | 'number';
    min?: string | number;
    max?: string | number;
    autocomplete?: string;
  },
) {
  const error = props.errors[props.name];
  return (
    <div>
      <label for={fieldId(props.name)}>{props.label}</label>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        min={props.min}
        max={props.max}
        step={props.type === 'number' ? 1 : undefined}
        inputmode={props.type === 'number' ? 'numeric' : undefined}
        autocomplete={props.autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, error, props.hint)}
      />
      <Extras name={props.name} error={error} hint={props.hint} />
    </div>
  );
}

export function TextArea(props: ControlProps & { value?: string }) {
  const error = props.errors[props.name];
  return (
    <div>
      <label for={fieldId(props.name)}>{props.label}</label>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, error, props.hint)}
      >
        {props.value ?? ''}
      </textarea>
      <Extras name={props.name} error={error} hint={props.hint} />
    </div>
  );
}

export function Select(props: ControlProps & { value?: string; options: { value: string; label: string }[]; blank?: string }) {
  const error = props.errors[props.name];
  return (
    <div>
      <label for={fieldId(props.name)}>{props.label}</label>
      <select
        id={fieldId(props.name)}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, error, props.hint)}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Extras name={props.name} error={error} hint={props.hint} />
    </div>
  );
}

/** A group of related controls with a visible legend (a guest row, the work meal). */
export function Group(props: { legend: string; children?: Child; error?: string; name?: string }) {
  return (
    <fieldset class="card">
      <legend>{props.legend}</legend>
      {props.name && <FieldError id={`${fieldId(props.name)}-error`} error={props.error} />}
      {props.children}
    </fieldset>
  );
}
