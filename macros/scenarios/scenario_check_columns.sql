{#-
    corridor.scenario_check_columns(relation, alias): the select-list items of
    int_corridor__scenario_deviations that pass a check through unchanged:
    every column of the built relation `relation`
    (int_corridor__validation_deviations) but those a scenario replaces
    (observed_value, observed_se, observed_lower, observed_upper,
    sample_size) and those the deviation steps add again
    (corridor._validation_deviation_added_columns), qualified by `alias`, each
    on a line of its own and followed by a comma. Nothing at parse time.
-#}
{% macro scenario_check_columns(relation, alias) -%}
    {{ return(adapter.dispatch('scenario_check_columns', 'corridor')(relation, alias)) }}
{%- endmacro %}

{% macro default__scenario_check_columns(relation, alias) -%}
    {%- set replaced = ['observed_value', 'observed_se', 'observed_lower', 'observed_upper', 'sample_size'] -%}
    {%- set columns = corridor.relation_column_names(relation, corridor._validation_deviation_added_columns() + replaced) -%}
        {%- for column in columns %}
        {{ alias }}.{{ column }},
        {%- endfor %}
{%- endmacro %}
