{#
    corridor.stale_version_starts(changed_query, common_start=none): runs
    `changed_query` (CTEs ending in a select of model_id, model_version,
    first_changed_at: the first window at which a version's stored rows
    differ from its inputs) and returns, for each version that changed
    before the common lookback start (`common_start`, by default
    corridor.lookback_start()), {model_id, model_version, start}:
    first_changed_at aligned down to its week (and month when the month
    grain is built), as a SQL timestamp expression. Shared by
    corridor.version_lookback_starts and corridor.event_lookback_starts (which
    passes corridor.lookback_day_start()).
#}
{% macro stale_version_starts(changed_query, common_start=none) %}
    {{ return(adapter.dispatch('stale_version_starts', 'corridor')(changed_query, common_start)) }}
{% endmacro %}

{% macro default__stale_version_starts(changed_query, common_start=none) %}
    {%- set common_start = common_start if common_start is not none else corridor.lookback_start() -%}
    {%- if common_start is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        with

        changed as (

            {{ changed_query }}

        ),

        aligned as (

            select
                model_id,
                model_version,
                {%- if 'month' in corridor.setting('corridor_window_grains') %}
                least(
                    {{ corridor.window_start('week', 'first_changed_at') }},
                    {{ corridor.window_start('month', 'first_changed_at') }}
                ) as recompute_from
                {%- else %}
                {{ corridor.window_start('week', 'first_changed_at') }} as recompute_from
                {%- endif %}
            from changed

        )

        select
            model_id,
            model_version,
            cast(recompute_from as {{ dbt.type_string() }}) as recompute_from
        from aligned
        where recompute_from < {{ common_start }}
        order by model_id, model_version
    {%- endset -%}
    {#- One scan per run: a model asks in its body and again in its pre-hook (the delete), both before either
        writes, and every incremental model of the event pipeline asks the same question of the same state (the
        previous run's window statistics; the first asks before they are rebuilt), so later calls reuse the first
        answer: the models downstream of the window statistics (the intervals) compile after the rebuild, when a
        new scan would find nothing stale. Keyed by the invocation (a Python process may run several dbt
        invocations over one manifest) and the query. -#}
    {%- set cache = graph.setdefault('corridor_stale_version_starts', {}) -%}
    {%- set cache_key = invocation_id ~ '|' ~ local_md5(query) -%}
    {%- if cache_key in cache -%}
        {{ return(cache[cache_key]) }}
    {%- endif -%}
    {%- set starts = [] -%}
    {%- for row in run_query(query).rows -%}
        {%- do starts.append({
            'model_id': row[0],
            'model_version': row[1],
            'start': 'cast(' ~ corridor.sql_string(row[2] | string) ~ ' as ' ~ dbt.type_timestamp() ~ ')',
        }) -%}
    {%- endfor -%}
    {%- do cache.update({cache_key: starts}) -%}
    {{ return(starts) }}
{% endmacro %}
