{#- corridor._setting_is_valid(value, check): whether a value passes a setting's registry check (its type, bounds, values; null when
    nullable). -#}
{% macro _setting_is_valid(value, check) %}
    {%- set type = check.get('type', 'any') -%}
    {%- if value is none -%}
        {{ return(check.get('nullable', false) or type == 'any') }}
    {%- endif -%}
    {%- set exclusive = check.get('exclusive', false) -%}
    {%- if type in ['number', 'integer'] -%}
        {%- if value is not number or value is boolean or (type == 'integer' and value != (value | int)) -%}
            {{ return(false) }}
        {%- endif -%}
        {%- if check.get('min') is not none and (value < check['min'] or (exclusive and value == check['min'])) -%}
            {{ return(false) }}
        {%- endif -%}
        {%- if check.get('max') is not none and (value > check['max'] or (exclusive and value == check['max'])) -%}
            {{ return(false) }}
        {%- endif -%}
        {{ return(true) }}
    {%- elif type == 'boolean' -%}
        {{ return(value is boolean) }}
    {%- elif type == 'string' -%}
        {{ return(value is string) }}
    {%- elif type == 'mapping' -%}
        {{ return(value is mapping) }}
    {%- elif type in ['list', 'grains'] -%}
        {{ return(value is not string and value is not mapping and value is iterable and (type == 'list' or value | length > 0)) }}
    {%- elif type == 'one_of' -%}
        {{ return(value in check['values']) }}
    {%- elif type == 'timestamp' -%}
        {{ return(value is string and modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$',
            value) is not none) }}
    {%- endif -%}
    {{ return(true) }}
{% endmacro %}
