{#-
    corridor.histogram_wasserstein_ctes(bins, group_keys, bin_index, n_production, production_sum, production_share,
    n_reference, reference_sum, reference_share): the CTEs atoms, atom_cdfs and
    wasserstein (no leading `with`) that give, per group of `group_keys`, the
    Wasserstein-1 distance between the two histograms of relation `bins` (one
    row per bin): each bin's mass (its share) at the bin's mean value on its
    side (sum / count, where the count is positive), and the integral of
    |F_production - F_reference| over the sorted atoms. Bins without an index
    (nulls, new categories) take no part. The other arguments are the columns
    of `bins` it reads; the caller joins wasserstein (group_keys, wasserstein).
-#}
{% macro histogram_wasserstein_ctes(bins, group_keys, bin_index, n_production, production_sum, production_share, n_reference,
    reference_sum, reference_share) %}
    {{ return(adapter.dispatch('histogram_wasserstein_ctes', 'corridor')(bins, group_keys, bin_index, n_production, production_sum,
        production_share, n_reference, reference_sum, reference_share)) }}
{% endmacro %}

{% macro default__histogram_wasserstein_ctes(bins, group_keys, bin_index, n_production, production_sum, production_share,
    n_reference, reference_sum, reference_share) -%}
atoms as (

    select
        {{ group_keys | join(',\n        ') }},
        {{ production_sum }} / {{ n_production }} as position,
        {{ production_share }} as weight_p,
        0 as weight_r

    from {{ bins }}
    where {{ n_production }} > 0 and {{ bin_index }} is not null

    union all

    select
        {{ group_keys | join(',\n        ') }},
        {{ reference_sum }} / {{ n_reference }} as position,
        0 as weight_p,
        {{ reference_share }} as weight_r

    from {{ bins }}
    where {{ n_reference }} > 0 and {{ bin_index }} is not null

),

atom_cdfs as (

    select
        {{ group_keys | join(',\n        ') }},
        abs(
            sum(weight_p) over (
                partition by {{ group_keys | join(', ') }} order by position rows between unbounded preceding and current row
            )
            - sum(weight_r) over (
                partition by {{ group_keys | join(', ') }} order by position rows between unbounded preceding and current row
            )
        ) * (lead(position) over (partition by {{ group_keys | join(', ') }} order by position) - position) as area

    from atoms

),

wasserstein as (

    select
        {{ group_keys | join(',\n        ') }},
        sum(coalesce(area, 0)) as wasserstein

    from atom_cdfs
    group by {{ group_keys | join(', ') }}

)
{%- endmacro %}
