// The filter form above a list: a plain GET form, so the filters live in the URL (bookmarkable,
// no JavaScript, no CSRF token needed). Each page names the fields it offers.
import type { Child } from 'hono/jsx';
import { errorAttributes, FieldError } from './field-error.js';
import type { Translate } from '../i18n.js';

export interface Option {
  value: string;
  label: string;
}

export type FilterField =
  | { kind: 'select'; name: string; label: string; options: Option[]; all: string }
  | { kind: 'date' | 'number' | 'search'; name: string; label: string; placeholder?: string };

export function ListFilters(props: {
  t: Translate;
  action: string;
  fields: FilterField[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Hidden parameters the form keeps (a list's fixed view, the other list's position). */
  keep?: Record<string, string>;
  children?: Child;
}) {
  const { t, values, errors } = props;
  return (
    <search>
      <form method="get" action={props.action} class="card filters no-print">
        <div class="row">
          {props.fields.map((field) => {
            const id = `filter-${field.name}`;
            const errorId = `${id}-error`;
            const error = errors[field.name];
            return (
              <div>
                <label for={id}>{field.label}</label>
                {field.kind === 'select' ? (
                  <select id={id} name={field.name} {...errorAttributes(errorId, error)}>
                    <option value="">{field.all}</option>
                    {field.options.map((o) => (
                      <option value={o.value} selected={o.value === values[field.name]}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={field.name}
                    type={field.kind}
                    value={values[field.name] ?? ''}
                    placeholder={field.kind === 'search' ? field.placeholder : undefined}
                    maxlength={field.kind === 'search' ? 100 : undefined}
                    min={field.kind === 'number' ? 2000 : undefined}
                    max={field.kind === 'number' ? 2999 : undefined}
                    {...errorAttributes(errorId, error)}
                  />
                )}
                <FieldError id={errorId} error={error} />
              </div>
            );
          })}
        </div>
        {Object.entries(props.keep ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <div class="actions">
          <button type="submit">{t('筛选', 'Filter')}</button>
          <a href={props.action}>{t('清除筛选', 'Clear filters')}</a>
          {props.children}
        </div>
      </form>
    </search>
  );
}
