// What the numbers mean. The measured values are all in the table above; this text explains
// them and names what was changed in src because of them (see git log for the commits).
export const ANALYSIS = `## Reading the table

**Booking throughput (aim ≥ 0.15).** 0.15 × /healthz means a whole booking in about seven
/healthz requests' time on the server's one thread. The row "authenticated POST /api/v1/visits
refused by validation" (same route, same token, a body zod refuses: no booking work at all) is the
ceiling for any authenticated JSON write: HTTP, body, session lookup, validation and a problem
answer already cost about three /healthz requests, and the reference rows show the same of Hono
itself (a bare Hono app that only parses a JSON body and echoes it stays far below its own GET
rate). On top of that a booking runs its guarded write: one INSERT … SELECT that checks the unit's
caps, the region's capacity on every day of the window and the arrival spacing, its audit row and
the commit, then answers the visit. The "CPU per call" rows split it: the guarded write alone costs
about as much as the whole refused request, and the booking as a whole about three times the
refused one. That is what limits it: a booking at 0.15 would need the guarded write and the
request around it to cost about half what they do, and what is left in them is SQLite running the
guard and Hono/zod/JSON, not reads that could be dropped (docs/ARCHITECTURE.md keeps every rule in the one
guarded statement, and state in the database). This issue added three indexes that every booking
also writes (migration 0007, for the lists); the guard's own reads use the same indexes as before.
The throughput varies by tens of percent between runs on this shared machine (other work ran on
its two CPUs during the run, see the load average); the ratios in one run are what compare.

This benchmark drove a series of changes to the booking path (see git log), which took it from 268 to
the rate in the table on the same machine: request bodies are read before Hono sees them
(src/node-body.ts; @hono/node-server built a Web stream and an undici Request for every body,
which cost more than the rest of a small POST); the embedded database keeps compiled statements
(src/db/embedded-client.ts; @libsql/client compiled every statement anew); the region is no longer
read before the write (the guard requires it); the session query is built once and the token
hashed with node:crypto; the write returns its row (RETURNING) instead of a read-back, and a
covering index serves the unit's yearly sums in one pass; the capacity probe reads the visits
around the window once instead of once per probe day; the booking's statements are compiled once
from their drizzle templates (src/db/statements.ts). None of it keeps data in process memory
(docs/ARCHITECTURE.md): every request still reads sessions, caps and rules from the database.

For scale: several hundred accepted bookings per second on one core is far above a province's
thousands of visits a year.

**synchronous=FULL.** The embedded file runs synchronous=FULL in WAL mode: every commit syncs
the WAL to disk before it is acknowledged, so an acknowledged booking survives power loss and an
OS crash, not only a process crash (with NORMAL, SQLite documents that the last commits before a
checkpoint may be lost then; the crash-safety test SIGKILLs the process, which NORMAL already
survived). What it costs is in the rows "bookings at FULL ÷ at NORMAL" (the same bookings against
the same server code with the file at NORMAL, in the same run) and the two raw INSERT rows (one
fsync per commit). The booking's other work (HTTP, session, validation, the guarded statement)
dilutes the fsync; the raw loop shows it undiluted.

**Rule-check scaling (met).** Without the indexes added in migration 0002 a condolence booking at
200,000 visits took ~90 ms (the balance warning walked every visit of the region, all years) and
the capacity probes read the table row by row; with a covering (region, start, status, end, id)
index, a (year, kind, region, status, unit, consolation) index and (migration 0003) a covering
(unit, year, status, headcount, id) index the large database costs about the same as the small one. The databases are not ANALYZEd, as a deployed one never is.

**Pages at scale.** The two databases hold what a province gathers: about 2,000 visits a year
over the eleven cities and four regions, every status, a tenth as many receptions, rosters and
caps for each year; the smaller is this year (2027), the larger ten years ending with the same
2027. So the lists of every visit, the queues (ten times the pending visits: seeded statuses are
spread over all years) and the API hold ten times as much, and a month's or a year's pages the
same. Before this issue the approval queue computed each row's balance warning with its own reads
and nothing was paged (the issue measured /office at 31 s and 4.3 MB with 20,000 pending visits).
Now every list is a keyset page (one short index range per status, merged: repo/keyset.ts), a
page's warnings come from one grouped read of its region-years, names from one reference read, and
month views read only the month (their start dates were bounded from above only before, so they
walked every earlier visit). test/web/statements-per-page.test.ts checks that each page runs as
many statements for 50 rows as for 5. The API's first page at 200,000 visits is one of the rows.

**Event loop.** The annual planner's search runs for up to its time limit (10 s at most) and held
the server's only thread all that time: no other request was answered. On Node it now runs on a
worker thread (src/planner-offload.ts); elsewhere (Workers) in slices of about 10 ms that yield in
between. The request thread still reads the year's data and stores the proposal, a few statements;
the section times /healthz while a 10 s solve of 2,000 requests runs, against the idle server. The
CSV exports are single short reads (a month or a year, one grouped count), so /healthz waits at
most one of them.

**Feed (met).** ical-generator 10.2 folded lines with a new TextEncoder per character, so a
5,000-event feed cost 1.4–1.9 s of CPU and blocked every other request meanwhile; 11.1 (which needs
Node ≥ 22, hence the project's own Node 24) builds the same feed in about a tenth of a second.
Serving it adds reading the records and the HTTP answer. The 304 never builds the feed: the ETag
comes from a version of the data read with the token (counts, sequence sums and newest update per
scope, plus unit and region names), so a conditional fetch reads no records and serialises nothing.

**Booking with channels down.** A booking writes its event, inbox rows and deliveries in its own
batch and only wakes the sender; the sender claims, sends and records on its own, with a time
limit per message and backoff after a failure. So an unreachable mail server or failing webhooks
add a few rows to the booking's batch and some background work on the same thread (the failing
server's sender keeps retrying every 0.5–2 s while it is measured), never a wait.
`;
