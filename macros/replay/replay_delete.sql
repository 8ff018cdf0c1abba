{#
    corridor.replay_delete(): the pre-hook of the incremental replay models
    (corridor.replay_increment): on the delta path, deletes the rows whose
    replay point and cells_from are no longer a row of
    int_corridor__replay_label_cutoffs, and those of a changed model version
    whose window ends after its first changed day; on the full path every
    row (on Spark through corridor.delete_rows, at once); an empty
    statement on a full build.
#}
{% macro replay_delete() %}
    {{ return(adapter.dispatch('replay_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__replay_delete() %}
    {%- set increment = corridor.replay_increment() -%}
    {#- a full build: nothing; the full path: every row (on Spark at once, corridor.incremental_delete_skipped) -#}
    {%- if increment is none or increment['path'] == 'full' -%}
        {{ return('' if corridor.incremental_delete_skipped() else 'delete from ' ~ this) }}
    {%- endif -%}
    {%- set keys = ['as_of', 'model_id', 'model_version', 'cells_from'] -%}
    {%- set conditions = [
        'not exists (select 1 from ' ~ ref('int_corridor__replay_label_cutoffs') ~ ' as cutoffs where '
        ~ corridor.keys_equal('cutoffs', 'stored', keys) ~ ')'
    ] -%}
    {%- for version in increment['changed'] -%}
        {%- do conditions.append('(stored.model_id = ' ~ corridor.sql_string(version['model_id'])
            ~ ' and stored.model_version = ' ~ corridor.sql_string(version['model_version'])
            ~ ' and stored.window_end > ' ~ version['from'] ~ ')') -%}
    {%- endfor -%}
    {{ return('delete from ' ~ this ~ ' as stored where ' ~ conditions | join('\n    or ')) }}
{% endmacro %}
