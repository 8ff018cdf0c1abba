{#- corridor.rank_bin_join: ranks at each bin's first and last position, between bins, fractional, below 1, past the
    group's count, in a group of one bin and in a group without bins; and with a condition that removes a bin -#}
{%- set bins = [(1, 1, 2, 2), (1, 2, 1, 3), (1, 3, 4, 7), (2, 1, 5, 5), (3, 1, 1, 1)] -%}
{%- set ranks = [(1, 1, 1), (2, 1, 2), (3, 1, 3), (4, 1, 4), (5, 1, 7), (6, 1, 8), (7, 1, 0), (8, 2, 5), (9, 1, 2.5),
    (10, 4, 1), (11, 1, -3), (12, 3, 1), (13, 2, 0.5)] -%}
{%- set double = corridor.type_double() -%}
with bins as (
    {%- for group_key, value_bin, n, last_rank in bins %}
    select
        {{ group_key }} as group_key,
        {{ value_bin }} as value_bin,
        cast({{ n }} as {{ dbt.type_bigint() }}) as n_events,
        cast({{ last_rank }} as {{ dbt.type_bigint() }}) as last_rank
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

ranks as (
    {%- for case_id, group_key, rank in ranks %}
    select {{ case_id }} as case_id, {{ group_key }} as group_key, cast({{ rank }} as {{ double }}) as order_rank
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

matched as (
    select
        ranks.case_id,
        bins.value_bin,
        ranks.order_rank - (bins.last_rank - bins.n_events) as bin_position
    {{ corridor.rank_bin_join('ranks', 'bins', 'group_key', 'order_rank', 'last_rank', 'n_events') }}
),

matched_but_bin_3 as (
    select ranks.case_id
    {{ corridor.rank_bin_join('ranks', 'bins', 'group_key', 'order_rank', 'last_rank', 'n_events', 'bins.value_bin <> 3') }}
)

select
    ranks.case_id,
    count(matched.case_id) as n_matches,
    coalesce(max(matched.value_bin), 0) as value_bin,
    coalesce(max(matched.bin_position), 0) as bin_position,
    max(case when ranks.case_id in (select matched_but_bin_3.case_id from matched_but_bin_3) then 1 else 0 end)
        as matched_but_bin_3
from ranks
left join matched
    on ranks.case_id = matched.case_id
group by ranks.case_id
