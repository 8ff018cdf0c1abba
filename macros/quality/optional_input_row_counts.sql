{#-
    corridor.optional_input_row_counts(governance_inputs_on): the rows read
    and accepted of each optional input that is on, for the counts CTE of
    int_corridor__input_accounting (input_name, rows_read, rows_accepted),
    each select preceded by `union all` (the call follows the required
    inputs' selects): the governance inputs of `governance_inputs_on`
    (corridor.enabled_governance_inputs(); read from the model's
    governance_inputs CTE, accepted where is_accepted), the lineage inputs
    feature_versions and estimate_feature_versions (corridor.lineage_input_enabled;
    accepted where valid) and the offline evaluation input (accepted where
    int_corridor__offline_evaluation_checked accepts). Nothing when none is on.
-#}
{% macro optional_input_row_counts(governance_inputs_on) -%}
    {{ return(adapter.dispatch('optional_input_row_counts', 'corridor')(governance_inputs_on)) }}
{%- endmacro %}

{% macro default__optional_input_row_counts(governance_inputs_on) -%}
    {%- for governance_input in governance_inputs_on %}

    union all

    select
        {{ corridor.sql_string(governance_input) }} as input_name,
        (
            select count(*)
            from governance_inputs
            where input_name = {{ corridor.sql_string(governance_input) }}
        ) as rows_read,
        (
            select count(*)
            from governance_inputs
            where input_name = {{ corridor.sql_string(governance_input) }} and is_accepted
        ) as rows_accepted
    {%- endfor %}
    {%- for input_name in ['feature_versions', 'estimate_feature_versions'] if corridor.lineage_input_enabled(input_name) %}

    union all

    select
        '{{ input_name }}' as input_name,
        (select count(*) from {{ ref('stg_corridor__' ~ input_name) }}) as rows_read,
        (
            select count(*)
            from {{ ref('int_corridor__' ~ input_name ~ '_checked') }}
            where is_valid
        ) as rows_accepted
    {%- endfor %}
    {%- if corridor.input_config('offline_evaluation')['enabled'] %}

    union all

    select
        'offline_evaluation' as input_name,
        (select count(*) from {{ ref('stg_corridor__offline_evaluation') }}) as rows_read,
        (
            select count(*)
            from {{ ref('int_corridor__offline_evaluation_checked') }}
            where is_accepted
        ) as rows_accepted
    {%- endif %}
{%- endmacro %}
