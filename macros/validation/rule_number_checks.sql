{#-
    corridor.rule_number_checks(numbers, whole_numbers): the rules-registry
    checks of numbers given as text, as [code, condition, reason] triples for
    int_corridor__rules_checked. For each key of `numbers` (the stem of the
    registry's columns <key>_raw, the text as given, and <key>_value, its
    parse): unparseable_<key> (text that does not parse) and non_finite_<key>;
    then for each (key, largest) of `whole_numbers` (counts):
    <key>_out_of_range (|value| > largest) and non_integer_<key>.
-#}
{% macro rule_number_checks(numbers, whole_numbers) %}
    {{ return(adapter.dispatch('rule_number_checks', 'corridor')(numbers, whole_numbers)) }}
{% endmacro %}

{% macro default__rule_number_checks(numbers, whole_numbers) %}
    {%- set checks = [] -%}
    {%- for key in numbers -%}
        {%- do checks.append(['unparseable_' ~ key, key ~ '_raw is not null and ' ~ key ~ '_value is null',
            "'" ~ key ~ " ''' || " ~ key ~ "_raw || ''' is not a number'"]) -%}
        {%- do checks.append(['non_finite_' ~ key, corridor.is_non_finite(key ~ '_value'),
            "'" ~ key ~ " ''' || " ~ key ~ "_raw || ''' is not a finite number'"]) -%}
    {%- endfor -%}
    {%- for key, largest in whole_numbers -%}
        {%- do checks.append([key ~ '_out_of_range', 'abs(' ~ key ~ '_value) > ' ~ largest ~ ' and not '
            ~ corridor.is_non_finite(key ~ '_value'),
            "'" ~ key ~ " ''' || " ~ key ~ "_raw || ''' is beyond " ~ largest ~ "'"]) -%}
        {%- do checks.append(['non_integer_' ~ key, key ~ '_value <> floor(' ~ key ~ '_value) and not '
            ~ corridor.is_non_finite(key ~ '_value'),
            "'" ~ key ~ " ''' || " ~ key ~ "_raw || ''' is not a whole number'"]) -%}
    {%- endfor -%}
    {{ return(checks) }}
{% endmacro %}
