{#
    corridor.validate_vars(): fail on any corridor_ var corridor does not
    know (a misspelling such as corridor_segments_columns would otherwise be
    ignored silently), naming the closest known var. Known vars: the settings
    registry (_corridor_settings) and the inputs (_corridor_input_defaults).
    Checks the vars
    given on the command line and in the dbt_project.yml files that apply to
    corridor's models (global or scoped under `corridor:`); vars scoped to
    another project are that project's business.
#}
{% macro validate_vars() %}
    {{ return(adapter.dispatch('validate_vars', 'corridor')()) }}
{% endmacro %}

{% macro default__validate_vars() %}
    {%- set known = corridor.known_vars() -%}
    {%- for name in corridor._given_var_names() -%}
        {%- if name is string and name.startswith('corridor_') and name not in known -%}
            {{ exceptions.raise_compiler_error("corridor: unknown var '" ~ name ~ "'." ~ corridor.did_you_mean(name, known) ~ " corridor "
                "reads only the vars listed in docs/configuration.md; a misspelled var would be ignored, so it is an error.") }}
        {%- endif -%}
    {%- endfor -%}
    {#- the settings that steer the run, validated here too (corridor_allow_history_full_refresh is read by dbt_project.yml) -#}
    {%- for name, spec in corridor._corridor_settings().items() if spec.get('scope') == 'run' and name not in ['corridor_load_demo_seeds',
        'corridor_profile'] -%}
        {%- do corridor.setting(name) -%}
    {%- endfor -%}
{% endmacro %}


{#- Names of the vars set on the command line and in the project files that reach corridor's nodes. -#}
{% macro _given_var_names() %}
    {%- set names = [] -%}
    {%- set cli = invocation_args_dict.get('vars') or {} -%}
    {%- if cli is string -%}
        {%- set cli = fromyaml(cli) or {} -%}
    {%- endif -%}
    {%- if cli is not mapping -%}
        {%- set cli = {} -%}
    {%- endif -%}
    {%- do names.extend(cli.keys() | list) -%}
    {%- if var.packages_for_node is defined -%}
        {%- set projects = var.packages_for_node() | list -%}
        {%- set project_names = [project_name, 'corridor'] -%}
        {%- for project in projects -%}
            {%- do project_names.append(project.project_name) -%}
        {%- endfor -%}
        {%- for project in projects -%}
            {%- set given = project.vars.to_dict() -%}
            {%- for key, value in given.items() -%}
                {%- if key not in project_names -%}
                    {%- do names.append(key) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- set scoped = given.get('corridor') -%}
            {%- if scoped is mapping -%}
                {%- do names.extend(scoped.keys() | list) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(names) }}
{% endmacro %}
