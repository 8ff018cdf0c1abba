{#-
    corridor.group_key(keys): a key column for a query with one row per
    combination of the `keys` columns (after a group by or a distinct), to
    join and partition on in its place; it is never ordered, compared with
    <, cast or written to a table. Two rows' keys are equal exactly when
    every one of their `keys` is.

    default: `row_number() over (order by <keys>)`, an integer.
    spark: the keys themselves as one struct, `named_struct('key_1', <k1>,
    ...)`. A window without `partition by` moves every row to one partition
    (Spark's "No Partition Defined for Window operation"): serial on a
    cluster, and Spark evaluates a CTE again for each of its references
    (int_corridor__latency_order_statistics read its numbered groups about
    50 times, 3,800 such warnings at 10M events). Spark compares, groups,
    hashes and joins structs field by field, with the same normalization of
    floating-point keys as plain columns, so the struct is as exact as the
    number without a global sort (docs/engines.md).
-#}
{% macro group_key(keys) %}
    {{ return(adapter.dispatch('group_key', 'corridor')(keys)) }}
{% endmacro %}

{% macro default__group_key(keys) -%}
    row_number() over (order by {{ keys | join(', ') }})
{%- endmacro %}

{% macro spark__group_key(keys) -%}
    named_struct({% for key in keys %}'key_{{ loop.index }}', {{ key }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}
