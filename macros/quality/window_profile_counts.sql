{#-
    corridor.window_profile_counts(profile): the select-list items of the
    per-window row counts of int_corridor__event_window_profile (n_rows, the
    null counts, n_late, n_unknown_version, n_duplicate_copies,
    n_out_of_range, n_unparseable, n_future), read from the relation
    `profile` of a left join, `coalesce(<profile>.<count>, 0) as <count>`,
    each followed by a comma (the call sits inside a select list).
-#}
{% macro window_profile_counts(profile) -%}
    {{ return(adapter.dispatch('window_profile_counts', 'corridor')(profile)) }}
{%- endmacro %}

{% macro default__window_profile_counts(profile) -%}
    {%- set counts = ['n_rows', 'n_null_event_id', 'n_null_model_version', 'n_null_latency_ms', 'n_null_is_error', 'n_late',
        'n_unknown_version', 'n_duplicate_copies', 'n_out_of_range', 'n_unparseable', 'n_future'] -%}
    {%- for name in counts -%}
        coalesce({{ profile }}.{{ name }}, 0) as {{ name }},
        {%- if not loop.last %}
        {% endif -%}
    {%- endfor -%}
{%- endmacro %}
