{#-
    corridor.moment_power_term(unit, n_events, k): the exact contribution of
    a histogram row to the k-th power sum of a moment family's group:
    `unit` (the value over its family's scale, a power of two, so in [0, 1]
    and exactly divided) raised to the k-th power by multiplication in
    double (exact when it can be; power() is not), rounded to 18 decimals as
    a 38-digit decimal, times the row's `n_events`. Sums of these are exact
    in any order and split over any partition of the rows alike, so a group's
    power sums rolled up from fine cells, from days or from its events are
    the same to the last digit. The same arithmetic as
    corridor.bootstrap.read_coded's moments in Python. Used by
    int_corridor__value_histograms and int_corridor__rolling_value_histograms.
-#}
{% macro moment_power_term(unit, n_events, k) -%}
    {{ return(adapter.dispatch('moment_power_term', 'corridor')(unit, n_events, k)) }}
{%- endmacro %}

{% macro default__moment_power_term(unit, n_events, k) -%}
    cast({{ ([unit] * k) | join(' * ') }} as decimal(38, 18)) * {{ n_events }}
{%- endmacro %}
