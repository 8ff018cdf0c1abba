{#
    on-run-end hook (after the audit hook): print a one-screen summary of the
    build: checks by status, open alerts, blocked windows, quarantined rows,
    rule issues, and corridor's own dbt checks that warned or failed. Reads
    the tables of this build; a table not built (a run that selected a part of
    corridor) shows as "not built". Switched off with var
    corridor_run_summary: false. Returns no SQL: it only prints.
#}
{% macro print_run_summary(results) %}
    {{ return(adapter.dispatch('print_run_summary', 'corridor')(results)) }}
{% endmacro %}

{% macro default__print_run_summary(results) %}
    {%- if not execute or not corridor.setting('corridor_run_summary') or flags.WHICH not in ['run', 'build', 'test'] -%}
        {{ return('') }}
    {%- endif -%}
    {%- set lines = ['', 'corridor run summary' ~ (' (' ~ invocation_id ~ ')' if invocation_id else '')] -%}

    {%- set results_rel = corridor._corridor_node_relation('corridor_validation_results') -%}
    {%- if results_rel is none -%}
        {%- do lines.append('  checks       not built in this run') -%}
    {%- else -%}
        {%- set rows = run_query('select status, count(*) from ' ~ results_rel ~ ' group by 1').rows -%}
        {%- set by_status = {} -%}
        {%- set total = namespace(n=0) -%}
        {%- for row in rows -%}
            {%- do by_status.update({row[0]: row[1] | int}) -%}
            {%- set total.n = total.n + (row[1] | int) -%}
        {%- endfor -%}
        {%- set parts = [] -%}
        {%- for status in ['pass', 'warn', 'fail', 'inconclusive', 'blocked', 'missing'] -%}
            {%- do parts.append(status ~ ' ' ~ by_status.get(status, 0)) -%}
        {%- endfor -%}
        {%- do lines.append('  checks       ' ~ total.n ~ ': ' ~ (parts | join(', '))) -%}
        {%- set blocked = run_query("select count(distinct " ~ dbt.concat(['model_id', "'|'", 'window_grain', "'|'",
            dbt.cast('window_start', dbt.type_string())]) ~ ") from " ~ results_rel ~ " where status = 'blocked'").rows[0][0] | int -%}
        {%- do lines.append('  blocked      ' ~ blocked ~ ' windows (a data-quality gate failed: see corridor_quality_gates)') -%}
    {%- endif -%}

    {%- set alerts_rel = corridor._corridor_node_relation('corridor_alerts') -%}
    {%- if alerts_rel is not none -%}
        {%- set total, parts = corridor._summary_counts("select coalesce(severity, '(none)'), count(*) from " ~ alerts_rel ~ " where "
            "alert_status = 'open' group by 1 order by 1") -%}
        {%- do lines.append('  open alerts  ' ~ total ~ ((' (' ~ parts ~ ')') if parts else '')) -%}
    {%- endif -%}

    {%- set quarantine_rel = corridor._corridor_node_relation('corridor_quarantine') -%}
    {%- if quarantine_rel is not none -%}
        {%- set total, parts = corridor._summary_counts('select input_name, count(*) from ' ~ quarantine_rel ~ ' group by 1 order by 1') -%}
        {%- do lines.append('  quarantined  ' ~ total ~ ' rows' ~ ((' (' ~ parts ~ ')') if parts else '')) -%}
    {%- endif -%}

    {%- set issues_rel = corridor._corridor_node_relation('corridor_rule_issues') -%}
    {%- if issues_rel is not none -%}
        {%- set rows = run_query('select issue_level, count(*) from ' ~ issues_rel ~ ' group by 1').rows -%}
        {%- set by_level = {} -%}
        {%- for row in rows -%}
            {%- do by_level.update({row[0]: row[1] | int}) -%}
        {%- endfor -%}
        {%- do lines.append('  rule issues  ' ~ by_level.get('error', 0) ~ ' invalid rules, ' ~ by_level.get('warn', 0) ~ ' rules that '
            'could not judge (see corridor_rule_issues)') -%}
    {%- endif -%}

    {%- set flagged = [] -%}
    {%- for result in results -%}
        {%- set status = result.status | string -%}
        {%- if result.node.package_name == 'corridor' and result.node.resource_type == 'test' and status in ['warn', 'fail', 'error'] -%}
            {%- do flagged.append(result.node.name ~ ' ' ~ status ~ ((' (' ~ result.failures ~ ')') if result.failures else '')) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if flagged -%}
        {%- do lines.append('  dbt checks   ' ~ (flagged | length) ~ " of corridor's tests warned or failed:") -%}
        {%- for item in flagged | sort -%}
            {%- do lines.append('               ' ~ item) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- do lines.append('') -%}
    {{ print(lines | join('\n')) }}
    {{ return('') }}
{% endmacro %}



{#- (total, "key n, key n") of a query returning (key, count) rows. -#}
{% macro _summary_counts(sql) %}
    {%- set parts = [] -%}
    {%- set total = namespace(n=0) -%}
    {%- for row in run_query(sql).rows -%}
        {%- do parts.append(row[0] ~ ' ' ~ (row[1] | int)) -%}
        {%- set total.n = total.n + (row[1] | int) -%}
    {%- endfor -%}
    {{ return((total.n, parts | join(', '))) }}
{% endmacro %}
