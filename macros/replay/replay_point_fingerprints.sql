{#-
    corridor.replay_point_fingerprints(): a select of one row per replay
    point (as_of, is_build_now) with results_fingerprint: the
    corridor.fingerprint_sum of every column of its rows of
    int_corridor__replay_results, and of every row of
    int_corridor__calibration_candidates. The candidates' alerts as of a
    point (int_corridor__calibration_alerts) depend on nothing else, so a
    point whose fingerprint is stored with its alerts keeps them.

    Floating-point columns are hashed as single precision (7 significant
    digits): a sum of doubles may differ in its last bit between two builds
    of the same data (the order of a parallel sum; the drift scores), which
    would change every later point's fingerprint. A change smaller than that
    keeps the point's alerts (their carried values then differ from a full
    build's by less than 1e-7 relative).
-#}
{% macro replay_point_fingerprints() -%}
    {%- set results = ref('int_corridor__replay_results') -%}
    {%- set candidates = ref('int_corridor__calibration_candidates') -%}
    {%- set columns = {} -%}
    {%- for name, relation, alias in [('results', results, 'point_results'), ('candidates', candidates, 'all_candidates')] -%}
        {%- set names = [] -%}
        {%- if execute and load_relation(relation) is not none -%}
            {%- for column in adapter.get_columns_in_relation(relation) | sort(attribute='name') -%}
                {%- set qualified = alias ~ '.' ~ adapter.quote(column.name) -%}
                {%- do names.append('cast(' ~ qualified ~ ' as real)' if column.is_float() else qualified) -%}
            {%- endfor -%}
        {%- endif -%}
        {#- a compile before the tables exist (sqlfluff) fingerprints a column of each -#}
        {%- do columns.update({name: names or [alias ~ ('.as_of' if name == 'results' else '.candidate_id')]}) -%}
    {%- endfor -%}
    select
        point_results.as_of,
        point_results.is_build_now,
        {{ dbt.concat([
            corridor.fingerprint_sum(columns['results']),
            "'|'",
            '(select ' ~ corridor.fingerprint_sum(columns['candidates']) ~ ' from ' ~ candidates ~ ' as all_candidates)',
        ]) }} as results_fingerprint

    from {{ results }} as point_results
    group by point_results.as_of, point_results.is_build_now
{%- endmacro %}
