{#
    corridor.missing_stored_columns(names): on an incremental run, the names
    of `names` that the model's stored table ({{ this }}) lacks; empty on a
    full build or while dbt parses. A table built by an older corridor
    without its state columns is then recomputed as new, and dbt's
    on_schema_change='fail' stops the build with its own message (re-run
    with --full-refresh) instead of a SQL error about a missing column.
#}
{% macro missing_stored_columns(names) %}
    {%- if not execute or not is_incremental() -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set stored = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
    {{ return(names | reject('in', stored) | list) }}
{% endmacro %}
