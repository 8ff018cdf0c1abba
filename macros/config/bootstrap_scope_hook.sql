{#
    corridor.bootstrap_scope_hook(phase): the hooks of the Python bootstrap
    (int_corridor__bootstrap_intervals) on its record,
    int_corridor__bootstrap_scope (corridor.bootstrap_scope).

    - phase 'pre': deletes the record of the bootstrap's last build
      (bootstrap_invocation_id), so a build that fails leaves none, and
      forgets fingerprint_since unless the scope was built in this
      invocation (a selection of the bootstrap without it reads the whole
      histograms);
    - phase 'post': records this invocation as the bootstrap's last build
      when the value histograms were built in it too (they compiled:
      corridor.bootstrap_scope() is not none), so the next run knows the
      bootstrap's stored groups were fingerprinted from the value
      histograms its lookback keeps.

    An empty statement while dbt parses, before the scope exists and on
    Spark (the Python bootstrap is DuckDB only).
#}
{% macro bootstrap_scope_hook(phase) %}
    {{ return(adapter.dispatch('bootstrap_scope_hook', 'corridor')(phase)) }}
{% endmacro %}

{% macro default__bootstrap_scope_hook(phase) %}
    {%- set scope = corridor.built_model_relation('int_corridor__bootstrap_scope') -%}
    {%- if scope is none or target.type == 'spark' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set this_invocation = corridor.sql_string(invocation_id) -%}
    {%- if phase == 'pre' -%}
        {{ return('update ' ~ scope ~ ' set bootstrap_invocation_id = null, fingerprint_since = case when scope_invocation_id = '
            ~ this_invocation ~ ' then fingerprint_since end') }}
    {%- endif -%}
    {%- if corridor.bootstrap_scope() is none -%}
        {{ return('') }}
    {%- endif -%}
    {{ return('update ' ~ scope ~ ' set bootstrap_invocation_id = ' ~ this_invocation ~ ' where scope_invocation_id = '
        ~ this_invocation) }}
{% endmacro %}
