{#- corridor._setting_expectation(check): what a setting's registry check expects, in words ("a number strictly between 0 and 1"), for its
    error message and the settings table of the docs. -#}
{% macro _setting_expectation(check) %}
    {%- set type = check.get('type', 'any') -%}
    {%- set low, high = check.get('min'), check.get('max') -%}
    {%- if type in ['number', 'integer'] -%}
        {%- set noun = 'a number' if type == 'number' else 'an integer' -%}
        {%- if low is not none and high is not none -%}
            {%- set text = noun ~ (' strictly between ' if check.get('exclusive') else ' from ') ~ low ~ (' and ' if check.get('exclusive')
                else ' to ') ~ high -%}
        {%- elif low is not none -%}
            {%- set text = noun ~ (' greater than ' if check.get('exclusive') else ' of at least ') ~ low -%}
        {%- else -%}
            {%- set text = noun -%}
        {%- endif -%}
    {%- elif type == 'boolean' -%}
        {%- set text = 'true or false' -%}
    {%- elif type == 'one_of' -%}
        {%- set text = 'one of ' ~ (check['values'] | map('string') | join(', ')) -%}
    {%- elif type == 'grains' -%}
        {%- set text = 'a non-empty list drawn from ' ~ (corridor.known_window_grains() | join(', ')) -%}
    {%- elif type == 'timestamp' -%}
        {%- set text = "a UTC date or time like '2000-01-01' or '2024-06-01 00:00:00'" -%}
    {%- elif type in ['list', 'mapping', 'string'] -%}
        {%- set text = {'list': 'a list', 'mapping': 'a mapping', 'string': 'a string'}[type] -%}
    {%- else -%}
        {%- set text = '' -%}
    {%- endif -%}
    {%- if check.get('nullable') and text -%}
        {%- set text = text ~ ' or null' -%}
    {%- endif -%}
    {%- if check.get('hint') -%}
        {%- set text = (text ~ ' (' ~ check['hint'] ~ ')') if text else check['hint'] -%}
    {%- endif -%}
    {{ return(text) }}
{% endmacro %}
