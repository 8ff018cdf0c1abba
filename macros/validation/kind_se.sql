{#-
    corridor.kind_se(kind, production_se): a comparison kind's test standard
    error (the `check_se` template of its mapping, see
    corridor.comparison_kinds) with the given production standard error (SQL).
-#}
{% macro kind_se(kind, production_se) -%}
    {{ return(adapter.dispatch('kind_se', 'corridor')(kind, production_se)) }}
{%- endmacro %}

{% macro default__kind_se(kind, production_se) -%}
    {{ return(kind['check_se'].replace('{production_se}', production_se)) }}
{%- endmacro %}
