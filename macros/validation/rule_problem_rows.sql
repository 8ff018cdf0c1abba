{#-
    corridor.rule_problem_rows(relation, checks): one row per rule version of
    `relation` and problem found in it (rule_id, rule_version, problem_code,
    problem), a union of one select per check of `checks`
    (corridor.rule_registry_checks(): (problem code, condition, reason)),
    each keeping the rows where its condition holds.
-#}
{% macro rule_problem_rows(relation, checks) -%}
    {{ return(adapter.dispatch('rule_problem_rows', 'corridor')(relation, checks)) }}
{%- endmacro %}

{% macro default__rule_problem_rows(relation, checks) -%}
    {%- for code, condition, reason in checks %}
    select
        rule_id,
        rule_version,
        {{ corridor.sql_string(code) }} as problem_code,
        {{ reason }} as problem

    from {{ relation }}
    where {{ condition }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
