{#-
    One row per rule version in the rules registry (the hypotheses). Names are
    lower-cased and trimmed; empty segment fields mean overall traffic.
    Validation of the rules themselves (unknown metric, impossible tolerance,
    missing owner) happens downstream, where each problem is reported with the
    rule id instead of being silently skipped.
-#}
{%- set relation = corridor.input_relation('rules') -%}
{%- set c = corridor.resolve_input_columns('rules', relation) -%}
{%- set text = corridor.typed_column_expressions(c, [
    'hypothesis', 'segment_dimension', 'segment_value', 'window_grain', 'direction', 'escalation_path', 'severity', 'rule_version',
    'model_id', 'tolerance_unit', 'valid_from', 'feature', 'expected_source', 'changed_by', 'observation_source'
], 'string') -%}
{%- set num = corridor.typed_column_expressions(
    c, ['warn_tolerance', 'fail_tolerance', 'min_sample_size', 'consecutive_windows', 'power'], 'double',
    'cast(null as ' ~ corridor.type_double() ~ ')'
) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        trim(cast({{ c['rule_id'] }} as {{ dbt.type_string() }})) as rule_id,
        coalesce(nullif(trim({{ text['rule_version'] }}), ''), '1') as rule_version,
        {{ text['hypothesis'] }} as hypothesis,
        lower(trim(cast({{ c['metric'] }} as {{ dbt.type_string() }}))) as metric,
        coalesce(nullif(lower(trim({{ text['segment_dimension'] }})), ''), 'all') as segment_dimension,
        coalesce(nullif(trim({{ text['segment_value'] }}), ''), 'all') as segment_value,
        coalesce(nullif(lower(trim({{ text['window_grain'] }})), ''), 'day') as window_grain,
        lower(trim(cast({{ c['comparison_kind'] }} as {{ dbt.type_string() }}))) as comparison_kind,
        coalesce(nullif(lower(trim({{ text['direction'] }})), ''), 'two_sided') as direction,
        nullif(trim(cast({{ c['owner'] }} as {{ dbt.type_string() }})), '') as owner,
        {{ text['escalation_path'] }} as escalation_path,
        lower(trim({{ text['severity'] }})) as severity,
        nullif(trim({{ text['model_id'] }}), '') as model_id,
        nullif(lower(trim({{ text['tolerance_unit'] }})), '') as tolerance_unit,
        {#- drift rules (comparison_kind drift): the feature judged #}
        nullif(lower(trim({{ text['feature'] }})), '') as feature_name,
        {#- offline (default) or offline_mix_adjusted: which offline source the rule compares against (docs/decisions.md) #}
        nullif(lower(trim({{ text['expected_source'] }})), '') as expected_source,
        {#- who changed the rule, when the registry carries it (corridor_change_log) #}
        nullif(trim({{ text['changed_by'] }}), '') as changed_by,
        {#- which observations the rule judges: production (default) or label_free_estimate (docs/label-free.md) #}
        coalesce(nullif(lower(trim({{ text['observation_source'] }})), ''), 'production') as observation_source,
        {{ num['power'] }} as power,
        {{ num['warn_tolerance'] }} as warn_tolerance,
        {{ num['fail_tolerance'] }} as fail_tolerance,
        {#- whole-number casts only of values that fit (a larger or non-finite value is a rule issue, not a failed build) #}
        cast(case when abs({{ num['min_sample_size'] }}) <= 1e15 then {{ num['min_sample_size'] }} end as {{ dbt.type_bigint() }})
            as min_sample_size,
        cast(
            coalesce(case when abs({{ num['consecutive_windows'] }}) <= 1e6 then {{ num['consecutive_windows'] }} end, 1)
            as {{ dbt.type_int() }}
        ) as consecutive_windows,
        {{ corridor.parse_timestamp(c['valid_from']) if c['valid_from'] else 'cast(null as ' ~ dbt.type_timestamp() ~ ')' }} as valid_from,
        nullif(trim({{ text['valid_from'] }}), '') as valid_from_raw,
        {#- as given, so that rules_checked can tell an unparseable or fractional value from an absent one #}
        {{- corridor.raw_and_value_columns(c, num) }}

    from source

)

select * from renamed
