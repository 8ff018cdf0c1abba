{#-
    corridor.known_version_rows(known, estimates): the body of the
    known_versions CTE of int_corridor__event_window_profile, one row per
    known model version (column model_version): the versions of setting
    corridor_known_model_versions (`known`: a list, each 'model_id:version'
    or a bare version; an empty list knows none), or, when it is none, the
    distinct model versions of the offline estimates (`estimates`: the
    relation's name).
-#}
{% macro known_version_rows(known, estimates) -%}
    {{ return(adapter.dispatch('known_version_rows', 'corridor')(known, estimates)) }}
{%- endmacro %}

{% macro default__known_version_rows(known, estimates) -%}
    {%- if known is not none %}
    {%- for v in known %}
    select {{ corridor.sql_string(v) }} as model_version
    {{ 'union all' if not loop.last }}
    {%- endfor %}
    {%- if known | length == 0 %}
    select cast(null as {{ dbt.type_string() }}) as model_version where 1 = 0
    {%- endif %}
    {%- else %}
    select distinct model_version
    from {{ estimates }}
    where model_version is not null
    {%- endif %}
{%- endmacro %}
