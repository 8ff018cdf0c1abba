{#
    corridor.incremental_delete_skipped(): for the delete pre-hook of an
    incremental model that replaces some of its rows (the event id index,
    the rejected rows, the replay's tables): true when the hook has nothing
    to render: while dbt parses, on a full build, and on Spark, where every
    row is deleted at once (corridor.delete_rows: a delete rewrites the
    table there, so the model is recomputed whole). False on an incremental
    run of the other engines, where the hook renders its delete.
#}
{% macro incremental_delete_skipped() %}
    {{ return(adapter.dispatch('incremental_delete_skipped', 'corridor')()) }}
{% endmacro %}

{% macro default__incremental_delete_skipped() %}
    {%- if not execute or not is_incremental() -%}
        {{ return(true) }}
    {%- endif -%}
    {%- if target.type == 'spark' -%}
        {%- do corridor.delete_rows(this, '1 = 1') -%}
        {{ return(true) }}
    {%- endif -%}
    {{ return(false) }}
{% endmacro %}
