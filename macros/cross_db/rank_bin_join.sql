{#-
    corridor.rank_bin_join(ranks, bins, key, rank, last_rank, n, condition=none):
    the `from ... join ...` of a query that finds, for each row of `ranks`
    (a 1-based order rank `rank` within the group `key`), the bin of `bins`
    holding that rank: the bin of the same `key` with
    `last_rank - n < rank <= last_rank`, where `last_rank` is the running
    count of events up to and including the bin (in value order) and `n` the
    bin's own count. A rank outside the group (below 1, above its count)
    matches no bin. `condition`: more SQL for the query's `where` (none: no
    other condition).

    Needs every bin to hold at least one event (n >= 1), so `last_rank`
    strictly increases within a key and at most one bin holds a rank.

    Default: an inner join on the key and both bounds. DuckDB: an ASOF join
    on the key and the upper bound (the first bin whose last_rank reaches the
    rank: a sort and one merge, where the range join compared each rank with
    every bin of its group), the lower bound in the `where`. The same rows.
-#}
{% macro rank_bin_join(ranks, bins, key, rank, last_rank, n, condition=none) -%}
    {{ return(adapter.dispatch('rank_bin_join', 'corridor')(ranks, bins, key, rank, last_rank, n, condition)) }}
{%- endmacro %}

{% macro default__rank_bin_join(ranks, bins, key, rank, last_rank, n, condition) -%}
    from {{ ranks }}
    inner join {{ bins }}
        on {{ ranks }}.{{ key }} = {{ bins }}.{{ key }}
        and {{ ranks }}.{{ rank }} > {{ bins }}.{{ last_rank }} - {{ bins }}.{{ n }}
        and {{ ranks }}.{{ rank }} <= {{ bins }}.{{ last_rank }}
    {{ corridor.where_clause(condition) }}
{%- endmacro %}

{% macro duckdb__rank_bin_join(ranks, bins, key, rank, last_rank, n, condition) -%}
    from {{ ranks }}
    asof inner join {{ bins }}
        on {{ ranks }}.{{ key }} = {{ bins }}.{{ key }}
        and {{ ranks }}.{{ rank }} <= {{ bins }}.{{ last_rank }}
    {{ corridor.where_clause(corridor.all_conditions([
        ranks ~ '.' ~ rank ~ ' > ' ~ bins ~ '.' ~ last_rank ~ ' - ' ~ bins ~ '.' ~ n,
        condition,
    ])) }}
{%- endmacro %}
