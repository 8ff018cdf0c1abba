{#-
    corridor.gate_verdict_select(checks, keys): the verdict of the quality
    gates per group of `keys` (a list of column names) over a relation of
    window-level check rows (check_name, gate_status, diagnostic,
    window_end and the keys): gate_status the worst status ('fail' > 'warn'
    > 'pass'), failing_checks the names that set it (alphabetical,
    comma-separated; '' on a pass), gate_diagnostic one readable line, the
    counts n_checks, n_failed, n_warned and the latest window_end. Serves
    int_corridor__window_gate_status (per model id × grain × window) and the
    replay's gates as of each point (int_corridor__replay_label_gates).
-#}
{% macro gate_verdict_select(checks, keys) %}
    {%- set string = dbt.type_string() %}
    select
        {%- for key in keys %}
        {{ key }},
        {%- endfor %}
        cast(case when n_failed > 0 then 'fail' when n_warned > 0 then 'warn' else 'pass' end as {{ string }}) as gate_status,
        cast(case
            when n_failed > 0 then failed_checks
            when n_warned > 0 then warned_checks
            else ''
        end as {{ string }}) as failing_checks,
        cast(case
            when n_failed > 0
                then 'data incident, ' || cast(n_failed as {{ string }}) || ' of ' || cast(n_checks as {{ string }})
                || ' gate checks failed: ' || failed_diagnostics
            when n_warned > 0
                then 'data warning, ' || cast(n_warned as {{ string }}) || ' of ' || cast(n_checks as {{ string }})
                || ' gate checks warn: ' || warned_diagnostics
            else 'all ' || cast(n_checks as {{ string }}) || ' gate checks passed'
        end as {{ string }}) as gate_diagnostic,
        cast(n_checks as {{ dbt.type_bigint() }}) as n_checks,
        cast(n_failed as {{ dbt.type_bigint() }}) as n_failed,
        cast(n_warned as {{ dbt.type_bigint() }}) as n_warned,
        cast(window_end as {{ dbt.type_timestamp() }}) as window_end

    from (
        select
            {{ keys | join(',\n            ') }},
            max(window_end) as window_end,
            count(*) as n_checks,
            sum(case when gate_status = 'fail' then 1 else 0 end) as n_failed,
            sum(case when gate_status = 'warn' then 1 else 0 end) as n_warned,
            {{ corridor.ordered_listagg("case when gate_status = 'fail' then check_name end", "','", 'order by check_name') }}
                as failed_checks,
            {{ corridor.ordered_listagg("case when gate_status = 'warn' then check_name end", "','", 'order by check_name') }}
                as warned_checks,
            {{ corridor.ordered_listagg("case when gate_status = 'fail' then " ~ dbt.concat(['check_name', "': '", 'diagnostic']) ~ " end",
                "'; '", 'order by check_name') }} as failed_diagnostics,
            {{ corridor.ordered_listagg("case when gate_status = 'warn' then " ~ dbt.concat(['check_name', "': '", 'diagnostic']) ~ " end",
                "'; '", 'order by check_name') }} as warned_diagnostics

        from {{ checks }}
        group by {{ keys | join(', ') }}
    ) as summarized
{% endmacro %}
