{#-
    corridor.t_to_z_sql(t, df): the standard normal deviate with (about) the
    same tail probability as Student's t with `df` degrees of freedom
    (Wallace, 1959: z = (8 df + 1) / (8 df + 3) sqrt(df ln(1 + t^2 / df))).
    Slightly conservative in the far tail (p-values a little too large),
    which is the safe side for false alarms. Null df leaves t unchanged.
-#}

{% macro t_to_z_sql(t, df) -%}
    (case
        when {{ df }} is null then {{ t }}
        when {{ df }} < 1 then null
        else sign({{ t }}) * (8.0 * {{ df }} + 1) / (8.0 * {{ df }} + 3) * sqrt({{ df }} * ln(1 + {{ t }} * {{ t }} / {{ df }}))
    end)
{%- endmacro %}
