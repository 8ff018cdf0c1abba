{#
    corridor.label_free_ref(name): the ref of a label-free output of the
    method this target uses (corridor.label_free_method): name 'estimates' or
    'reliability' gives int_corridor__label_free_<name> (the Python models)
    or int_corridor__label_free_<name>_sql (the SQL models), which have the
    same columns. Chosen at parse time, so a mart depends on one of them.
#}
{% macro label_free_ref(name) %}
    {{ return(adapter.dispatch('label_free_ref', 'corridor')(name)) }}
{% endmacro %}

{% macro default__label_free_ref(name) %}
    {%- if name not in ['estimates', 'reliability'] -%}
        {{ exceptions.raise_compiler_error("corridor.label_free_ref: name must be estimates or reliability; got " ~ name) }}
    {%- endif -%}
    {{ return(ref('int_corridor__label_free_' ~ name ~ ('_sql' if corridor.label_free_method() == 'sql' else ''))) }}
{% endmacro %}
