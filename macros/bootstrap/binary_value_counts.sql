{#-
    corridor.binary_value_counts(relation, keys, families): a query of
    (keys..., family, value, n_events) counting, per value of `keys`, the
    rows of `relation` with each value 0 and 1 of each family in `families`
    ((name, value expression, condition) triples whose value is 0 or 1 where
    the condition holds); only the counts above zero. The value histograms'
    0/1 families (error, correct, precision and recall hits): one aggregate
    pass with a column per family and value instead of a union branch per
    family through a (keys, family, value) aggregate. `keys`: SQL text of the
    key columns, comma-separated.
-#}
{% macro binary_value_counts(relation, keys, families) %}
    {{ return(adapter.dispatch('binary_value_counts', 'corridor')(relation, keys, families)) }}
{% endmacro %}

{% macro default__binary_value_counts(relation, keys, families) -%}
    {%- set counts = [] -%}
    {%- for family, value, condition in families -%}
        {%- for v in [0, 1] -%}
            {%- do counts.append((family, v, 'sum(case when (' ~ condition ~ ') and (' ~ value ~ ') = ' ~ v ~ ' then 1 else 0 end)')) -%}
        {%- endfor -%}
    {%- endfor -%}
    with

    binary_counts as (

        select
            {{ keys }},
            {%- for family, v, expr in counts %}
            {{ expr }} as {{ family }}__{{ v }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        group by {{ keys }}

    )

    {%- for family, v, expr in counts %}
    select
        {{ keys }},
        '{{ family }}' as family,
        cast({{ v }} as {{ corridor.type_double() }}) as value,
        cast({{ family }}__{{ v }} as {{ dbt.type_bigint() }}) as n_events
    from binary_counts
    where {{ family }}__{{ v }} > 0
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
