{#
    corridor.rejected_rows_delete(): the pre-hook of int_corridor__rejected_rows
    on an incremental run: deletes the stored rows the run recomputes
    (corridor.rejected_rows_conditions over the stored columns, when
    corridor.rejected_rows_delta keeps the others) and the outcomes kept only
    for an event that has a valid copy now, else every row; an empty
    statement on a full build. On Spark the delete runs at once
    (corridor.delete_rows).
#}
{% macro rejected_rows_delete() %}
    {{ return(adapter.dispatch('rejected_rows_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__rejected_rows_delete() %}
    {%- if corridor.incremental_delete_skipped() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set delta = corridor.rejected_rows_delta() -%}
    {%- if delta is none -%}
        {{ return('delete from ' ~ this) }}
    {%- endif -%}
    {%- set inputs = [] -%}
    {%- for input_name in ['production_events', 'outcomes'] -%}
        {%- do inputs.append('(input_name = ' ~ corridor.sql_string(input_name) ~ ' and ('
            ~ corridor.rejected_rows_conditions(delta, input_name, 'arrived_at') | join(' or ') ~ '))') -%}
    {%- endfor -%}
    {#- an outcome kept only for its event, which now has a valid copy -#}
    {%- do inputs.append("(input_name = 'outcomes' and reason_codes = '' and event_id not in (select missing.event_id from ("
        ~ corridor.outcomes_without_event_ids() ~ ') as missing))') -%}
    {{ return('delete from ' ~ this ~ ' where ' ~ inputs | join(' or ')) }}
{% endmacro %}
