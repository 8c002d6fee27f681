namespace CareerLedger.EventStore.Schema;

/// <summary>The event store's own tables and the quick-append function. See docs/event-store.md.</summary>
internal static class EventStoreSchema
{
    public static IEnumerable<Migration> Migrations()
    {
        yield return new Migration("0001_event_store", """
            create sequence {schema}.events_seq as bigint;

            create table {schema}.streams(
                tenant_id text not null,
                id uuid not null,
                type text not null,
                version bigint not null,
                created timestamptz not null,
                updated timestamptz not null,
                archived boolean not null default false,
                primary key (tenant_id, id));

            create table {schema}.events(
                seq_id bigint primary key,
                id uuid not null unique,
                tenant_id text not null,
                stream_id uuid not null,
                version bigint not null,
                type text not null,
                data jsonb not null,
                metadata jsonb not null default '{}'::jsonb,
                "timestamp" timestamptz not null,
                constraint events_stream_version unique (tenant_id, stream_id, version),
                constraint events_stream_fk foreign key (tenant_id, stream_id) references {schema}.streams(tenant_id, id));

            create index events_tenant_timestamp on {schema}.events (tenant_id, "timestamp");
            create index events_type_seq on {schema}.events (type, seq_id);

            -- Quick append: one round trip. The expected version is checked (under the stream's row lock) BEFORE any
            -- sequence value is taken, so a concurrency loser burns no sequence numbers. The transaction id is
            -- assigned first, so every holder of a sequence value is visible to the high-water-mark check
            -- (see docs/event-store.md, "Reading all events safely").
            create function {schema}.append_events(
                p_tenant text, p_stream uuid, p_stream_type text, p_expected bigint,
                p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[], p_timestamp timestamptz)
            returns table(out_seq bigint, out_version bigint)
            language plpgsql as $$
            declare
                v_current bigint;
                v_type text;
                v_count int := coalesce(array_length(p_ids, 1), 0);
                v_seqs bigint[];
            begin
                perform pg_current_xact_id();
                select s.version, s.type into v_current, v_type
                  from {schema}.streams s where s.tenant_id = p_tenant and s.id = p_stream for update;
                if not found then
                    if p_expected is not null and p_expected <> 0 then
                        raise exception using errcode = 'CL409', message = 'stream version 0';
                    end if;
                    insert into {schema}.streams(tenant_id, id, type, version, created, updated)
                        values (p_tenant, p_stream, p_stream_type, 0, p_timestamp, p_timestamp)
                        on conflict do nothing;
                    if not found then
                        -- another transaction started the stream first
                        select s.version, s.type into v_current, v_type
                          from {schema}.streams s where s.tenant_id = p_tenant and s.id = p_stream for update;
                        if p_expected is not null then
                            raise exception using errcode = 'CL409', message = 'stream version ' || v_current;
                        end if;
                    else
                        v_current := 0;
                        v_type := p_stream_type;
                    end if;
                elsif p_expected is not null and p_expected <> v_current then
                    raise exception using errcode = 'CL409', message = 'stream version ' || v_current;
                end if;

                if v_type <> p_stream_type then
                    raise exception using errcode = 'CL400', message = v_type;
                end if;

                update {schema}.streams set version = v_current + v_count, updated = p_timestamp
                 where tenant_id = p_tenant and id = p_stream;

                -- sequence values in ascending order, so global order matches stream order
                v_seqs := array(select s from (select nextval('{schema}.events_seq') as s from generate_series(1, v_count)) q order by s);

                return query
                insert into {schema}.events(seq_id, id, tenant_id, stream_id, version, type, data, metadata, "timestamp")
                select v_seqs[e.n], e.id, p_tenant, p_stream, v_current + e.n, e.type, e.data, e.metadata, p_timestamp
                  from unnest(p_ids, p_types, p_data, p_metadata) with ordinality as e(id, type, data, metadata, n)
                returning seq_id, version;
            end;
            $$;
            """);
    }
}
