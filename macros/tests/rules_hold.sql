{#-
    Generic test `corridor.rules_hold`: make `dbt build` warn or fail while a
    rule of corridor's rules registry has an open alert.

    Attach it to the rule-id column of your rules relation (the seed, source
    or model you point var corridor_rules at), once per dbt severity:

        columns:
          - name: rule_id
            data_tests:
              - corridor.rules_hold:
                  arguments: {dbt_severity: error}
              - corridor.rules_hold:
                  arguments: {dbt_severity: warn}

    Each rule's own severity picks the test that reports it, through var
    corridor_severity_levels (default: critical, high -> error; medium, low
    -> warn; info -> none). Only rules whose ids appear in the column are
    checked; `rule_ids` narrows further. Every failing row carries a
    `failure_message` naming rule, version, segment, windows, owner and
    deviation, and the same lines are printed in the dbt log when the test runs.
-#}
{% test rules_hold(model, column_name=none, dbt_severity='error', rule_ids=none) %}
    {%- if dbt_severity not in ['error', 'warn'] -%}
        {{ exceptions.raise_compiler_error("corridor.rules_hold: dbt_severity must be 'error' or 'warn'; got '" ~ dbt_severity ~ "'") }}
    {%- endif -%}
    {{ config(severity=dbt_severity) }}
    {%- set alerts = ref('corridor', 'corridor_alerts') -%}

    {%- set failing_sql -%}
    select
        alert_id,
        rule_id,
        rule_version,
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        window_grain,
        first_seen_window_start,
        last_seen_window_start,
        windows_breached,
        worst_absolute_deviation,
        worst_relative_deviation,
        owner,
        escalation_path,
        severity,
        summary as failure_message

    from {{ alerts }}
    where alert_status = 'open'
        and dbt_severity = {{ corridor.sql_string(dbt_severity) }}
        {%- if column_name %}
        and rule_id in (select cast({{ column_name }} as {{ dbt.type_string() }}) from {{ model }})
        {%- endif %}
        {%- if rule_ids %}
        and rule_id in ({{ corridor.sql_string_list(rule_ids) }})
        {%- endif %}
    {%- endset -%}

    {%- if execute and flags.WHICH in ['test', 'build'] -%}
        {%- set existing = adapter.get_relation(database=alerts.database, schema=alerts.schema, identifier=alerts.identifier) -%}
        {%- if existing is not none -%}
            {%- set failing = run_query(failing_sql ~ ' order by rule_id, segment_dimension, segment_value, model_version') -%}
            {%- for row in failing.rows -%}
                {{ log('corridor rule ' ~ (dbt_severity | upper) ~ ': ' ~ row['failure_message'] ~ ' -> ' ~ (row['escalation_path']
                    or row['owner']), info=true) }}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}

    {{ failing_sql }}
{% endtest %}
