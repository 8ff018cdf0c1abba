{#- run-operation entry point: print the settings table. -#}
{% macro print_settings_reference() %}
    {{ print(corridor.settings_reference()) }}
{% endmacro %}
