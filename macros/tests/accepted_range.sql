{#
    Generic test corridor.accepted_range: every non-null value of the column
    lies in [min_value, max_value] (either bound optional; `inclusive: false`
    for an open interval) and is a finite number (NaN and infinity fail).
    Returns the failing rows. `allow_null: false` makes nulls fail too.

      columns:
        - name: fraud_probability
          data_tests:
            - corridor.accepted_range:
                arguments: {min_value: 0, max_value: 1}
#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true, allow_null=true) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_accepted_range', 'corridor')(model, column_name, min_value, max_value, inclusive,
        allow_null)) }}
{% endtest %}

{#- Deprecated alias, kept for projects written against 0.1.0: its node names come out doubled
    (corridor_corridor_accepted_range_...). Use corridor.accepted_range. -#}
{% test corridor_accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true, allow_null=true) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_accepted_range', 'corridor')(model, column_name, min_value, max_value, inclusive,
        allow_null)) }}
{% endtest %}

{% macro default__test_corridor_accepted_range(model, column_name, min_value, max_value, inclusive, allow_null) %}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error("corridor_accepted_range on " ~ column_name ~ ": give min_value, max_value or both.") }}
    {%- endif -%}
    {%- for bound in [min_value, max_value] -%}
        {%- if bound is not none and bound is not number -%}
            {{ exceptions.raise_compiler_error("corridor_accepted_range on " ~ column_name ~ ": bounds must be numbers; got " ~ bound) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set value = corridor.try_cast(column_name, corridor.type_double()) -%}
    {%- set lower_op = '<' if inclusive else '<=' -%}
    {%- set upper_op = '>' if inclusive else '>=' -%}
    select *
    from {{ model }}
    where
        {%- if not allow_null %}
        {{ column_name }} is null or
        {%- endif %}
        ({{ column_name }} is not null and (
            {{ value }} is null
            or {{ corridor.is_non_finite(value) }}
            {%- if min_value is not none %}
            or {{ value }} {{ lower_op }} {{ min_value }}
            {%- endif %}
            {%- if max_value is not none %}
            or {{ value }} {{ upper_op }} {{ max_value }}
            {%- endif %}
        ))
{% endmacro %}
