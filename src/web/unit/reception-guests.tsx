// The guest list of the reception form (接待清单 names every guest): one row per guest, added and
// removed freely. Without JavaScript the 添加/删除 buttons post the form back with the row changed
// (nothing is saved); with it, /static/app.js adds a row from the <template> and removes rows in
// place. The guest count is the number of rows filled in.
import { RANKS, rankLabel } from '../../views/labels.js';
import type { PageContext } from '../../views/layout.js';
import { Field, type FieldErrors, type FormValues, Group, Select } from './fields.js';
import { guestRowIndexes } from './reception-input.js';

function GuestRow(props: { page: PageContext; index: string; label: string; values: FormValues; errors: FieldErrors }) {
  const { page, index, label, values, errors } = props;
  const { t } = page;
  const name = (field: string) => `guests.${index}.${field}`;
  return (
    <div class="row guest-row" data-guest-row={index}>
      <Field name={name('name')} label={t(`来宾 ${label} 姓名`, `Guest ${label} name`)} value={values[name('name')]} errors={errors} />
      <Field name={name('title')} label={t(`来宾 ${label} 职务`, `Guest ${label} title`)} value={values[name('title')]} errors={errors} />
      <Select
        name={name('rank')}
        label={t(`来宾 ${label} 级别`, `Guest ${label} rank`)}
        value={values[name('rank')]}
        options={RANKS.map((rank) => ({ value: rank, label: rankLabel(rank, t) }))}
        blank="—"
        errors={errors}
      />
      <div class="row-end">
        <button type="submit" name="intent" value={`remove-guest-${index}`} formnovalidate class="secondary" data-remove-guest>
          {t('删除此行', 'Remove this row')}
        </button>
      </div>
    </div>
  );
}

export function GuestRows(props: { page: PageContext; values: FormValues; errors: FieldErrors }) {
  const { page, values, errors } = props;
  const { t } = page;
  const indexes = guestRowIndexes(values);
  const listed = indexes.filter((i) => (values[`guests.${i}.name`] ?? '').trim() !== '').length;
  return (
    <Group legend={t('来宾名单', 'Guests')} name="guests" error={errors.guests}>
      <p class="hint">
        {t('来宾人数按名单计算:', 'The guest count is the list’s: ')}
        <strong data-guest-count>{String(listed)}</strong>
        {t(' 人。空行不计。', ' guest(s). Blank rows do not count.')}
      </p>
      <div data-guest-rows>
        {indexes.map((i) => (
          <GuestRow page={page} index={String(i)} label={String(i + 1)} values={values} errors={errors} />
        ))}
      </div>
      <template id="guest-row-template">
        <GuestRow page={page} index="__i__" label="__n__" values={{}} errors={{}} />
      </template>
      <div class="actions">
        <button type="submit" name="intent" value="add-guest" formnovalidate class="secondary" data-add-guest>
          {t('添加一位来宾', 'Add a guest')}
        </button>
      </div>
    </Group>
  );
}
