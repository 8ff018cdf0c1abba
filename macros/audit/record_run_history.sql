{#
    on-run-end hook: append this invocation to corridor_run_history and its
    per-node row counts to corridor_run_model_history; when this invocation
    built them, also the row accounting of the inputs
    (int_corridor__input_accounting -> corridor_input_accounting) and the
    schema snapshot of the inputs (stg_corridor__input_columns ->
    corridor_input_schema_history), which the next run's schema checks
    compare against.

    Crash safety: every other audit row is written first, and the run row
    (opened as 'running' by corridor.begin_run_history) is settled last, in
    one UPDATE, with run_status success / tests_failed / partial_failure. A
    kill before that leaves it 'running'; the next invocation marks it
    'interrupted' and deletes its audit rows (docs/audit.md).

    Rows written = the node's row count after the run; rows read = the sum of
    the row counts of its direct parents (inputs, seeds, upstream models).
    Skips quietly when the history tables are not built yet (e.g. a run that
    selected neither), and can be switched off with var
    corridor_run_history_enabled: false.
#}
{% macro record_run_history(results) %}
    {{ return(adapter.dispatch('record_run_history', 'corridor')(results)) }}
{% endmacro %}

{% macro default__record_run_history(results) %}
    {%- if not corridor._corridor_records_runs() -%}
        {{ return('') }}
    {%- endif -%}

    {%- set history = corridor._corridor_node_relation('corridor_run_history') -%}
    {%- set model_history = corridor._corridor_node_relation('corridor_run_model_history') -%}
    {%- if history is none or model_history is none -%}
        {{ log("corridor: run history tables not built yet; this invocation is not recorded.", info=true) }}
        {{ return('') }}
    {%- endif -%}

    {#- every row count the loop below reads, in a few batched queries rather than one per node -#}
    {%- set counted = [] -%}
    {%- for result in results -%}
        {%- if result.node.package_name == 'corridor' and result.node.resource_type in ['model', 'seed'] -%}
            {%- if (result.status | string) == 'success' -%}
                {%- do counted.append(result.node.unique_id) -%}
            {%- endif -%}
            {%- do counted.extend(result.node.depends_on.nodes) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set counts = corridor._corridor_row_counts(counted) -%}
    {%- set node_rows = [] -%}
    {%- set ns = namespace(read=0, written=0, ok=0, failed=0, tests_failed=0) -%}
    {%- for result in results -%}
        {%- set node = result.node -%}
        {%- if node.resource_type in ['test', 'unit_test'] and (result.status | string) in ['fail', 'error'] -%}
            {%- set ns.tests_failed = ns.tests_failed + 1 -%}
        {%- endif -%}
        {%- if node.package_name == 'corridor' and node.resource_type in ['model', 'seed'] -%}
            {%- set status = result.status | string -%}
            {%- if status in ['success', 'pass'] -%}
                {%- set ns.ok = ns.ok + 1 -%}
            {%- else -%}
                {%- set ns.failed = ns.failed + 1 -%}
            {%- endif -%}
            {%- set written = counts.get(node.unique_id) if status == 'success' else none -%}
            {%- set read_total = namespace(n=0, known=true) -%}
            {%- for parent_id in node.depends_on.nodes -%}
                {%- set parent_rows = counts.get(parent_id) -%}
                {%- if parent_rows is none -%}
                    {%- set read_total.known = false -%}
                {%- else -%}
                    {%- set read_total.n = read_total.n + parent_rows -%}
                {%- endif -%}
            {%- endfor -%}
            {%- set rows_read = read_total.n if (read_total.known and node.depends_on.nodes | length > 0) else none -%}
            {%- if node.resource_type == 'seed' and written is not none -%}
                {%- set rows_read = written -%}
            {%- endif -%}
            {%- set ns.read = ns.read + (rows_read or 0) -%}
            {%- set ns.written = ns.written + (written or 0) -%}
            {%- do node_rows.append({
                'node_name': node.name,
                'resource_type': node.resource_type,
                'node_status': status,
                'relation_name': node.relation_name,
                'rows_read': rows_read,
                'rows_written': written,
                'execution_seconds': result.execution_time,
            }) -%}
        {%- endif -%}
    {%- endfor -%}

    {%- set rules_fingerprint = corridor._corridor_rules_fingerprint() -%}
    {%- set model_versions = corridor._corridor_model_versions() -%}
    {%- set config = corridor.resolved_config() -%}
    {%- set finished_at = modules.datetime.datetime.utcnow().strftime('%Y-%m-%d %H:%M:%S.%f') -%}
    {%- set started_at = run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') -%}
    {#- partial_failure: a model or seed failed or was skipped (its table is older than this run);
        tests_failed: every node built, some dbt test failed (e.g. an open alert of error severity) -#}
    {%- set run_status = 'partial_failure' if ns.failed > 0 else ('tests_failed' if ns.tests_failed > 0 else 'success') -%}
    {%- set s = corridor.sql_string -%}

    {%- set run_row = {
        'run_status': s(run_status), 'dbt_command': s(flags.WHICH), 'dbt_version': s(dbt_version),
        'corridor_version': s(corridor.corridor_version()), 'target_name': s(target.name), 'target_type': s(target.type),
        'config_fingerprint': s(local_md5(tojson(config, sort_keys=true))), 'config_json': s(tojson(config, sort_keys=true)),
        'rules_fingerprint': s(rules_fingerprint), 'model_versions': s(model_versions),
        'model_row_counts': s(tojson(node_rows, sort_keys=true)),
        'nodes_succeeded': ns.ok, 'nodes_failed': ns.failed, 'rows_read': ns.read, 'rows_written': ns.written,
        'started_at': 'cast(' ~ s(started_at) ~ ' as ' ~ dbt.type_timestamp() ~ ')',
        'finished_at': 'cast(' ~ s(finished_at) ~ ' as ' ~ dbt.type_timestamp() ~ ')',
    } -%}
    {%- set insert_history = 'insert into ' ~ history ~ ' (invocation_id, ' ~ (run_row.keys() | join(', ')) ~ ') select '
        ~ s(invocation_id) ~ ', ' ~ (run_row.values() | join(', ')) -%}

    {%- do corridor._corridor_test_pause('hook_start') -%}
    {%- do corridor.delete_rows(model_history, 'invocation_id = ' ~ s(invocation_id)) -%}
    {#- one insert per 100 nodes (an insert per node took 100 s of a Spark build's end hook) -#}
    {%- set bigint, double = dbt.type_bigint(), corridor.type_double() -%}
    {%- for chunk in node_rows | batch(100) -%}
        {%- set selects = [] -%}
        {%- for row in chunk -%}
            {%- do selects.append(
                'select ' ~ s(invocation_id) ~ ', ' ~ s(row['node_name']) ~ ', ' ~ s(row['resource_type'])
                ~ ', ' ~ s(row['node_status']) ~ ', ' ~ s(row['relation_name'])
                ~ ', cast(' ~ ('null' if row['rows_read'] is none else row['rows_read']) ~ ' as ' ~ bigint ~ ')'
                ~ ', cast(' ~ ('null' if row['rows_written'] is none else row['rows_written']) ~ ' as ' ~ bigint ~ ')'
                ~ ', cast(' ~ row['execution_seconds'] ~ ' as ' ~ double ~ ')'
            ) -%}
        {%- endfor -%}
        {%- do run_query(
            'insert into ' ~ model_history ~ ' (invocation_id, node_name, resource_type, node_status, relation_name,'
            ~ ' rows_read, rows_written, execution_seconds) ' ~ (selects | join(' union all '))
        ) -%}
        {%- if loop.first -%}
            {%- do corridor._corridor_test_pause('in_model_history') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do corridor._corridor_record_snapshots(results, started_at) -%}
    {#- the alerts as this run believed them, when corridor_alerts was built by it -#}
    {%- set alert_history = corridor._corridor_node_relation('corridor_alert_history') -%}
    {%- set alerts = corridor._corridor_node_relation('corridor_alerts') -%}
    {%- set alerts_built = node_rows | selectattr('node_name', 'equalto', 'corridor_alerts') | selectattr('node_status', 'equalto',
        'success') | list | length > 0 -%}
    {%- if alert_history is not none and alerts is not none and alerts_built -%}
        {%- do corridor.delete_rows(alert_history, 'invocation_id = ' ~ s(invocation_id)) -%}
        {%- set insert_alerts -%}
            insert into {{ alert_history }} (invocation_id, run_started_at, alert_id, rule_id, rule_version, model_id, model_version,
                metric, segment_dimension, segment_value, window_grain, alert_status, breach_level, severity, dbt_severity, owner,
                first_seen_window_start, opened_window_start, last_seen_window_start, closed_window_start, windows_breached,
                worst_bad_deviation, summary)
            select
                {{ s(invocation_id) }},
                cast({{ s(started_at) }} as {{ dbt.type_timestamp() }}),
                alert_id, rule_id, rule_version, model_id, model_version, metric, segment_dimension, segment_value, window_grain,
                    alert_status, breach_level, severity, dbt_severity, owner, first_seen_window_start, opened_window_start,
                    last_seen_window_start, closed_window_start, windows_breached, worst_bad_deviation, summary
            from {{ alerts }}
        {%- endset -%}
        {%- do run_query(insert_alerts) -%}
    {%- endif -%}
    {%- do corridor._corridor_test_pause('after_audit_rows') -%}
    {#- last, in one statement: the run row (opened as 'running' by corridor.begin_run_history) settles.
        A kill before this line leaves it 'running'; the next invocation marks it 'interrupted' and
        deletes the audit rows written above. -#}
    {%- if run_query('select count(*) from ' ~ history ~ ' where invocation_id = ' ~ s(invocation_id)).columns[0].values()[0] | int > 0 -%}
        {%- do corridor.update_rows(history, run_row, 'invocation_id = ' ~ s(invocation_id)) -%}
    {%- else -%}
        {%- do run_query(insert_history) -%}
    {%- endif -%}
    {{ log("corridor: recorded invocation " ~ invocation_id ~ " in " ~ history ~ " (" ~ ns.ok ~ " nodes succeeded, " ~ ns.failed ~ " "
        "failed, " ~ ns.written ~ " rows written).", info=true) }}
    {{ return('') }}
{% endmacro %}


{#- The built relation of one of corridor's own nodes, or none. -#}
{% macro _corridor_node_relation(name) %}
    {%- for node in graph.nodes.values() -%}
        {%- if node.package_name == 'corridor' and node.name == name -%}
            {{ return(adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias)) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(none) }}
{% endmacro %}


{#- Row counts of nodes and sources by unique id ({id: n}), none for one that cannot be counted; one
    union of count(*) per 50 relations. -#}
{% macro _corridor_row_counts(unique_ids) %}
    {%- set counts = {} -%}
    {%- set selects = [] -%}
    {%- for unique_id in unique_ids | unique -%}
        {%- do counts.update({unique_id: none}) -%}
        {%- set node = graph.nodes.get(unique_id) or graph.sources.get(unique_id) -%}
        {%- if node is not none and node.resource_type in ['model', 'seed', 'snapshot', 'source'] -%}
            {%- set identifier = node.identifier if node.resource_type == 'source' else node.alias -%}
            {%- set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=identifier) -%}
            {%- if relation is not none -%}
                {%- do selects.append('select ' ~ corridor.sql_string(unique_id) ~ ' as unique_id, count(*) as n from ' ~ relation) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for chunk in selects | batch(50) -%}
        {%- for row in run_query(chunk | join(' union all ')).rows -%}
            {%- do counts.update({row[0]: row[1] | int}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(counts) }}
{% endmacro %}


{#- md5 over the staged rules registry in a stable order, or none when it is not built. -#}
{% macro _corridor_rules_fingerprint() %}
    {%- set rules = corridor._corridor_node_relation('stg_corridor__rules') -%}
    {%- if rules is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set row_text = dbt.concat([
        "coalesce(rule_id, '')", "'|'", "coalesce(rule_version, '')", "'|'", "coalesce(metric, '')", "'|'",
        "coalesce(segment_dimension, '')", "'|'", "coalesce(segment_value, '')", "'|'", "coalesce(window_grain, '')", "'|'",
        "coalesce(comparison_kind, '')", "'|'", "coalesce(direction, '')", "'|'",
        "coalesce(" ~ dbt.cast('warn_tolerance', dbt.type_string()) ~ ", '')", "'|'",
        "coalesce(" ~ dbt.cast('fail_tolerance', dbt.type_string()) ~ ", '')", "'|'",
        "coalesce(" ~ dbt.cast('min_sample_size', dbt.type_string()) ~ ", '')", "'|'",
        "coalesce(" ~ dbt.cast('consecutive_windows', dbt.type_string()) ~ ", '')", "'|'",
        "coalesce(owner, '')", "'|'", "coalesce(escalation_path, '')", "'|'", "coalesce(severity, '')", "'|'",
        "coalesce(hypothesis, '')"
    ]) -%}
    {%- set query -%}
        select {{ dbt.hash(corridor.ordered_listagg('row_hash', "','", 'order by row_hash')) }}
        from (select {{ dbt.hash(row_text) }} as row_hash from {{ rules }}) as hashed
    {%- endset -%}
    {%- set result = run_query(query) -%}
    {{ return(result.columns[0].values()[0]) }}
{% endmacro %}


{#- Model versions seen in production, as 'model_id:version' joined by commas, or none. -#}
{% macro _corridor_model_versions() %}
    {%- set stats = corridor._corridor_node_relation('int_corridor__production_window_stats') -%}
    {%- if stats is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set result = run_query("select distinct model_id, model_version from " ~ stats ~ " where segment_dimension = 'all' order by 1, "
        "2") -%}
    {%- set versions = [] -%}
    {%- for row in result.rows -%}
        {%- do versions.append(row[0] ~ ':' ~ row[1]) -%}
    {%- endfor -%}
    {{ return(versions | join(',')) }}
{% endmacro %}


{#- Copy this run's input accounting and input schema into their history tables (when built by this run). -#}
{% macro _corridor_record_snapshots(results, started_at) %}
    {%- set built = [] -%}
    {%- for result in results -%}
        {%- if result.node.package_name == 'corridor' and (result.status | string) == 'success' -%}
            {%- do built.append(result.node.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set s = corridor.sql_string -%}
    {%- set recorded_at = 'cast(' ~ s(started_at) ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
    {%- set pairs = [
        ('int_corridor__input_accounting', 'corridor_input_accounting',
         'input_name, input_relation, rows_read, rows_accepted, rows_quarantined, is_balanced'),
        ('stg_corridor__input_columns', 'corridor_input_schema_history',
         'input_name, input_relation, column_name, data_type, column_position'),
    ] -%}
    {%- for source_name, history_name, columns in pairs -%}
        {%- if source_name in built -%}
            {%- set source = corridor._corridor_node_relation(source_name) -%}
            {%- set history = corridor._corridor_node_relation(history_name) -%}
            {%- if source is not none and history is not none -%}
                {%- do corridor.delete_rows(history, 'invocation_id = ' ~ s(invocation_id)) -%}
                {%- do run_query('insert into ' ~ history ~ ' (invocation_id, ' ~ columns ~ ', recorded_at) select ' ~ s(invocation_id)
                    ~ ', ' ~ columns ~ ', ' ~ recorded_at ~ ' from ' ~ source) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
{% endmacro %}
