{#
    What the replay's as-of statistics were computed from
    (docs/incremental.md, "The replay"): the accepted events of
    int_corridor__events_enriched per model version and day.

    corridor.replay_event_snapshot(): taken once per invocation, by the first
    replay model to compile: int_corridor__replay_label_arrivals (upstream of
    the others; or int_corridor__replay_label_cutoffs, or the first of
    int_corridor__replay_label_stats and int_corridor__replay_score_histograms
    to compile, in a selection without it). Each reads the enriched events,
    so it compiles after they were built, and no later model of the
    invocation changes them. A dict:

    - days: per model version and day (corridor.window_start('day') of
      event_at, as text) its number of events and their
      corridor.fingerprint_sum over every column of the enriched events
      (the label, its arrival, the score, the segments ...);
    - rules: an md5 of every setting that shapes results (corridor_as_of,
      the grains, the rolling windows, the replay's step and horizon ...);
    - built_at: this run's time; consumers: the replay models that read it
      in this invocation (corridor.replay_increment adds them).

    int_corridor__replay_event_state writes it after those models, and the
    next run compares with it. None while dbt parses and when the enriched
    events do not exist yet (a compile of an empty database). take=false
    (int_corridor__replay_event_state): this invocation's snapshot, or none
    when no replay model took one; nothing is queried.
#}
{% macro replay_event_snapshot(take=true) %}
    {{ return(adapter.dispatch('replay_event_snapshot', 'corridor')(take)) }}
{% endmacro %}

{% macro default__replay_event_snapshot(take=true) %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set cache = graph.setdefault('corridor_replay_event_snapshot', {}) -%}
    {%- if invocation_id in cache or not take -%}
        {{ return(cache.get(invocation_id)) }}
    {%- endif -%}
    {%- set events = load_relation(ref('int_corridor__events_enriched')) -%}
    {%- if events is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in adapter.get_columns_in_relation(events) | sort(attribute='name') -%}
        {%- do columns.append(adapter.quote(column.name)) -%}
    {%- endfor -%}
    {%- set settings = {} -%}
    {%- for name in corridor._corridor_setting_defaults().keys() | list | sort -%}
        {%- do settings.update({name: corridor.setting(name) | string}) -%}
    {%- endfor -%}
    {#- the days before the enriched events' recompute: the state's, when it was taken from the build they come from -#}
    {%- set kept = corridor.replay_kept_days() -%}
    {%- set text = dbt.type_string() -%}
    {%- set query -%}
        select
            model_id,
            model_version,
            cast(day_start as {{ text }}) as day_start,
            count(*) as n_events,
            {{ corridor.fingerprint_sum(columns) }} as row_fingerprint
        from (
            select
                *,
                {{ corridor.window_start('day', 'event_at') }} as day_start
            from {{ events }}
            {%- if kept is not none %}
            where event_at >= {{ kept['before'] }}
            {%- endif %}
        ) as events
        group by 1, 2, 3
        {%- if kept is not none %}

        union all

        select model_id, model_version, day_start, n_events, row_fingerprint
        from {{ kept['state'] }}
        where consumer = {{ corridor.sql_string(kept['consumer']) }}
            and cast(day_start as {{ dbt.type_timestamp() }}) < {{ kept['before'] }}
        {%- endif %}
    {%- endset -%}
    {%- set days = {} -%}
    {%- for row in run_query(query).rows -%}
        {%- do days.update({(row[0], row[1], row[2] | string): [row[3] | int, row[4] | string]}) -%}
    {%- endfor -%}
    {%- set snapshot = {
        'days': days,
        'rules': local_md5(settings | tojson),
        'built_at': corridor.run_time(),
        'path': 'full' if kept is none else 'delta',
        'consumers': [],
    } -%}
    {%- do cache.update({invocation_id: snapshot}) -%}
    {{ return(snapshot) }}
{% endmacro %}
