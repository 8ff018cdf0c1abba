{#
    corridor.built_in_invocation(name, record=false): whether corridor's
    model `name` compiled in this dbt invocation (a model records itself
    with record=true while it compiles; a model downstream of it then knows
    it ran, not just that it was selected). False while dbt parses. Read by
    the state models that name the invocation which last built a model
    (int_corridor__production_window_stats_state).
#}
{% macro built_in_invocation(name, record=false) %}
    {{ return(adapter.dispatch('built_in_invocation', 'corridor')(name, record)) }}
{% endmacro %}

{% macro default__built_in_invocation(name, record=false) %}
    {%- if not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set built = graph.setdefault('corridor_built_in_invocation', {}).setdefault(invocation_id, []) -%}
    {%- if record and name not in built -%}
        {%- do built.append(name) -%}
    {%- endif -%}
    {{ return(name in built) }}
{% endmacro %}
