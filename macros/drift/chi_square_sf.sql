{#-
    corridor.chi_square_sf(x, df): P(X > x) for a chi-square variable with df
    (a whole number of) degrees of freedom: the p-value of a chi-square
    statistic, as scipy.stats.chi2.sf. Exact up to 20 degrees of freedom,
    from the closed forms of the regularized gamma function at integer and
    half-integer shapes (each term's factorial is a compile-time constant):
      even df: exp(-x/2) * sum_{i < df/2} (x/2)^i / i!
      odd df:  2 (1 - Phi(sqrt x)) + sqrt(2x/pi) exp(-x/2) * sum_{i <= (df-3)/2} x^i / (2i+1)!!
    Above 20, the Wilson-Hilferty normal approximation of the cube root
    (absolute error below 6e-4 there, 3e-4 above 40). Null when df < 1.
    Upper normal tails are taken as Phi(-z), not 1 - Phi(z), so a tiny
    p-value keeps its relative precision (1e-17 is not rounded to 1e-16).
    wilson_hilferty and root, when given, name columns holding
    corridor.chi_square_sf_arguments(x, df) (the normal CDF's arguments,
    which it repeats many times); without them the expressions are inlined.
-#}
{% macro chi_square_sf(x, df, wilson_hilferty=none, root=none) %}
    {{ return(adapter.dispatch('chi_square_sf', 'corridor')(x, df, wilson_hilferty, root)) }}
{% endmacro %}

{% macro default__chi_square_sf(x, df, wilson_hilferty=none, root=none) -%}
    {%- set k = '(' ~ df ~ ')' -%}
    {%- set xx = 'greatest(' ~ x ~ ', 1e-300)' -%}
    {%- set arguments = corridor.chi_square_sf_arguments(x, df) -%}
    {%- set wh = wilson_hilferty or arguments['wilson_hilferty'] -%}
    {%- set root = root or arguments['root'] -%}
    {#- ln(i!) and ln((2i+1)!!) for i = 0..29 -#}
    {%- set log_factorial = [0.0, 0.0, 0.693147180559945, 1.7917594692280554, 3.178053830347945, 4.787491742782047, 6.579251212010102,
        8.525161361065415, 10.604602902745249, 12.801827480081467, 15.104412573075514, 17.502307845873887, 19.987214495661885,
        22.55216385312342, 25.191221182738683, 27.89927138384089, 30.671860106080672, 33.50507345013689, 36.39544520803305,
        39.339884187199495, 42.335616460753485, 45.38013889847691, 48.47118135183522, 51.60667556776438, 54.78472939811232,
        58.00360522298052, 61.26170176100201, 64.55753862700634, 67.88974313718153, 71.257038967168] -%}
    {%- set log_double_factorial = [0, 1.0986122886681098, 2.70805020110221, 4.653960350157523, 6.851184927493742, 9.249080200292113,
        11.81402955775365, 14.52207975885586, 17.355293102912075, 20.299732082078513, 23.344254519801936, 26.479748735731086,
        29.698624560599285, 32.994461426603614, 36.36175725659009, 39.79574446107524, 43.29225202254172, 46.84760008403113,
        50.458517996675354, 54.122079642805, 57.83565170950931, 61.59685182520287, 65.4035143149732, 69.25366191668326, 73.14548221479389,
        77.07730784751821, 81.04759976107033, 85.0549329463028, 89.09798421413736, 93.17552165804308] -%}
    {#- the series' terms, summed in parenthesized groups of five (a flat chain of 30 additions nests too deep for parsers) -#}
    {%- set even_terms = [] -%}
    {%- set odd_terms = [] -%}
    {%- for i in range(0, 10) -%}
        {%- do even_terms.append('case when ' ~ i ~ ' < ' ~ k ~ ' / 2 then exp(greatest(-' ~ xx ~ ' / 2 + ' ~ i ~ ' * ln(' ~ xx ~ ' / 2) '
            '- ' ~ log_factorial[i] ~ ', -700.0)) else 0 end') -%}
        {%- do odd_terms.append('case when ' ~ i ~ ' <= (' ~ k ~ ' - 3) / 2 then exp(greatest(0.5 * ln(2 * ' ~ xx ~ ' / 3.141592653589793) '
            '- ' ~ xx ~ ' / 2 + ' ~ i ~ ' * ln(' ~ xx ~ ') - ' ~ log_double_factorial[i] ~ ', -700.0)) else 0 end') -%}
    {%- endfor -%}
    {%- set sums = {} -%}
    {%- for name, terms in [('even', even_terms), ('odd', odd_terms)] -%}
        {%- set groups = [] -%}
        {%- for g in terms | batch(5) -%}
            {%- do groups.append('(' ~ (g | join('\n            + ')) ~ ')') -%}
        {%- endfor -%}
        {%- do sums.update({name: groups | join('\n        + ')}) -%}
    {%- endfor -%}
    (case
        when ({{ x }}) is null or {{ k }} is null or {{ k }} < 1 then null
        when ({{ x }}) <= 0 then 1.0
        when {{ k }} > 20 then {{ corridor.standard_normal_cdf('-' ~ wh) }}
        when mod(cast({{ k }} as {{ dbt.type_int() }}), 2) = 0 then least(1.0,
            {{ sums['even'] }}
        )
        else least(1.0, 2 * {{ corridor.standard_normal_cdf('-' ~ root) }}
            + {{ sums['odd'] }}
        )
    end)
{%- endmacro %}
