{#-
    The rows handed to the multivariate drift model (int_corridor__multivariate_drift.py):
    per model version x day, at most corridor_multivariate_rows_per_day events
    (the first by event_key, a hash of event_id, then event_at: a sample independent of the
    features, the same on every build), with their window starts, segment
    columns (segment__<dimension>) and features (num__<feature> parsed as
    doubles, cat__<feature> as text). sample_rank, the event's rank in its
    day, splits a reference day into the rows that fit the model (odd) and
    those that calibrate its threshold (even).

    The bound on Python's input: model versions x days x the cap, whatever
    the number of events (docs/drift.md#multivariate-drift).
-#}
{%- set features = corridor.feature_columns() -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set grains = corridor.feature_drift_grains() -%}
{%- set cap = corridor.setting('corridor_multivariate_rows_per_day') | int -%}

with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}

),

ranked as (

    select
        model_id,
        model_version,
        day_start,
        {%- for grain in grains if grain != 'day' %}
        {{ grain }}_start,
        {%- endfor %}
        {%- for s in segments %}
        segment_{{ s['dimension'] }} as segment__{{ s['dimension'] }},
        {%- endfor %}
        {%- for f in features %}
        feature_{{ f['feature'] }} as {{ 'num' if f['type'] == 'numeric' else 'cat' }}__{{ f['feature'] }},
        {%- endfor %}
        row_number() over (
            partition by model_id, model_version, day_start
            order by event_key, event_at
        ) as sample_rank

    from events

)

select * from ranked
where sample_rank <= {{ cap }}
