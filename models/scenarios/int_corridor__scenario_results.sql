{#-
    The validation results of every scenario run, as corridor_validation_results
    judges them: the run's metric checks (int_corridor__scenario_checks) and
    the build's drift checks (unchanged by a scenario) in the columns of
    int_corridor__checks, the same result_id as the live result, a
    Benjamini-Hochberg family per run (corridor.fdr_q_values) and
    is_confirmed_breach at var corridor_fdr_level.
-#}
{%- set fdr = corridor.setting('corridor_fdr_level') -%}
{#- the columns of int_corridor__checks (before it exists, at parse or lint time, one stands in) -#}
{%- set columns = (adapter.get_columns_in_relation(ref('int_corridor__checks')) if execute
    else []) | map(attribute='name') | map('lower') | list -%}
{%- if columns | length == 0 -%}{%- set columns = ['rule_id'] -%}{%- endif -%}

with

runs as (

    select distinct
        scenario_id,
        seed
    from {{ ref('int_corridor__scenario_runs') }}

),

checks as {{ corridor.materialized_cte() }} (

    select
        scenario_id,
        seed,
        {{ columns | join(', ') }}
    from {{ ref('int_corridor__scenario_checks') }}

    union all

    select
        runs.scenario_id,
        runs.seed,
        drift_checks.{{ columns | join(', drift_checks.') }}
    from {{ ref('int_corridor__checks') }} as drift_checks
    cross join runs
    where drift_checks.comparison_kind = 'drift'

),

keyed as {{ corridor.materialized_cte() }} (

    select
        {{ dbt.hash(dbt.concat([
            'rule_id', "'|'", 'rule_version', "'|'", 'model_id', "'|'", 'model_version', "'|'",
            'segment_dimension', "'|'", 'segment_value', "'|'", 'window_grain', "'|'",
            dbt.cast('window_start', dbt.type_string())
        ])) }} as result_id,
        *,
        status not in ('missing', 'blocked') and gate_reason is null and p_value is not null as is_tested

    from checks

),

q_values as (

    {{ corridor.fdr_q_values('keyed', 'result_id', 'p_value', 'is_tested', partition_by=['scenario_id', 'seed']) }}

),

final as (

    select
        keyed.*,
        cast(keyed.observed_value as {{ corridor.type_double() }}) as production_value,
        cast(q_values.q_value as {{ corridor.type_double() }}) as q_value,
        keyed.status in ('warn', 'fail') as is_breach,
        coalesce(keyed.status in ('warn', 'fail') and q_values.q_value <= {{ fdr }}, false) as is_confirmed_breach,
        keyed.rule_id || ' v' || keyed.rule_version || ' ' || keyed.status || ' in scenario ' || keyed.scenario_id
        || ' (seed ' || cast(keyed.seed as {{ dbt.type_string() }}) || ')' as reason

    from keyed
    left join q_values
        on keyed.scenario_id = q_values.scenario_id
        and keyed.seed = q_values.seed
        and keyed.result_id = q_values.result_id

)

select * from final
