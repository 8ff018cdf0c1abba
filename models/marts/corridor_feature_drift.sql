{#-
    Feature drift: per model version x window x segment x feature, how the
    production distribution of the feature differs from its reference
    (offline) distribution, computed from the two histograms of
    int_corridor__feature_drift_cells (bins fixed from the reference), so the
    cost grows with windows x bins, not events. docs/drift.md gives every
    measure's definition and the error the binning adds.

    numeric: PSI, Jensen-Shannon distance (base 2), Hellinger distance, KS
    statistic with its asymptotic p-value, Wasserstein-1 distance normed by
    the reference's standard deviation, out-of-reference-range share.
    categorical: PSI, Jensen-Shannon, Hellinger, chi-square (2 x bins) with
    its p-value, new and vanished categories.
    both: null rate and availability against the reference's null rate.
-#}
{%- set group_keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value', 'feature_name'] -%}
{%- set double = corridor.type_double() -%}
{%- set floor_share = 0.0001 -%}
{%- set en = '(cast(m.n_values as ' ~ corridor.type_double() ~ ') * m.n_reference / (m.n_values + m.n_reference))' -%}

{#- sqlfluff: the KS and chi-square p-values (corridor.kolmogorov_sf, corridor.chi_square_sf) nest deeply #}
-- sqlfluff:max_parse_depth:2000
with

histograms as (

    select * from {{ ref('int_corridor__feature_histograms') }}

),

cells as (

    select * from {{ ref('int_corridor__feature_drift_cells') }}

),

reference_stats as (

    select * from {{ ref('int_corridor__feature_reference_stats') }}

),

configured as (

    {{ corridor.feature_types(corridor.feature_columns()) }}

),

group_counts as (

    select
        {{ group_keys | join(',\n        ') }},
        sum(n_values) as n_events,
        sum(case when bin_key = '(null)' then n_values else 0 end) as n_null,
        sum(n_out_of_range) as n_out_of_range

    from histograms
    group by {{ group_keys | join(', ') }}

),

shares as (

    select
        *,
        cast(n_production as {{ double }}) / nullif(sum(n_production) over (partition by {{ group_keys | join(', ') }}), 0) as p,
        cast(n_reference as {{ double }}) / nullif(sum(n_reference) over (partition by {{ group_keys | join(', ') }}), 0) as r,
        sum(n_production) over (partition by {{ group_keys | join(', ') }}) as n_production_total,
        sum(n_reference) over (partition by {{ group_keys | join(', ') }}) as n_reference_total

    from cells

),

bin_terms as (

    select
        *,
        sum(p) over (partition by {{ group_keys | join(', ') }} order by bin_index rows between unbounded preceding and current row)
            as cdf_p,
        sum(r) over (partition by {{ group_keys | join(', ') }} order by bin_index rows between unbounded preceding and current row)
            as cdf_r,
        (greatest(p, {{ floor_share }}) - greatest(r, {{ floor_share }}))
        * ln(greatest(p, {{ floor_share }}) / greatest(r, {{ floor_share }})) as psi_term,
        0.5 * (
            case when p > 0 then p * ln(2 * p / (p + r)) else 0 end
            + case when r > 0 then r * ln(2 * r / (p + r)) else 0 end
        ) as js_term,
        sqrt(p * r) as bhattacharyya_term,
        {#- chi-square of the 2 x bins table (production, reference): observed minus expected from the margins #}
        case
            when
                n_production + n_reference > 0 then
            power(
                n_production - cast(n_production_total as {{ double }}) * (n_production + n_reference)
                / (n_production_total + n_reference_total), 2
            )
            / (cast(n_production_total as {{ double }}) * (n_production + n_reference) / (n_production_total + n_reference_total))
            + power(
                n_reference - cast(n_reference_total as {{ double }}) * (n_production + n_reference)
                / (n_production_total + n_reference_total), 2
            )
            / (cast(n_reference_total as {{ double }}) * (n_production + n_reference) / (n_production_total + n_reference_total))
        end as chi_square_term

    from shares
    where n_production_total > 0 and n_reference_total > 0

),

bin_measures as (

    select
        {{ group_keys | join(',\n        ') }},
        count(*) as n_bins,
        sum(psi_term) as psi,
        sqrt(greatest(sum(js_term), 0) / ln(2)) as jensen_shannon,
        sqrt(greatest(1 - sum(bhattacharyya_term), 0)) as hellinger,
        max(abs(cdf_p - cdf_r)) as ks_statistic,
        sum(chi_square_term) as chi_square,
        sum(case when n_production + n_reference > 0 then 1 else 0 end) - 1 as chi_square_df,
        sum(case when is_new_category then n_production else 0 end) as n_new_category_values,
        sum(case when is_new_category then 1 else 0 end) as n_new_categories,
        sum(case when n_production = 0 and n_reference > 0 then 1 else 0 end) as n_vanished_categories,
        sum(case when n_production = 0 then r else 0 end) as vanished_reference_share,
        max(n_production_total) as n_values,
        max(n_reference_total) as n_reference

    from bin_terms
    group by {{ group_keys | join(', ') }}

),

{#- the chi-square tail's normal-CDF arguments as columns (corridor.chi_square_sf_arguments): the tail repeats them -#}
{%- set chi_arguments = corridor.chi_square_sf_arguments('chi_square', 'chi_square_df') %}

bin_tail_arguments as {{ corridor.materialized_cte() }} (

    select
        *,
        {{ chi_arguments['wilson_hilferty'] }} as chi_square_wilson_hilferty,
        {{ chi_arguments['root'] }} as chi_square_root

    from bin_measures

),

{#- Wasserstein-1 between the two histograms, each bin's mass at the bin's mean value on its side #}

{{ corridor.histogram_wasserstein_ctes('bin_terms', group_keys, 'bin_index', 'n_production', 'production_value_sum', 'p', 'n_reference',
    'reference_value_sum', 'r') }},

final as (

    select
        {{ dbt.hash(dbt.concat(['g.model_id', "'|'", 'g.model_version', "'|'", 'g.window_grain', "'|'", 'cast(g.window_start as '
            ~ dbt.type_string() ~ ')', "'|'", 'g.segment_dimension', "'|'", 'g.segment_value', "'|'", 'g.feature_name'])) }} as drift_id,
        g.model_id,
        g.model_version,
        g.window_grain,
        g.segment_dimension,
        g.segment_value,
        g.feature_name,
        configured.feature_type,
        cast(g.n_events as {{ dbt.type_bigint() }}) as n_events,
        cast(g.n_events - g.n_null as {{ dbt.type_bigint() }}) as n_values,
        cast(reference_stats.n_reference as {{ dbt.type_bigint() }}) as n_reference,
        cast(m.n_bins as {{ dbt.type_int() }}) as n_bins,
        cast(g.n_null as {{ double }}) / nullif(g.n_events, 0) as null_rate,
        cast(reference_stats.reference_null_rate as {{ double }}) as reference_null_rate,
        cast(g.n_events - g.n_null as {{ double }}) / nullif(g.n_events, 0) as availability,
        case when
                reference_stats.feature_type = 'numeric' then cast(g.n_out_of_range as {{ double }})
            / nullif(g.n_events - g.n_null, 0)
        end as out_of_reference_range_share,
        case when
                reference_stats.feature_type = 'categorical' then cast(m.n_new_category_values as {{ double }})
            / nullif(m.n_values, 0)
        end as new_category_share,
        case when reference_stats.feature_type = 'categorical' then cast(m.n_new_categories as {{ dbt.type_int() }}) end
            as n_new_categories,
        case when reference_stats.feature_type = 'categorical' then cast(m.n_vanished_categories as {{ dbt.type_int() }}) end
            as n_vanished_categories,
        case when reference_stats.feature_type = 'categorical' then cast(m.vanished_reference_share as {{ double }}) end
            as vanished_reference_share,
        cast(m.psi as {{ double }}) as psi,
        cast(m.jensen_shannon as {{ double }}) as jensen_shannon,
        cast(m.hellinger as {{ double }}) as hellinger,
        case when reference_stats.feature_type = 'numeric' then cast(m.ks_statistic as {{ double }}) end as ks_statistic,
        case when reference_stats.feature_type = 'numeric' then cast({{ corridor.kolmogorov_sf(
            '(sqrt(' ~ en ~ ') + 0.12 + 0.11 / sqrt(' ~ en ~ ')) * m.ks_statistic'
        ) }} as {{ double }}) end as ks_p_value,
        case when reference_stats.feature_type = 'numeric' then cast(
                w.wasserstein / nullif(reference_stats.reference_std, 0)
                as {{ double }}
            )
        end as wasserstein_normed,
        case when reference_stats.feature_type = 'numeric' then cast(w.wasserstein as {{ double }}) end as wasserstein,
        case when reference_stats.feature_type = 'categorical' then cast(m.chi_square as {{ double }}) end as chi_square,
        case when reference_stats.feature_type = 'categorical' then cast(m.chi_square_df as {{ dbt.type_int() }}) end as chi_square_df,
        case when reference_stats.feature_type = 'categorical' then cast({{ corridor.chi_square_sf('m.chi_square', 'm.chi_square_df',
            'm.chi_square_wilson_hilferty', 'm.chi_square_root') }} as {{ double }}) end as chi_square_p_value,
        reference_stats.model_id is not null as has_reference,
        g.window_start

    from group_counts as g
    inner join configured
        on g.feature_name = configured.feature_name
    left join reference_stats
        on g.model_id = reference_stats.model_id
        and g.model_version = reference_stats.model_version
        and g.feature_name = reference_stats.feature_name
    left join bin_tail_arguments as m
        on {{ corridor.keys_equal('g', 'm', group_keys) }}
    left join wasserstein as w
        on {{ corridor.keys_equal('g', 'w', group_keys) }}

)

select * from final
