// drizzle prepared queries, built once per database instead of once per call. For the queries
// nearly every request runs (the session, a visit by id): building a drizzle select renders its
// SQL, which costs more than SQLite answering it. Keyed weakly by the database, so a closed
// test database takes its queries with it; what is kept is the query, never a result.
import type { Db } from './client.js';

export function preparedPerDb<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const built = new WeakMap<Db, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
