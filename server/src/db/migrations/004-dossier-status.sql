-- Following a dossier after forwarding: the status mirror of each application (national 1–10 code, due date and the
-- details of the current status), the history of every status event received (webhooks, polls, citizen requests;
-- stale and refused ones too), supplements the citizen sends, and one rating per application.

alter table applications
  -- time of the newest status event applied (events older than this are stale: recorded, never applied)
  add column last_status_at timestamptz,
  -- last time the one-stop system told us the dossier's state (a webhook that moved it, or a poll)
  add column last_synced_at timestamptz,
  -- what the current status asks or says, from the one-stop system's dossier (services/status-sync.ts):
  -- { reason, supplement, fee, result, delay } with dates as ISO strings; null parts do not apply
  add column status_details jsonb not null default '{}'::jsonb;

-- the public lookup by receipt code
create index applications_receipt_code on applications (receipt_code) where receipt_code is not null;
-- the status poll: forwarded dossiers still open, the least recently synced first
create index applications_status_poll on applications (coalesce(last_synced_at, forwarded_at))
  where forwarding_state = 'forwarded' and status in (1, 2, 4, 5, 6, 9);

create table application_events (
  id bigint generated always as identity primary key,
  application_id uuid not null references applications (id) on delete cascade,
  -- the webhook's eventId; for events read from a dossier's QuaTrinhXuLy: "step:<dossier Id>:<step_key>"
  event_id text not null unique check (length(event_id) <= 200),
  -- one processing step (time, code, officer, unit, note) is recorded once whichever way it arrived
  step_key text not null check (step_key ~ '^[0-9a-f]{64}$'),
  source text not null check (source in ('webhook', 'poll', 'citizen')),
  -- the webhook's action (accept, request-supplement, …); null for steps read from a dossier
  action text check (length(action) <= 50),
  status smallint not null check (status between 1 and 10),
  occurred_at timestamptz not null,
  unit text,
  officer text,
  note text,
  payload jsonb not null,
  -- changed or refreshed the mirror; false for stale and forbidden events
  applied boolean not null,
  outcome text not null check (outcome in ('changed', 'refreshed', 'stale', 'rejected')),
  received_at timestamptz not null default now(),
  unique (application_id, step_key)
);

create index application_events_timeline on application_events (application_id, occurred_at, id);

create table supplements (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  -- MaYeuCauBoSung: the request this answers
  request_id text not null check (length(request_id) <= 100),
  note text check (length(note) <= 1000),
  state text not null default 'pending' check (state in ('pending', 'forwarded', 'failed')),
  forwarding_error text,
  idempotency_key text not null,
  request_hash text not null,
  created_at timestamptz not null default now(),
  forwarded_at timestamptz,
  unique (application_id, idempotency_key),
  check ((state = 'forwarded') = (forwarded_at is not null))
);

-- one supplement in flight (or delivered) per request; a failed one may be sent again
create unique index supplements_one_per_request on supplements (application_id, request_id) where state <> 'failed';

create table supplement_attachments (
  supplement_id uuid not null references supplements (id) on delete cascade,
  -- the name of the requested document (TenGiayTo), as the citizen chose it
  document_name text not null check (length(document_name) between 1 and 100),
  upload_id uuid not null unique references uploads (id) on delete cascade,
  position smallint not null,
  primary key (supplement_id, position)
);

create table ratings (
  application_id uuid primary key references applications (id) on delete cascade,
  stars smallint not null check (stars between 1 and 5),
  comment text check (length(comment) <= 1000),
  created_at timestamptz not null default now()
);
