{#-
    Does the label-free calibration hold on the reference? In SQL
    (corridor_label_free_method sql; the Python path's
    corridor.label_free.calibration_reliability, the same columns): the map
    fitted on half 0 of the reference's labelled events
    (int_corridor__label_free_calibration_map_sql, fit `half_0`), checked on
    half 1 per reference decile (equal-frequency bins of all its labelled
    events): expected and observed positive rate, binomial z, and the exact
    two-sided binomial test of the observed positives at the expected rate
    (scipy.stats.binomtest's: the probabilities of every count no more likely
    than the observed one, relative tolerance 1e-7, summed over the counts
    0..n); holds while p > corridor_test_alpha / 10 (Bonferroni).
-#}
{{ config(enabled=corridor.label_free_path_enabled('sql')) }}
{%- set log_pmf = corridor.lgamma('tested.trials + 1') ~ ' - ' ~ corridor.lgamma('counts.i + 1') ~ ' - '
    ~ corridor.lgamma('tested.trials - counts.i + 1') ~ ' + counts.i * ln(tested.tested_rate)'
    ~ ' + (tested.trials - counts.i) * ln(1 - tested.tested_rate)' -%}
{%- set log_pmf_observed = corridor.lgamma('trials + 1') ~ ' - ' ~ corridor.lgamma('successes + 1') ~ ' - '
    ~ corridor.lgamma('trials - successes + 1') ~ ' + successes * ln(tested_rate) + (trials - successes) * ln(1 - tested_rate)' -%}

with

reference as (

    select * from {{ ref('int_corridor__label_free_reference') }}
    where segment_dimension = 'all'

),

calibration_map as (

    select * from {{ ref('int_corridor__label_free_calibration_map_sql') }}
    where fit_sample = 'half_0'

),

bins as (

    select
        model_id,
        model_version,
        score_bin,
        sum(n_events) as all_events,
        sum(case when half = 1 then n_events else 0 end) as test_events,
        sum(case when half = 1 then n_positive else 0 end) as test_positives

    from reference
    group by
        model_id,
        model_version,
        score_bin

),

{# the reference decile of every bin, from all labelled events; the fit's calibrated probability #}
bin_deciles as (

    select
        bins.*,
        calibration_map.calibrated_rate,
        least(
            floor(
                (
                    sum(bins.all_events) over (
                        partition by bins.model_id, bins.model_version order by bins.score_bin
                        rows between unbounded preceding and current row
                    ) - bins.all_events
                ) / sum(bins.all_events) over (partition by bins.model_id, bins.model_version) * 10
            ),
            9
        ) as reliability_bin,
        sum(bins.test_events) over (partition by bins.model_id, bins.model_version) as version_test_events

    from bins
    inner join calibration_map
        on bins.model_id = calibration_map.model_id
        and bins.model_version = calibration_map.model_version
        and bins.score_bin = calibration_map.score_bin

),

deciles as (

    select
        model_id,
        model_version,
        reliability_bin,
        sum(test_events) as heldout_events,
        sum(test_positives) as heldout_positives,
        sum(test_events * calibrated_rate) / sum(test_events) as expected_rate,
        sum(test_positives) / sum(test_events) as observed_rate,
        sum(test_events * score_bin / {{ corridor.setting('corridor_score_bins') }}.0) / sum(test_events) as mean_score

    from bin_deciles
    where version_test_events > 0
    group by
        model_id,
        model_version,
        reliability_bin
    having sum(test_events) > 0

),

tested as (

    select
        *,
        cast(floor(heldout_events) as {{ dbt.type_bigint() }}) as trials,
        cast(floor(heldout_positives) as {{ dbt.type_bigint() }}) as successes,
        least(greatest(expected_rate, 1e-12), 1 - 1e-12) as tested_rate

    from deciles

),

observed_probabilities as (

    select
        *,
        exp({{ log_pmf_observed }}) as observed_probability

    from tested

),

{# every count 0..n no more likely than the observed one (scipy's relative tolerance 1e-7) #}
two_sided as (

    select
        tested.model_id,
        tested.model_version,
        tested.reliability_bin,
        sum(case when exp({{ log_pmf }}) <= tested.observed_probability * (1 + 1e-7) then exp({{ log_pmf }}) else 0 end) as tail_probability

    from observed_probabilities as tested
    {{ corridor.lateral_series('tested.trials', 'counts', 'i') }}
    group by
        tested.model_id,
        tested.model_version,
        tested.reliability_bin

),

final as (

    select
        tested.model_id,
        tested.model_version,
        cast(tested.reliability_bin as {{ dbt.type_int() }}) as reliability_bin,
        tested.trials as heldout_events,
        tested.successes as heldout_positives,
        cast(tested.mean_score as {{ corridor.type_double() }}) as mean_score,
        cast(tested.expected_rate as {{ corridor.type_double() }}) as expected_rate,
        cast(tested.observed_rate as {{ corridor.type_double() }}) as observed_rate,
        cast(
            (tested.observed_rate - tested.expected_rate)
            / sqrt(greatest(tested.expected_rate * (1 - tested.expected_rate), 0.25 / tested.heldout_events) / tested.heldout_events)
            as {{ corridor.type_double() }}
        ) as z_statistic,
        cast(
            case when tested.successes = tested.tested_rate * tested.trials then 1.0 else least(1.0, two_sided.tail_probability) end
            as {{ corridor.type_double() }}
        ) as p_value,
        case when tested.successes = tested.tested_rate * tested.trials then 1.0 else least(1.0, two_sided.tail_probability) end
        > {{ corridor.setting('corridor_test_alpha') }} / 10 as holds

    from tested
    inner join two_sided
        on tested.model_id = two_sided.model_id
        and tested.model_version = two_sided.model_version
        and tested.reliability_bin = two_sided.reliability_bin

)

select * from final
