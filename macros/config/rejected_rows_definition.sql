{#
    corridor.rejected_rows_definition(): what, besides the input rows, makes
    the rows of int_corridor__rejected_rows what they are, as a dict:

    - definition: an MD5 (dbt's local_md5) of corridor's version, the event
      id index's rules (corridor.event_index_rules: the inputs, model type,
      rejection settings, corridor_as_of), the reason codes of both inputs
      and how their raw values are rendered (the columns kept, their JSON
      keys);
    - key_check: a SQL expression, the pseudonym of a constant
      (corridor.keyed_hash) when an input pseudonymizes an entity id (its
      raw values change with the key), else null.

    int_corridor__rejected_rows_state stores both; a run keeps the stored
    rows only when both are unchanged (corridor.rejected_rows_delta).
#}
{% macro rejected_rows_definition() %}
    {{ return(adapter.dispatch('rejected_rows_definition', 'corridor')()) }}
{% endmacro %}

{% macro default__rejected_rows_definition() %}
    {%- set parts = [corridor.corridor_version(), corridor.event_index_rules()] -%}
    {%- set pseudonymized = [] -%}
    {%- for input_name, reasons in [('production_events', corridor.event_rejection_reasons()),
        ('outcomes', corridor.outcome_rejection_reasons())] -%}
        {%- do parts.append(input_name ~ ':' ~ (reasons | map('first') | join(','))) -%}
        {%- do parts.append(corridor.json_object_text(corridor.staged_raw_pairs(input_name, 'rows'))) -%}
        {%- if corridor.input_config(input_name)['columns'].get('entity_id') is not none -%}
            {%- do pseudonymized.append(input_name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({
        'definition': local_md5(parts | join('|')),
        'key_check': corridor.keyed_hash("'corridor-rejected-rows-key-check'") if pseudonymized else 'null',
    }) }}
{% endmacro %}
