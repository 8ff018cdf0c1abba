{#-
    The rows handed to the multivariate drift model (int_corridor__multivariate_drift.py):
    per model version x day, at most corridor_multivariate_rows_per_day events
    (the first by event_key, a hash of event_id, then event_at: a sample independent of the
    features, the same on every build; DuckDB only, as the model that reads it), with their window starts, segment
    columns (segment__<dimension>) and features (num__<feature> parsed as
    doubles, cat__<feature> as text). sample_rank, the event's rank in its
    day, splits a reference day into the rows that fit the model (odd) and
    those that calibrate its threshold (even).

    The bound on Python's input: model versions x days x the cap, whatever
    the number of events (docs/drift.md#multivariate-drift). Empty when no
    feature is configured (corridor.feature_columns): the drift model has
    nothing to compare then, and the sample's pass over every event (1.1-1.6 s
    at 40M events, alone) would be thrown away.
    Incremental with the lookback of the window statistics
    (corridor.lookback_condition; docs/incremental.md): a day's sample is drawn
    from that day's events alone, so a run recomputes the days from the
    lookback start (and a stale version's older days) and keeps the others.
-#}
{{ config(enabled=corridor.multivariate_drift_enabled()) }}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.lookback_delete('day_start') }}",
    )
}}

{%- set features = corridor.feature_columns() %}

with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}
    {{ corridor.where_clause(corridor.lookback_condition('event_at') if features else '1 = 0') }}

),

sampled as (

    {#- the cap smallest (event_key, event_at) of each model version x day, by a bounded heap per day (min_by with a
        count) rather than a sort of every event: the same rows in the same order, 6.9 s -> 1.0 s on 10M events #}
    select
        model_id,
        model_version,
        day_start,
        min_by(
            {
                {%- for grain in corridor.feature_drift_grains() if grain != 'day' %}
                '{{ grain }}_start': {{ grain }}_start,
                {%- endfor %}
                {%- for s in corridor.segment_dimensions() %}
                'segment__{{ s['dimension'] }}': segment_{{ s['dimension'] }},
                {%- endfor %}
                {%- for f in features %}
                '{{ 'num' if f['type'] == 'numeric' else 'cat' }}__{{ f['feature'] }}': feature_{{ f['feature'] }},
                {%- endfor %}
                '_event_key': event_key
            },
            { 'event_key': event_key, 'event_at': event_at },
            {{ corridor.setting('corridor_multivariate_rows_per_day') | int }}
        ) as picked

    from events
    group by model_id, model_version, day_start

),

ranked as (

    select
        model_id,
        model_version,
        day_start,
        {#- expands to the struct's fields, named by their keys (no alias to give) #}
        unnest(picked, recursive := true),  -- noqa: AL03
        generate_subscripts(picked, 1) as sample_rank

    from sampled

)

select * exclude (_event_key) from ranked
