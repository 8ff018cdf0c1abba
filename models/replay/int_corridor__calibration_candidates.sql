{#-
    The candidate settings corridor_rule_calibration compares, one row each:
    every combination of var corridor_calibration_candidates
    (corridor.calibration_candidates), the current setting flagged is_current.
-#}

{%- for c in corridor.calibration_candidates() %}
select
    {{ corridor.sql_string(c['candidate_id']) }} as candidate_id,
    cast({{ c['fdr_level'] }} as {{ corridor.type_double() }}) as fdr_level,
    cast({{ c['consecutive_windows'] if c['consecutive_windows'] is not none else 'null' }} as {{ dbt.type_int() }}) as consecutive_windows,
    cast({{ c['tolerance_multiplier'] }} as {{ corridor.type_double() }}) as tolerance_multiplier,
    cast({{ c['min_sample_multiplier'] }} as {{ corridor.type_double() }}) as min_sample_multiplier,
    {{ 'true' if c['is_current'] else 'false' }} as is_current
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor %}
