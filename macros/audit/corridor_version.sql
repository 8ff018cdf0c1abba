{#- The corridor package version; kept equal to dbt_project.yml's version (a test checks it). -#}
{% macro corridor_version() %}{{ return('0.2.0') }}{% endmacro %}
