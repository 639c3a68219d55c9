-- The public catalogue: one-stop desks (offices) and administrative procedures (data/README.md).
-- search_* columns hold normalizeSearchText() output (lowercase, no diacritics, đ -> d), written by the seed,
-- so the same function prepares the stored text and the query; trigram indexes serve LIKE '%word%'.
create extension if not exists pg_trgm;

create table offices (
  code text primary key,
  name text not null,
  unit_name text not null,
  type text not null check (type in ('xa', 'phuong', 'province')),
  address text,
  phone text,
  opening_hours text,
  former_units text[] not null default '{}',
  unconfirmed text[] not null default '{}',
  -- unit name and office name
  search_name text not null,
  -- search_name plus former units, each part separated by ' / '
  search_text text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index offices_search_text_trgm on offices using gin (search_text gin_trgm_ops);

create table procedures (
  code text primary key,
  local_code text,
  name text not null,
  field text not null,
  level text not null check (level in ('commune', 'province')),
  agency text not null,
  online_level text not null check (online_level in ('full', 'partial')),
  description text not null,
  processing_time_text text not null,
  processing_time_working_days integer,
  fees jsonb not null default '[]',
  documents jsonb not null default '[]',
  requirements jsonb not null default '[]',
  result text not null,
  legal_basis jsonb not null default '[]',
  fields jsonb not null default '[]',
  popular_rank integer,
  -- null: every office of the procedure's level handles it; otherwise only these offices
  office_codes text[],
  unconfirmed text[] not null default '{}',
  source text not null,
  search_name text not null,
  -- name, code, field and description, each part separated by ' / '
  search_text text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index procedures_search_text_trgm on procedures using gin (search_text gin_trgm_ops);
create index procedures_popular on procedures (popular_rank, search_name) where active;

-- Which office handles which procedure, derived from the rule in data/README.md: commune and ward desks handle
-- every commune-level procedure, the provincial centre every province-level one, unless the procedure lists its
-- own offices.
create view office_procedures as
select o.code as office_code, p.code as procedure_code
from offices o
join procedures p on case
  when p.office_codes is not null then o.code = any (p.office_codes)
  when p.level = 'commune' then o.type in ('xa', 'phuong')
  else o.type = 'province'
end;
