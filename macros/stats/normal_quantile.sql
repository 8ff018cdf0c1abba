{#
    Inverse of the standard normal CDF (Acklam's rational approximation,
    relative error below 1.2e-9 over (0, 1)).

    corridor.normal_quantile(p)      -> a number, computed by Jinja at compile
                                        time (p is a Jinja number);
    corridor.normal_quantile_sql(p)  -> a SQL expression, for per-row
                                        probabilities (e.g. each offline
                                        estimate's own confidence level).
    corridor.z_for_level(level)      -> two-sided critical value, e.g. 1.95996
                                        for 0.95.
#}
{% macro _normal_quantile_coefficients() %}
    {{ return({
        'a': [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00],
        'b': [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01],
        'c': [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00],
        'd': [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00],
    }) }}
{% endmacro %}

{% macro normal_quantile(p) %}
    {%- if p <= 0 or p >= 1 -%}
        {{ exceptions.raise_compiler_error("corridor.normal_quantile: p must be strictly between 0 and 1; got " ~ p) }}
    {%- endif -%}
    {%- set k = corridor._normal_quantile_coefficients() -%}
    {%- set a, b, c, d = k['a'], k['b'], k['c'], k['d'] -%}
    {%- set p_low = 0.02425 -%}
    {%- if p < p_low -%}
        {%- set q = modules.math.sqrt(-2 * modules.math.log(p)) -%}
        {%- set x = (((((c[0]*q + c[1])*q + c[2])*q + c[3])*q + c[4])*q + c[5]) / ((((d[0]*q + d[1])*q + d[2])*q + d[3])*q + 1) -%}
    {%- elif p > 1 - p_low -%}
        {%- set q = modules.math.sqrt(-2 * modules.math.log(1 - p)) -%}
        {%- set x = -(((((c[0]*q + c[1])*q + c[2])*q + c[3])*q + c[4])*q + c[5]) / ((((d[0]*q + d[1])*q + d[2])*q + d[3])*q + 1) -%}
    {%- else -%}
        {%- set q = p - 0.5 -%}
        {%- set r = q * q -%}
        {%- set x = (((((a[0]*r + a[1])*r + a[2])*r + a[3])*r + a[4])*r + a[5])*q / (((((b[0]*r + b[1])*r + b[2])*r + b[3])*r + b[4])*r + 1) -%}
    {%- endif -%}
    {{ return(x) }}
{% endmacro %}

{% macro z_for_level(level) %}
    {{ return(corridor.normal_quantile(1 - (1 - level) / 2)) }}
{% endmacro %}

{% macro normal_quantile_sql(p) -%}
    {%- set k = corridor._normal_quantile_coefficients() -%}
    {%- set a, b, c, d = k['a'], k['b'], k['c'], k['d'] -%}
    {#- ln arguments are clamped so that branches an engine evaluates eagerly never see ln(x <= 0) -#}
    {%- set lo = 'sqrt(-2 * ln(least(greatest(' ~ p ~ ', 1e-300), 1.0)))' -%}
    {%- set hi = 'sqrt(-2 * ln(least(greatest(1 - ' ~ p ~ ', 1e-300), 1.0)))' -%}
    {%- set mid_q = '(' ~ p ~ ' - 0.5)' -%}
    {%- set mid_r = '((' ~ p ~ ' - 0.5) * (' ~ p ~ ' - 0.5))' -%}
    case
        when {{ p }} <= 0 or {{ p }} >= 1 then null
        when {{ p }} < 0.02425 then
            (((((({{ c[0] }}) * {{ lo }} + ({{ c[1] }})) * {{ lo }} + ({{ c[2] }})) * {{ lo }} + ({{ c[3] }})) * {{ lo }} + ({{ c[4] }})) * {{ lo }} + ({{ c[5] }}))
            / (((({{ d[0] }} * {{ lo }} + {{ d[1] }}) * {{ lo }} + {{ d[2] }}) * {{ lo }} + {{ d[3] }}) * {{ lo }} + 1)
        when {{ p }} > 1 - 0.02425 then
            -(((((({{ c[0] }}) * {{ hi }} + ({{ c[1] }})) * {{ hi }} + ({{ c[2] }})) * {{ hi }} + ({{ c[3] }})) * {{ hi }} + ({{ c[4] }})) * {{ hi }} + ({{ c[5] }}))
            / (((({{ d[0] }} * {{ hi }} + {{ d[1] }}) * {{ hi }} + {{ d[2] }}) * {{ hi }} + {{ d[3] }}) * {{ hi }} + 1)
        else
            (((((({{ a[0] }}) * {{ mid_r }} + ({{ a[1] }})) * {{ mid_r }} + ({{ a[2] }})) * {{ mid_r }} + ({{ a[3] }})) * {{ mid_r }} + ({{ a[4] }})) * {{ mid_r }} + ({{ a[5] }})) * {{ mid_q }}
            / (((((({{ b[0] }}) * {{ mid_r }} + ({{ b[1] }})) * {{ mid_r }} + ({{ b[2] }})) * {{ mid_r }} + ({{ b[3] }})) * {{ mid_r }} + ({{ b[4] }})) * {{ mid_r }} + 1)
    end
{%- endmacro %}
