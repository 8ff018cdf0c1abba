{#-
    corridor.fdr_q_values(checks, id_column, p_column, condition, partition_by=[]):
    Benjamini-Hochberg q-values of the rows of `checks` (a relation or CTE)
    where `condition` holds, one family per value of the partition_by keys
    (none: one family). Returns the partition keys, id_column, family_size
    and q_value = min over ranks r >= rank of p_(r) * m / r, capped at 1;
    ties in p are ordered by id_column so every build ranks alike.
    On Spark one family's size (no partition_by) is a one-row count cross
    joined, not `count(*) over ()`: a window without `partition by` moves
    every row to one partition. The ranks and the running minimum are a
    global order by nature and stay windows (docs/engines.md).
-#}
{% macro fdr_q_values(checks, id_column, p_column, condition, partition_by=[]) -%}
    {{ return(adapter.dispatch('fdr_q_values', 'corridor')(checks, id_column, p_column, condition, partition_by)) }}
{%- endmacro %}


{% macro default__fdr_q_values(checks, id_column, p_column, condition, partition_by) -%}
    {%- set keys = partition_by | join(', ') -%}
    {%- set over = ('partition by ' ~ keys ~ ' ') if partition_by else '' -%}
    select
        {%- for key in partition_by %}
        {{ key }},
        {%- endfor %}
        {{ id_column }},
        family_size,
        least(1.0, min({{ p_column }} * family_size / p_rank) over (
            {{ over }}order by p_rank desc
            rows between unbounded preceding and current row
        )) as q_value

    from (
        select
            {%- for key in partition_by %}
            {{ key }},
            {%- endfor %}
            {{ id_column }},
            {{ p_column }},
            row_number() over ({{ over }}order by {{ p_column }}, {{ id_column }}) as p_rank,
            count(*) over ({{ over | trim }}) as family_size

        from {{ checks }}
        where {{ condition }}
    ) as ranked
{%- endmacro %}

{% macro spark__fdr_q_values(checks, id_column, p_column, condition, partition_by) -%}
    {%- if partition_by -%}
        {{ return(corridor.default__fdr_q_values(checks, id_column, p_column, condition, partition_by)) }}
    {%- endif -%}
    select
        {{ id_column }},
        family_size,
        least(1.0, min({{ p_column }} * family_size / p_rank) over (
            order by p_rank desc
            rows between unbounded preceding and current row
        )) as q_value

    from (
        select
            {{ checks }}.{{ id_column }},
            {{ checks }}.{{ p_column }},
            row_number() over (order by {{ checks }}.{{ p_column }}, {{ checks }}.{{ id_column }}) as p_rank,
            family.family_size

        from {{ checks }}
        cross join (
            select count(*) as family_size
            from {{ checks }}
            where {{ condition }}
        ) as family
        where {{ condition }}
    ) as ranked
{%- endmacro %}
