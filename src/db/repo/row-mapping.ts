// Rows read with raw SQL (`RETURNING *`, `SELECT *`) come back keyed by column name; this turns
// one into the row type drizzle's own selects give, through each column's own driver mapping.
import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

export function rowMapper<T extends Table>(table: T): (raw: Record<string, unknown>) => InferSelectModel<T> {
  const columns = Object.entries(getTableColumns(table));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  };
}
