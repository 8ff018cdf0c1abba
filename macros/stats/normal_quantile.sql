{#
    Inverse of the standard normal CDF (Acklam's rational approximation,
    relative error below 1.2e-9 over (0, 1); the compile-time version adds
    one Halley refinement step, which brings it to machine precision).

    corridor.normal_quantile(p): a number, computed by Jinja at compile
    time (p is a Jinja number). Per-row probabilities: corridor.normal_quantile_sql;
    two-sided critical values: corridor.z_for_level.
#}

{% macro _normal_quantile_coefficients() %}
    {{ return({
        'a': [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
            2.506628277459239e+00],
        'b': [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01],
        'c': [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
            2.938163982698783e+00],
        'd': [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00],
    }) }}
{% endmacro %}

{#- Natural log, exp and the standard normal upper tail in plain Jinja (dbt's
    `modules` has no math): range reduction plus series / continued fraction,
    accurate to about 1e-15. -#}

{% macro _jinja_ln(x) %}
    {%- set ns = namespace(m=x, k=0, total=0.0) -%}
    {%- for i in range(1100) -%}
        {%- if ns.m >= 2 -%}{%- set ns.m = ns.m / 2 -%}{%- set ns.k = ns.k + 1 -%}{%- endif -%}
        {%- if ns.m < 1 -%}{%- set ns.m = ns.m * 2 -%}{%- set ns.k = ns.k - 1 -%}{%- endif -%}
    {%- endfor -%}
    {%- set t = (ns.m - 1) / (ns.m + 1) -%}
    {%- for n in range(40) -%}
        {%- set ns.total = ns.total + t ** (2 * n + 1) / (2 * n + 1) -%}
    {%- endfor -%}
    {{ return(2 * ns.total + ns.k * 0.6931471805599453) }}
{% endmacro %}

{% macro _jinja_exp(x) %}
    {%- set k = (x / 0.6931471805599453) | round | int -%}
    {%- set r = x - k * 0.6931471805599453 -%}
    {%- set ns = namespace(term=1.0, total=1.0) -%}
    {%- for n in range(1, 30) -%}
        {%- set ns.term = ns.term * r / n -%}
        {%- set ns.total = ns.total + ns.term -%}
    {%- endfor -%}
    {{ return(ns.total * (2.0 ** k)) }}
{% endmacro %}

{% macro _jinja_normal_upper_tail(x) %}
    {#- Q(x) = 1 - Phi(x) -#}
    {%- if x < 0 -%}
        {{ return(1 - corridor._jinja_normal_upper_tail(-x)) }}
    {%- endif -%}
    {%- set density = corridor._jinja_exp(-x * x / 2) / (2 * 3.141592653589793) ** 0.5 -%}
    {%- if x < 3 -%}
        {#- Phi(x) - 1/2 = density-free Taylor series: sum (-1)^n x^(2n+1) / (n! 2^n (2n+1)) / sqrt(2 pi) -#}
        {%- set ns = namespace(term=x, total=x) -%}
        {%- for n in range(1, 80) -%}
            {%- set ns.term = -ns.term * x * x / (2 * n) -%}
            {%- set ns.total = ns.total + ns.term / (2 * n + 1) -%}
        {%- endfor -%}
        {{ return(0.5 - ns.total / (2 * 3.141592653589793) ** 0.5) }}
    {%- else -%}
        {#- continued fraction Q(x) = density / (x + 1/(x + 2/(x + 3/(x + ...)))) -#}
        {%- set ns = namespace(f=x) -%}
        {%- for k in range(200, 0, -1) -%}
            {%- set ns.f = x + k / ns.f -%}
        {%- endfor -%}
        {{ return(density / ns.f) }}
    {%- endif -%}
{% endmacro %}

{% macro normal_quantile(p) %}
    {%- if p <= 0 or p >= 1 -%}
        {{ exceptions.raise_compiler_error("corridor.normal_quantile: p must be strictly between 0 and 1; got " ~ p) }}
    {%- endif -%}
    {%- set k = corridor._normal_quantile_coefficients() -%}
    {%- set a, b, c, d = k['a'], k['b'], k['c'], k['d'] -%}
    {%- set p_low = 0.02425 -%}
    {%- if p < p_low -%}
        {%- set q = (-2 * corridor._jinja_ln(p)) ** 0.5 -%}
        {%- set x = (((((c[0]*q + c[1])*q + c[2])*q + c[3])*q + c[4])*q + c[5]) / ((((d[0]*q + d[1])*q + d[2])*q + d[3])*q + 1) -%}
    {%- elif p > 1 - p_low -%}
        {%- set q = (-2 * corridor._jinja_ln(1 - p)) ** 0.5 -%}
        {%- set x = -(((((c[0]*q + c[1])*q + c[2])*q + c[3])*q + c[4])*q + c[5]) / ((((d[0]*q + d[1])*q + d[2])*q + d[3])*q + 1) -%}
    {%- else -%}
        {%- set q = p - 0.5 -%}
        {%- set r = q * q -%}
        {%- set x = (((((a[0]*r + a[1])*r + a[2])*r + a[3])*r + a[4])*r + a[5])*q
            / (((((b[0]*r + b[1])*r + b[2])*r + b[3])*r + b[4])*r + 1) -%}
    {%- endif -%}
    {#- one Halley step brings the compile-time value to machine precision -#}
    {%- set e = (1 - corridor._jinja_normal_upper_tail(x)) - p -%}
    {%- set u = e * (2 * 3.141592653589793) ** 0.5 * corridor._jinja_exp(x * x / 2) -%}
    {%- set x = x - u / (1 + x * u / 2) -%}
    {{ return(x) }}
{% endmacro %}
