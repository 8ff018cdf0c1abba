{{
    config(
        materialized='incremental',
        unique_key=['invocation_id', 'observation_id'],
        incremental_strategy=('append' if target.type == 'spark' else 'delete+insert'),
        on_schema_change='append_new_columns',
    )
}}
{#-
    What was believed at each run: every row of corridor_metric_observations
    the first time it appears and every time its value, sample size,
    uncertainty or label maturity changes (late events, late labels, a
    corrected estimate), stamped with the run. What a run R believed about an
    observation is its latest row recorded at or before R. Incremental and
    never wiped by --full-refresh.
-#}
{%- set compared = ['metric_value', 'sample_size', 'standard_error', 'interval_lower', 'interval_upper', 'confidence_level',
    'label_maturity', 'estimate_id'] -%}
{#- built after corridor_run_history, whose post-hook opens this run's row (corridor.begin_run_history) -#}
-- depends_on: {{ ref('corridor_run_history') }}

with

observations as (

    select * from {{ ref('corridor_metric_observations') }}

),

{%- if is_incremental() %}

history as (

    select * from {{ this }}

),

believed as (

    select
        *,
        row_number() over (partition by observation_id order by recorded_at desc, invocation_id desc) as belief_rank

    from history

),

latest as (

    select * from believed
    where belief_rank = 1

),

{%- endif %}

changed as (

    select observations.*
    from observations
    {%- if is_incremental() %}
    left join latest
        on observations.observation_id = latest.observation_id
    where latest.observation_id is null
        {%- for column in compared %}
        or observations.{{ column }} is distinct from latest.{{ column }}
        {%- endfor %}
    {%- endif %}

),

final as (

    select
        cast({{ corridor.sql_string(invocation_id) }} as {{ dbt.type_string() }}) as invocation_id,
        observation_id,
        source,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        estimate_id,
        metric_value,
        sample_size,
        standard_error,
        interval_lower,
        interval_upper,
        confidence_level,
        label_maturity,
        window_start,
        cast({{ corridor.sql_string(run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f')) }} as {{ dbt.type_timestamp() }}) as recorded_at

    from changed

)

select * from final
