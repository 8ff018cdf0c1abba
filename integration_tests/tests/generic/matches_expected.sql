{#-
    matches_expected(model, expected, key, columns, rtol=1e-12, atol=1e-12): every row of the model equals the row
    of the seed `expected` with the same key (the rows of either side without a partner fail): numbers within
    atol + rtol * |expected|, everything else (text, booleans) exactly, null equal to null only. The test of each
    cross-db macro (models/cross_db/test_<macro>.sql against seeds/cross_db/expected_<macro>.csv).
-#}
{% test matches_expected(model, expected, key, columns, numeric=[], rtol=1e-12, atol=1e-12) %}
    {%- set string = dbt.type_string() -%}
    {%- set double = corridor.type_double() -%}
    select
        coalesce(cast(a.{{ key }} as {{ string }}), cast(e.{{ key }} as {{ string }})) as case_id
    from {{ model }} as a
    full outer join {{ ref(expected) }} as e
        on cast(a.{{ key }} as {{ string }}) = cast(e.{{ key }} as {{ string }})
    where
        a.{{ key }} is null
        or e.{{ key }} is null
        {%- for column in columns %}
        {%- if column in numeric %}
        or not coalesce(
            (a.{{ column }} is null and e.{{ column }} is null)
            or abs(cast(a.{{ column }} as {{ double }}) - cast(e.{{ column }} as {{ double }}))
            <= {{ atol }} + {{ rtol }} * abs(cast(e.{{ column }} as {{ double }})),
            false
        )
        {%- else %}
        or not coalesce(
            (a.{{ column }} is null and e.{{ column }} is null)
            or lower(cast(a.{{ column }} as {{ string }})) = lower(cast(e.{{ column }} as {{ string }})),
            false
        )
        {%- endif %}
        {%- endfor %}
{% endtest %}
