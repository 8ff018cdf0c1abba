{#
    corridor.type_contract_string(): the text type the enforced contracts
    declare (data_type in models/marts/*.yml and models/audit/*.yml):
    varchar, string on Spark. A model with a contract casts its text
    columns to it: on PostgreSQL dbt.type_string() is text, which an
    incremental run's schema check would see as a change from the table's
    varchar. The YAML files spell the same choice out in each data_type.
#}
{% macro type_contract_string() -%}
    {{ return(adapter.dispatch('type_contract_string', 'corridor')()) }}
{%- endmacro %}

{% macro default__type_contract_string() -%}
    {{ return('varchar') }}
{%- endmacro %}

{% macro spark__type_contract_string() -%}
    {{ return('string') }}
{%- endmacro %}
