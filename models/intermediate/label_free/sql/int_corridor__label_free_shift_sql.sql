{#-
    Covariate shift of the label-free estimate in SQL (corridor_label_free_method
    sql; the Python path's corridor.label_free: population_stability_index,
    shift_test, overall_shift_flags): per model version × grain × segment ×
    window, the PSI of its score distribution against its segment's reference
    distribution over the reference's deciles (shares floored at 1e-4), the
    chi-square test's p-value (corridor.chi_square_sf), and the flag:
    score_shift when PSI > corridor_label_free_max_psi and p <
    corridor_test_alpha, segment_not_in_reference, and on overall traffic
    shift_in_segment: <dimension>=<value>, ... when a segment of its window has
    PSI above the threshold and p < alpha / m (m segment tests in the window).
-#}
{{ config(enabled=corridor.label_free_path_enabled('sql')) }}
{%- set group_keys = ['model_id', 'model_version', 'window_grain', 'segment_dimension', 'segment_value', 'window_start'] -%}

with

histograms as (

    select * from {{ ref('int_corridor__label_free_histograms') }}

),

bin_deciles as (

    select * from {{ ref('int_corridor__label_free_reference_deciles_sql') }}

),

decile_series as (

    select n from {{ corridor.integer_series(0, 9) }} as series

),

groups as (

    select
        {{ group_keys | join(',\n        ') }},
        sum(n_events) as window_events

    from histograms
    group by {{ group_keys | join(', ') }}

),

reference_deciles as (

    select
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        decile,
        sum(n_scored) as n_scored

    from bin_deciles
    group by model_id, model_version, segment_dimension, segment_value, decile

),

window_deciles as (

    select
        {{ 'histograms.' ~ group_keys | join(',\n        histograms.') }},
        bin_deciles.decile,
        sum(histograms.n_events) as n_events

    from histograms
    inner join bin_deciles
        on {{ corridor.keys_equal(
            'histograms', 'bin_deciles', ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'score_bin']
        ) }}
    group by {{ 'histograms.' ~ group_keys | join(', histograms.') }}, bin_deciles.decile

),

{# both distributions over the ten deciles, per group with a reference distribution #}
decile_counts as (

    select
        {{ 'groups.' ~ group_keys | join(',\n        groups.') }},
        deciles.n as decile,
        cast(coalesce(reference_deciles.n_scored, 0) as {{ corridor.type_double() }}) as reference_count,
        cast(coalesce(window_deciles.n_events, 0) as {{ corridor.type_double() }}) as window_count

    from groups
    cross join decile_series as deciles
    left join reference_deciles
        on {{ corridor.keys_equal('groups', 'reference_deciles', ['model_id', 'model_version', 'segment_dimension', 'segment_value']) }}
        and deciles.n = reference_deciles.decile
    left join window_deciles
        on {{ corridor.keys_equal('groups', 'window_deciles', group_keys) }}
        and deciles.n = window_deciles.decile

),

shares as (

    select
        *,
        sum(reference_count) over group_rows as reference_total,
        sum(window_count) over group_rows as window_total,
        reference_count + window_count as column_total

    from decile_counts
    window group_rows as (partition by {{ group_keys | join(', ') }})

),

tests as (

    select
        {{ group_keys | join(',\n        ') }},
        max(reference_total) > 0 as has_reference,
        sum(
            (
                greatest(window_count / greatest(window_total, 1e-300), 1e-4)
                - greatest(reference_count / greatest(reference_total, 1e-300), 1e-4)
            )
            * ln(
                greatest(window_count / greatest(window_total, 1e-300), 1e-4)
                / greatest(reference_count / greatest(reference_total, 1e-300), 1e-4)
            )
        ) as score_psi,
        sum(case when column_total > 0 then 1 else 0 end) - 1 as shift_df,
        sum(
            case
                when column_total > 0 and reference_total > 0 and window_total > 0
                    then power(reference_count - column_total * reference_total / (reference_total + window_total), 2)
                    / (column_total * reference_total / (reference_total + window_total))
                    + power(window_count - column_total * window_total / (reference_total + window_total), 2)
                    / (column_total * window_total / (reference_total + window_total))
            end
        ) as shift_statistic

    from shares
    group by {{ group_keys | join(', ') }}

),

judged as (

    select
        {{ 'groups.' ~ group_keys | join(', groups.') }},
        cast(case when tests.has_reference then tests.score_psi end as {{ corridor.type_double() }}) as score_psi,
        cast(
            case
                when
                    tests.has_reference and tests.shift_df >= 1
                    then {{ corridor.chi_square_sf('tests.shift_statistic', 'tests.shift_df') }}
            end
            as {{ corridor.type_double() }}
        ) as shift_p_value

    from groups
    left join tests
        on {{ corridor.keys_equal('groups', 'tests', group_keys) }}

),

own_flags as (

    select
        *,
        case
            when score_psi is null then 'segment_not_in_reference'
            when score_psi > {{ corridor.setting('corridor_label_free_max_psi') }} and shift_p_value < {{
                corridor.setting('corridor_test_alpha') }} then 'score_shift'
        end as own_reason,
        sum(case when segment_dimension != 'all' and shift_p_value is not null then 1 else 0 end) over (
            partition by model_id, model_version, window_grain, window_start
        ) as segment_tests

    from judged

),

{# the segments that carry their shift to overall traffic (Bonferroni over the window's segment tests) #}
carried as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        {{ corridor.ordered_listagg(
            "segment_dimension || '=' || segment_value", "', '", "order by segment_dimension || '=' || segment_value"
        ) }}
            as shifted_segments

    from own_flags
    where segment_dimension != 'all'
        and shift_p_value is not null
        and score_psi > {{ corridor.setting('corridor_label_free_max_psi') }}
        and shift_p_value < {{ corridor.setting('corridor_test_alpha') }} / greatest(segment_tests, 1)
    group by model_id, model_version, window_grain, window_start

),

final as (

    select
        {{ 'own_flags.' ~ group_keys | join(', own_flags.') }},
        own_flags.score_psi,
        own_flags.shift_p_value,
        case
            when own_flags.segment_dimension = 'all' and carried.shifted_segments is not null
                then coalesce(own_flags.own_reason || '; ', '') || 'shift_in_segment: ' || carried.shifted_segments
            else own_flags.own_reason
        end as shift_reason

    from own_flags
    left join carried
        on {{ corridor.keys_equal('own_flags', 'carried', ['model_id', 'model_version', 'window_grain', 'window_start']) }}

)

select * from final
