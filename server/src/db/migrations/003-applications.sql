-- Applications a citizen submits, the files they upload for them, and their forwarding to the one-stop system.
-- An upload belongs to one citizen and, once an application uses it, to that application; bytes stay in the
-- database (a file is at most UPLOAD_MAX_FILE_BYTES, 10 MB by default) so one backup holds everything.

create table uploads (
  id uuid primary key default gen_random_uuid(),
  citizen_id uuid not null references citizens (id) on delete cascade,
  -- detected from the bytes (domain/file-type.ts), never from the name or the declared type
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')),
  size integer not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea not null,
  original_name text not null,
  created_at timestamptz not null default now(),
  -- null until an application uses it; an upload is attached at most once
  application_id uuid
);

create index uploads_citizen on uploads (citizen_id, created_at);

create table applications (
  id uuid primary key default gen_random_uuid(),
  -- the app's reference: 8 characters without look-alikes (domain/reference.ts)
  reference text not null unique check (reference ~ '^[2-9A-HJKMNP-Z]{8}$'),
  citizen_id uuid not null references citizens (id) on delete cascade,
  procedure_code text not null references procedures (code),
  office_code text not null references offices (code),
  -- the answers as validated and normalised by domain/application-form.ts
  fields jsonb not null,
  -- forwarding to the one-stop system: pending until it answers, then forwarded, or failed when it refused
  forwarding_state text not null default 'pending' check (forwarding_state in ('pending', 'forwarded', 'failed')),
  -- failure code of a refused forwarding (e.g. UNKNOWN_UNIT), for officers; never personal data
  forwarding_error text,
  -- TrangThaiHoSo, the national 1–10 code; null until the one-stop system has the dossier
  status smallint check (status between 1 and 10),
  -- MaHoSo, the official receipt code, opaque (≤ 50 characters); NgayHenTra
  receipt_code text check (length(receipt_code) <= 50),
  due_at timestamptz,
  -- the dossier's Id in the one-stop system
  one_stop_id text,
  -- Idempotency-Key of the submission and a SHA-256 of its body: the same key never makes a second application
  idempotency_key text not null,
  request_hash text not null,
  created_at timestamptz not null default now(),
  forwarded_at timestamptz,
  unique (citizen_id, idempotency_key),
  check ((forwarding_state = 'forwarded') = (forwarded_at is not null)),
  check (forwarding_state = 'forwarded' or status is null)
);

create index applications_citizen on applications (citizen_id, created_at desc);

alter table uploads add constraint uploads_application
  foreign key (application_id) references applications (id) on delete cascade;

create table application_attachments (
  application_id uuid not null references applications (id) on delete cascade,
  document_code text not null,
  upload_id uuid not null unique references uploads (id) on delete cascade,
  position smallint not null,
  primary key (application_id, position)
);
