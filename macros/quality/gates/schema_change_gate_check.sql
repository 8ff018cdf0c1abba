{#-
    corridor.schema_change_gate_check(kind): the input-level gate check of the
    input columns added, missing or with a changed type (kind 'added',
    'missing' or 'type_changed') since the last run, as a gate check spec
    (see corridor.input_gate_checks); its thresholds are those of
    schema_columns_added, schema_columns_missing or schema_type_changed.
    Reads input_name, change_kind, n_previous, n_changed and changed_columns
    of the schema_checks_base relation; the first run (no previous schema)
    records the baseline and passes.
-#}
{% macro schema_change_gate_check(kind) %}
    {{ return(adapter.dispatch('schema_change_gate_check', 'corridor')(kind)) }}
{% endmacro %}

{% macro default__schema_change_gate_check(kind) %}
    {%- set key = 'schema_columns_' ~ kind if kind != 'type_changed' else 'schema_type_changed' -%}
    {%- set label = kind.replace('_', ' ') -%}
    {%- set bad -%}
        cast(n_changed as {{ dbt.type_string() }}) || ' column(s) {{ label }} since the last run: '
        || coalesce(changed_columns, '') || '. Probable cause: an upstream schema change'
    {%- endset -%}
    {%- set ok -%}
        case when n_previous = 0 then 'first run: schema recorded as the baseline' else 'no column {{ label }} since the last run' end
    {%- endset -%}
    {{ return({
        'name': key, 'config': key, 'input_name': 'input_name', 'relation': 'schema_checks_base',
        'where': "change_kind = '" ~ kind ~ "'",
        'measured': 'cast(n_changed as ' ~ corridor.type_double() ~ ')', 'judged': 'n_previous > 0',
        'checked': 'cast(null as ' ~ dbt.type_bigint() ~ ')', 'affected': 'cast(null as ' ~ dbt.type_bigint() ~ ')',
        'bad': bad, 'ok': ok,
    }) }}
{% endmacro %}
