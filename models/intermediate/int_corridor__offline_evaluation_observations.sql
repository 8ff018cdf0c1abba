{#-
    The offline estimates of the offline evaluation input in the columns of
    corridor_metric_observations' union (before its casts): source
    `offline_evaluation` (int_corridor__offline_evaluation_aligned, per
    segment) and `offline_feature_adjusted`
    (int_corridor__offline_feature_adjusted), both per segment. Read by
    corridor_metric_observations only while the input is on
    (docs/offline-evaluation.md).
-#}
{%- set on = corridor.input_config('offline_evaluation')['enabled'] -%}
{%- set evaluation_relation = corridor.input_relation_name('offline_evaluation') if on else 'offline_evaluation (off)' -%}
{%- set events_relation = corridor.input_relation_name('production_events') -%}

with

offline_evaluation as (

    select * from {{ ref('int_corridor__offline_evaluation_aligned') }}

),

feature_adjusted as (

    select
        adjusted.*,
        {{ corridor.window_end_by_grain('adjusted.window_grain', '0', 'adjusted.window_start') }} as window_end

    from {{ ref('int_corridor__offline_feature_adjusted') }} as adjusted

),

unioned as (

    {%- for name, source, relation_suffix in [('offline_evaluation', 'offline_evaluation', ''),
        ('feature_adjusted', 'offline_feature_adjusted', ' + ' ~ events_relation)] %}

    select
        {{ corridor.sql_string(source) }} as source,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        method,
        interval_method,
        estimate_id,
        cast(null as {{ dbt.type_string() }}) as estimator_version,
        {{ 'cast(null as ' ~ dbt.type_string() ~ ') as evaluation_dataset_id' if name == 'feature_adjusted' else 'evaluation_dataset_id' }},
        {{ corridor.sql_string(evaluation_relation ~ relation_suffix) }} as input_relation,
        expected_value as metric_value,
        sample_size,
        standard_error,
        interval_lower,
        interval_upper,
        confidence_level,
        cast(null as {{ corridor.type_double() }}) as label_maturity,
        window_start,
        window_end,
        cast(null as {{ dbt.type_timestamp() }}) as estimate_produced_at

    from {{ name }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from unioned
