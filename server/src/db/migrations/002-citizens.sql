-- Citizens known by their Zalo identity, and their consents per purpose (shared/reference/zalo-platform.md,
-- "Identity and consent"). Three separate identity columns: the per-app Zalo user id, the OA user id when known, and
-- the verified phone. name/avatar are held only while the profile consent is granted, phone only while the phone
-- consent is granted; withdrawing deletes them. Deleting a citizen deletes everything of theirs.

create table citizens (
  id uuid primary key default gen_random_uuid(),
  -- userInfo.id: per Zalo App; a string, as Zalo ids do not fit in a double
  zalo_user_id text not null unique,
  -- userInfo.idByOA: only when the OA is linked and followed
  oa_user_id text,
  -- normalised 84 + nine digits (domain/phone-number.ts), from /v2.0/me/info
  phone text check (phone ~ '^84[0-9]{9}$'),
  phone_verified_at timestamptz,
  name text,
  avatar text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- last sign-in: Zalo notifications may only go to users who opened the app in the last 7 days
  last_seen_at timestamptz not null default now(),
  check ((phone is null) = (phone_verified_at is null))
);

-- One row per grant, never updated except to record its end, so the history is provable: which text version the
-- citizen agreed to, when, and when it stopped applying (withdrawn, or replaced by a grant of a newer text at the
-- same instant).
create table consents (
  id uuid primary key default gen_random_uuid(),
  citizen_id uuid not null references citizens (id) on delete cascade,
  purpose text not null check (purpose in ('profile', 'phone', 'notifications')),
  text_version text not null,
  granted_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  check (withdrawn_at is null or withdrawn_at >= granted_at)
);

-- At most one grant in force per purpose; also serves "is this purpose granted" and the per-citizen history.
create unique index consents_in_force on consents (citizen_id, purpose) where withdrawn_at is null;
create index consents_citizen on consents (citizen_id, purpose, granted_at);
