{#-
    The rules registry and the offline estimates as they stand in this run,
    one row per rule version (key rule_id|rule_version) or estimate (key
    estimate_id, or model|version|metric|dimension|value|grain|valid_from
    without one), with every field corridor reads as a JSON object
    (content), its md5 (content_hash), who changed it (changed_by, when the
    input carries it) and the tolerances and expected value as columns.
    Duplicate keys (reported as rule issues or quarantined) keep one row,
    the same on every build. corridor_change_log compares this with its
    last recorded state.
-#}
{%- set rule_fields = ['hypothesis', 'metric', 'segment_dimension', 'segment_value', 'window_grain', 'comparison_kind', 'direction',
    'tolerance_unit', 'warn_tolerance', 'fail_tolerance', 'min_sample_size', 'consecutive_windows', 'power', 'owner', 'escalation_path',
    'severity', 'model_id', 'valid_from', 'expected_source'] -%}
{%- set estimate_fields = ['model_id', 'model_version', 'metric', 'segment_dimension', 'segment_value', 'window_grain', 'expected_value',
    'standard_error', 'interval_lower', 'interval_upper', 'confidence_level', 'sample_size', 'method', 'estimator_version',
    'evaluation_dataset_id', 'produced_at', 'valid_from', 'valid_to'] -%}
{#- each field under its own name in the JSON of the content -#}
{%- set rule_pairs = zip(rule_fields, rule_fields) | list -%}
{%- set estimate_pairs = zip(estimate_fields, estimate_fields) | list -%}

with

rules as (

    select * from {{ ref('stg_corridor__rules') }}

),

estimates as (

    select * from {{ ref('stg_corridor__offline_estimates') }}

),

current_state as (

    select
        'rule' as entity_kind,
        coalesce(rule_id, '') || '|' || rule_version as entity_key,
        rule_id,
        cast(null as {{ dbt.type_string() }}) as estimate_id,
        model_id,
        {{ corridor.json_object_text(rule_pairs) }} as content,
        changed_by,
        warn_tolerance,
        fail_tolerance,
        cast(null as {{ corridor.type_double() }}) as expected_value

    from rules

    union all

    select
        'offline_estimate' as entity_kind,
        coalesce(
            estimate_id,
            {{ dbt.concat(['model_id', "'|'", 'model_version', "'|'", 'metric', "'|'", 'segment_dimension', "'|'", 'segment_value', "'|'",
                "coalesce(window_grain, '')", "'|'", "coalesce(" ~ dbt.cast('valid_from', dbt.type_string()) ~ ", '')"]) }}
        ) as entity_key,
        cast(null as {{ dbt.type_string() }}) as rule_id,
        estimate_id,
        model_id,
        {{ corridor.json_object_text(estimate_pairs) }} as content,
        changed_by,
        cast(null as {{ corridor.type_double() }}) as warn_tolerance,
        cast(null as {{ corridor.type_double() }}) as fail_tolerance,
        expected_value

    from estimates

),

current_unique as (

    select
        *,
        {{ dbt.hash('content') }} as content_hash,
        row_number() over (partition by entity_kind, entity_key order by content) as key_rank

    from current_state

),

final as (

    select
        entity_kind,
        entity_key,
        rule_id,
        estimate_id,
        model_id,
        content,
        content_hash,
        changed_by,
        warn_tolerance,
        fail_tolerance,
        expected_value

    from current_unique
    where key_rank = 1

)

select * from final
