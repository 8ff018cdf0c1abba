{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.replay_stale_rows_delete(
            corridor.replay_point_fingerprints(), ['as_of', 'is_build_now', 'results_fingerprint'], 'results_fingerprint'
        ) }}",
    )
}}
{#-
    The alerts each candidate setting (int_corridor__calibration_results)
    would have raised as of each replay point: the live alert logic
    (corridor.alert_episodes) per candidate × as_of.

    Incremental: a point's alerts depend only on its replayed results and
    the candidates (results_fingerprint, corridor.replay_point_fingerprints),
    so a run computes the points whose fingerprint it does not hold (new
    points, the build's now, points whose results changed); the pre-hook
    corridor.replay_stale_rows_delete removes the others' old alerts.
-#}
{%- set point_keys = ['as_of', 'is_build_now', 'results_fingerprint'] %}

with

point_fingerprints as (

    {{ corridor.replay_point_fingerprints() }}

),

points_to_compute as (

    select point_fingerprints.*
    from point_fingerprints
    {%- if is_incremental() and not corridor.missing_stored_columns(['results_fingerprint']) %}
    left join (
        select distinct {{ point_keys | join(', ') }}
        from {{ this }}
    ) as kept
        on {{ corridor.keys_equal('point_fingerprints', 'kept', point_keys) }}
    where kept.as_of is null
    {%- endif %}

),

{# the points' rows of the candidates' results (results), and of the replayed windows before the candidates fan
   them out (windows: their passes are the same under every candidate) #}
{%- for cte, source in [('results', 'int_corridor__calibration_results'), ('windows', 'int_corridor__replay_results')] %}

{{ cte }} as (

    select
        {{ source }}.*,
        points_to_compute.results_fingerprint

    from {{ ref(source) }} as {{ source }}
    inner join points_to_compute
        on {{ corridor.keys_equal(source, 'points_to_compute', point_keys[:2]) }}

),
{%- endfor %}

alerts as (

    {{ corridor.alert_episodes(
        'results', partition_by=['candidate_id', 'as_of', 'is_build_now', 'results_fingerprint'],
        shared={'relation': 'windows', 'keys': ['candidate_id'], 'row_keys': ['result_id'], 'may_breach': 'is_breach'}
    ) }}

)

select * from alerts
