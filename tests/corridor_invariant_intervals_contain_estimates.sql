{#-
    Invariant: a production metric's interval contains its point value, and
    no interval (production or offline) has its lower bound above its upper
    bound; in corridor_metric_observations and, for both sides of every
    check, in corridor_validation_results. A relative tolerance of 1e-9
    absorbs floating-point rounding.
    Severity: corridor_check_severity.invariants (warn by default).
-#}
{{ config(severity=corridor.check_severity('invariants'), tags=['corridor', 'corridor_invariants']) }}

with

intervals as (

    select
        'corridor_metric_observations' as table_name,
        observation_id as row_id,
        source,
        metric_value as point_value,
        interval_lower,
        interval_upper

    from {{ ref('corridor_metric_observations') }}

    union all

    select
        'corridor_validation_results' as table_name,
        result_id as row_id,
        'production' as source,
        production_value as point_value,
        production_lower as interval_lower,
        production_upper as interval_upper

    from {{ ref('corridor_validation_results') }}

    union all

    select
        'corridor_validation_results' as table_name,
        result_id as row_id,
        'offline' as source,
        expected_value as point_value,
        expected_lower as interval_lower,
        expected_upper as interval_upper

    from {{ ref('corridor_validation_results') }}

)

select *
from intervals
where
    interval_lower > interval_upper + 1e-9 * (1 + abs(interval_upper))
    or (
        source = 'production'
        and (
            interval_lower > point_value + 1e-9 * (1 + abs(point_value))
            or interval_upper < point_value - 1e-9 * (1 + abs(point_value))
        )
    )
