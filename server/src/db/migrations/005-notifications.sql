-- Notifications of status changes (issue 6; server/README.md "Notifications"): the outbox of messages per status
-- event and channel, the history of their states, each citizen's channel choices, the Zalo OA token pair, the state
-- of each Zalo channel (paused for the day, quota), and the delivery receipts Zalo posts back.

-- The channels a citizen chose. The in-app inbox is always on and has no setting. A row exists only while the
-- notifications consent is granted: withdrawing it deletes the row (services/consents.ts).
create table notification_settings (
  citizen_id uuid primary key references citizens (id) on delete cascade,
  -- when the citizen allowed mini app notifications (zmp-sdk requestSendNotification, then PUT); null = off
  mini_app_allowed_at timestamptz,
  -- template messages to the verified phone (ZBS); needs the phone consent and a verified number too
  phone_enabled boolean not null default false,
  updated_at timestamptz not null
);

-- One row per application × status event × channel: the transactional outbox. Rows are written in the transaction
-- that applies the status event (services/notification-outbox.ts), so a duplicate webhook, a re-poll or a crash can
-- never make a second one. `inbox` rows are the citizen's in-app list (delivered when written); `mini-app` and
-- `zbs` rows are messages the worker sends through Zalo (jobs/notify.ts), whose `state` follows
--   created → sending → delivered | temporary-failure (→ sending …) | permanent-failure | technical-failure.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references applications (id) on delete cascade,
  citizen_id uuid not null references citizens (id) on delete cascade,
  -- application_events.event_id of the status event
  event_id text not null check (length(event_id) <= 200),
  channel text not null check (channel in ('inbox', 'mini-app', 'zbs')),
  kind text not null check (kind in (
    'received', 'refused', 'supplement-required', 'fee-required', 'stopped', 'delayed', 'result-ready', 'returned')),
  -- the dossier status (1–10) of the event
  status smallint not null check (status between 1 and 10),
  title text not null check (length(title) between 1 and 100),
  body text not null check (length(body) between 1 and 1000),
  -- what the Zalo templates need besides title and body: { procedureName, receiptCode, dueDate, detail }
  params jsonb not null default '{}'::jsonb,
  state text not null check (state in (
    'created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure', 'technical-failure')),
  -- calls made to Zalo for this row
  attempts integer not null default 0 check (attempts >= 0),
  -- when the worker looks at the row again: the next attempt, the end of a wait (quiet hours, daily limits), or,
  -- while `sending`, the end of the worker's lease; null once final
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  -- Zalo's msg_id once Zalo accepted the message
  provider_msg_id text check (length(provider_msg_id) <= 100),
  -- Zalo's error code (e.g. -144) or ours (OUTCOME_UNKNOWN, SUPERSEDED, …) of the last failure or wait
  error_code text check (length(error_code) <= 50),
  read_at timestamptz,
  sent_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (application_id, event_id, channel),
  check (channel = 'inbox' or read_at is null),
  check (state <> 'delivered' or delivered_at is not null)
);

-- the citizen's inbox, newest first
create index notifications_inbox on notifications (citizen_id, created_at desc, id) where channel = 'inbox';
-- the worker's sweep: rows to send, to retry, or whose lease ended
create index notifications_due on notifications (next_attempt_at)
  where channel <> 'inbox' and state in ('created', 'temporary-failure', 'sending');
-- daily limits of the mini app channel
create index notifications_sent on notifications (channel, citizen_id, sent_at) where sent_at is not null;

-- The time of each state change, written by a trigger so no code path can forget it. `at` is the row's updated_at,
-- set by the proxy's clock (which tests fix).
create table notification_state_changes (
  id bigint generated always as identity primary key,
  notification_id uuid not null references notifications (id) on delete cascade,
  state text not null,
  error_code text,
  at timestamptz not null
);

create index notification_state_changes_row on notification_state_changes (notification_id, id);

create function record_notification_state() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.state is distinct from old.state then
    insert into notification_state_changes (notification_id, state, error_code, at)
    values (new.id, new.state, new.error_code, new.updated_at);
  end if;
  return new;
end
$$;

create trigger notifications_state_history after insert or update on notifications
  for each row execute function record_notification_state();

-- The Zalo channels' shared state: paused until a time (daily quota or app-wide limit used up), and the ZBS quota
-- Zalo reported with the last message.
create table notification_channels (
  channel text primary key check (channel in ('mini-app', 'zbs')),
  paused_until timestamptz,
  pause_reason text check (length(pause_reason) <= 50),
  daily_quota integer,
  remaining_quota integer,
  quota_updated_at timestamptz
);

-- The OA access/refresh token pair (ZBS). One row. The refresh token is single-use, so the pair is refreshed in one
-- place under this row's lock and stored before the new access token is used (services/zalo-oa-tokens.ts).
-- `seed_fingerprint` is the SHA-256 of the configured ZALO_OA_REFRESH_TOKEN the stored pair descends from: when the
-- configuration holds another one (an operator installed a new pair), the configured pair replaces the stored one.
create table zalo_oa_tokens (
  id smallint primary key default 1 check (id = 1),
  access_token text not null,
  refresh_token text not null,
  seed_fingerprint text not null check (seed_fingerprint ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz,
  refreshed_at timestamptz,
  updated_at timestamptz not null
);

-- Delivery receipts (user_received_message) by Zalo's msg_id: a webhook repeated by Zalo is recognised and changes
-- nothing.
create table zalo_delivery_receipts (
  msg_id text primary key check (length(msg_id) <= 100),
  notification_id uuid references notifications (id) on delete cascade,
  delivered_at timestamptz,
  received_at timestamptz not null
);
