{#
    corridor.windows_between(grain, first, last): how many windows of
    `grain` the window starting at `last` lies after the one starting at
    `first` (both window starts), as a SQL bigint expression. Rolling
    windows start every day: days between.
#}
{% macro windows_between(grain, first, last) %}
    {{ return(adapter.dispatch('windows_between', 'corridor')(grain, first, last)) }}
{% endmacro %}

{% macro default__windows_between(grain, first, last) -%}
    {%- if grain == 'hour' -%}
        cast({{ dbt.datediff(first, last, 'hour') }} as {{ dbt.type_bigint() }})
    {%- elif grain in ['day', 'week'] -%}
        {#- local days between two local midnights: exact, whatever the DST changes in between -#}
        cast(round({{ dbt.datediff(corridor.to_local_time(first), corridor.to_local_time(last), 'hour') }} / {{ 24 if grain == 'day'
            else 168 }}.0) as {{ dbt.type_bigint() }})
    {%- elif grain == 'month' -%}
        cast({{ dbt.datediff(corridor.to_local_time(first), corridor.to_local_time(last), 'month') }} as {{ dbt.type_bigint() }})
    {%- elif grain in corridor.rolling_windows() | map(attribute='name') | list -%}
        {{ corridor.windows_between('day', first, last) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("corridor.windows_between: unknown grain '" ~ grain ~ "'; known grains: "
            ~ (corridor.known_window_grains() | join(', '))) }}
    {%- endif -%}
{%- endmacro %}
