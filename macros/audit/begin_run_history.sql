{#
    on-run-start hook: open this invocation's row in corridor_run_history with
    run_status 'running' (once; also a post-hook of corridor_run_history), after repairing what an earlier invocation killed
    mid-way (kill -9, OOM, a lost machine) left behind.

    Together with corridor.record_run_history() (on-run-end), which writes
    every other audit row of the run first and settles the run row last in one
    statement, this gives the audit trail its guarantee: the audit rows of a
    run (corridor_run_model_history, corridor_input_accounting,
    corridor_input_schema_history, corridor_alert_history,
    corridor_metric_observation_history) are either all there, with a run row
    whose run_status says how it ended, or none of them are:
    - a run row still 'running' at the start of another invocation belongs to
      an invocation that never finished: it is marked 'interrupted' and its
      audit rows are deleted (its results were never settled);
    - on a first build, the table does not exist when on-run-start runs: the
      same macro runs as a post-hook of corridor_run_history, which builds
      before corridor_metric_observation_history, so even then the run row
      exists before any other audit row is written.
    Audit rows are deleted only for invocations whose run row says they did
    not finish; rows written while corridor_run_history_enabled was false
    (they have no run row) are left alone.
    corridor publish refuses a build file whose last run is not settled, so
    the half-rebuilt tables of a killed build are never published.

    Assumes one corridor build at a time per target schema (DuckDB enforces
    it with its file lock). Switched off with corridor_run_history_enabled.
#}
{% macro begin_run_history(history=none) %}
    {{ return(adapter.dispatch('begin_run_history', 'corridor')(history)) }}
{% endmacro %}

{% macro default__begin_run_history(history) %}
    {%- set as_post_hook = history is not none -%}
    {%- if not corridor._corridor_records_runs() -%}
        {{ return('') }}
    {%- endif -%}
    {#- as a post-hook, the table just built is passed in (not yet in dbt's relation cache on a first build) -#}
    {%- set history = history or corridor._corridor_node_relation('corridor_run_history') -%}
    {%- if history is none -%}
        {{ return('') }}
    {%- endif -%}
    {%- set s = corridor.sql_string -%}
    {#- as a post-hook (a first build), other models run in parallel: no repair (there is nothing to repair
        when the run history table did not exist), only the run row -#}
    {%- set unfinished = "select invocation_id from " ~ history ~ " where run_status in ('running', 'interrupted') and invocation_id <> "
        ~ s(invocation_id) -%}
    {%- set killed = [] if as_post_hook else run_query("select invocation_id from " ~ history ~ " where run_status = 'running' and "
        "invocation_id <> " ~ s(invocation_id)).columns[0].values() | list -%}
    {%- for name in ([] if as_post_hook else corridor._corridor_audit_tables()) -%}
        {%- set audit = corridor._corridor_node_relation(name) -%}
        {%- if audit is not none -%}
            {%- do corridor.delete_rows(audit, 'invocation_id in (' ~ unfinished ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if killed | length > 0 -%}
        {%- do corridor.update_rows(history, {'run_status': "'interrupted'"}, "run_status = 'running' and invocation_id <> "
            ~ s(invocation_id)) -%}
        {{ log("corridor: earlier invocation(s) " ~ (killed | join(', ')) ~ " did not finish (killed?): marked 'interrupted' in " ~ history
            ~ ", their partial audit rows removed.", info=true) }}
    {%- endif -%}
    {%- if run_query('select count(*) from ' ~ history ~ ' where invocation_id = ' ~ s(invocation_id)).columns[0].values()[0] | int > 0 -%}
        {{ return('') }}
    {%- endif -%}
    {%- do run_query(
        'insert into ' ~ history ~ ' (invocation_id, run_status, dbt_command, dbt_version, corridor_version, target_name, target_type, '
            'started_at) select '
        ~ s(invocation_id) ~ ", 'running', " ~ s(flags.WHICH) ~ ', ' ~ s(dbt_version) ~ ', ' ~ s(corridor.corridor_version()) ~ ', '
        ~ s(target.name) ~ ', ' ~ s(target.type) ~ ', cast(' ~ s(run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f')) ~ ' as '
            ~ dbt.type_timestamp() ~ ')'
    ) -%}
    {{ return('') }}
{% endmacro %}


{#- corridor's audit tables keyed by invocation_id, besides corridor_run_history itself. -#}
{% macro _corridor_audit_tables() %}
    {{ return(['corridor_run_model_history', 'corridor_input_accounting', 'corridor_input_schema_history', 'corridor_alert_history',
        'corridor_metric_observation_history']) }}
{% endmacro %}


{#- Whether this invocation is recorded in the run history: executing a command that builds or tests, with
    corridor_run_history_enabled (default true). -#}
{% macro _corridor_records_runs() %}
    {{ return(execute and corridor.setting('corridor_run_history_enabled') and flags.WHICH in ['run', 'build', 'seed', 'test',
        'snapshot']) }}
{% endmacro %}
