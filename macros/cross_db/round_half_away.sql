{#- corridor.round_half_away(expr): a double rounded to the nearest whole number, halves away from zero (2.5 -> 3,
    -2.5 -> -3), as DuckDB's and Spark's round do; PostgreSQL's round of a double rounds halves to even (2.5 -> 2), so
    the default body decides from the fraction, which is exact for every double. Null stays null. -#}
{% macro round_half_away(expr) -%}
    {{ return(adapter.dispatch('round_half_away', 'corridor')(expr)) }}
{%- endmacro %}

{% macro default__round_half_away(expr) -%}
    (sign({{ expr }}) * case
        when abs({{ expr }}) - floor(abs({{ expr }})) >= 0.5 then ceil(abs({{ expr }}))
        else floor(abs({{ expr }}))
    end)
{%- endmacro %}

{% macro duckdb__round_half_away(expr) -%}
    round({{ expr }})
{%- endmacro %}
