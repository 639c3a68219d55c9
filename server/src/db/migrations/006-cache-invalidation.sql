-- What the API processes keep in memory (services/read-cache.ts) is invalidated by the database itself: every write
-- to a table such a copy is made of announces itself on the channel `lcs_cache`. NOTIFY is transactional — delivered
-- when the transaction commits, never for one rolled back — and a trigger fires on every path (webhook, poll,
-- worker, citizen actions, seed, cascading deletes, a hand-written UPDATE), so no code has to remember it.
-- Payloads: `application:<id>` (an application's status read: the application, its timeline, documents,
-- supplements, rating), `citizen:<id>` (a citizen deleted: their session tokens stop working), `catalog` (offices or
-- procedures: search results, and the names and document names status reads show), `all` (a TRUNCATE).
-- Identical payloads within one transaction reach listeners once.

create function notify_application_changed() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    perform pg_notify('lcs_cache', 'application:' || old.id);
  end if;
  if tg_op <> 'DELETE' then
    perform pg_notify('lcs_cache', 'application:' || new.id);
  end if;
  return null;
end $$;

-- For the tables whose rows belong to an application through their application_id column.
create function notify_application_part_changed() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' and old.application_id is not null then
    perform pg_notify('lcs_cache', 'application:' || old.application_id);
  end if;
  if tg_op <> 'DELETE' and new.application_id is not null then
    perform pg_notify('lcs_cache', 'application:' || new.application_id);
  end if;
  return null;
end $$;

-- Supplement attachments belong to an application through their supplement. When the supplement itself is being
-- deleted (a cascade), its own trigger has already announced the application.
create function notify_supplement_attachment_changed() returns trigger language plpgsql as $$
declare
  owner uuid;
begin
  if tg_op <> 'INSERT' then
    select application_id into owner from supplements where id = old.supplement_id;
    if owner is not null then
      perform pg_notify('lcs_cache', 'application:' || owner);
    end if;
  end if;
  if tg_op <> 'DELETE' then
    select application_id into owner from supplements where id = new.supplement_id;
    if owner is not null then
      perform pg_notify('lcs_cache', 'application:' || owner);
    end if;
  end if;
  return null;
end $$;

-- Only a deletion matters: a session token is refused once its citizen is gone.
create function notify_citizen_deleted() returns trigger language plpgsql as $$
begin
  perform pg_notify('lcs_cache', 'citizen:' || old.id);
  return null;
end $$;

create function notify_catalog_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('lcs_cache', 'catalog');
  return null;
end $$;

create function notify_all_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('lcs_cache', 'all');
  return null;
end $$;

create trigger applications_cache after insert or update or delete on applications
  for each row execute function notify_application_changed();
create trigger application_events_cache after insert or update or delete on application_events
  for each row execute function notify_application_part_changed();
create trigger application_attachments_cache after insert or update or delete on application_attachments
  for each row execute function notify_application_part_changed();
-- A status read shows the attached uploads' names, sizes and types.
create trigger uploads_cache after insert or update or delete on uploads
  for each row execute function notify_application_part_changed();
create trigger supplements_cache after insert or update or delete on supplements
  for each row execute function notify_application_part_changed();
create trigger supplement_attachments_cache after insert or update or delete on supplement_attachments
  for each row execute function notify_supplement_attachment_changed();
create trigger ratings_cache after insert or update or delete on ratings
  for each row execute function notify_application_part_changed();
create trigger citizens_cache after delete on citizens
  for each row execute function notify_citizen_deleted();
create trigger offices_cache after insert or update or delete on offices
  for each statement execute function notify_catalog_changed();
create trigger procedures_cache after insert or update or delete on procedures
  for each statement execute function notify_catalog_changed();

create trigger applications_cache_truncate after truncate on applications
  for each statement execute function notify_all_changed();
create trigger application_events_cache_truncate after truncate on application_events
  for each statement execute function notify_all_changed();
create trigger application_attachments_cache_truncate after truncate on application_attachments
  for each statement execute function notify_all_changed();
create trigger uploads_cache_truncate after truncate on uploads
  for each statement execute function notify_all_changed();
create trigger supplements_cache_truncate after truncate on supplements
  for each statement execute function notify_all_changed();
create trigger supplement_attachments_cache_truncate after truncate on supplement_attachments
  for each statement execute function notify_all_changed();
create trigger ratings_cache_truncate after truncate on ratings
  for each statement execute function notify_all_changed();
create trigger citizens_cache_truncate after truncate on citizens
  for each statement execute function notify_all_changed();
create trigger offices_cache_truncate after truncate on offices
  for each statement execute function notify_all_changed();
create trigger procedures_cache_truncate after truncate on procedures
  for each statement execute function notify_all_changed();
