{#
    corridor.input_config(input_name): the resolved configuration of one input
    (production_events, outcomes, offline_estimates, rules, reference_features):
    the package defaults with the user's var merged over them, key by key.
    Returns {'var', 'optional', 'enabled', 'relation_spec', 'columns', 'required_columns'}.
#}
{% macro input_config(input_name) %}
    {{ return(adapter.dispatch('input_config', 'corridor')(input_name)) }}
{% endmacro %}

{% macro default__input_config(input_name) %}
    {%- set all_defaults = corridor._corridor_input_defaults() -%}
    {%- if input_name not in all_defaults -%}
        {{ exceptions.raise_compiler_error("corridor: unknown input '" ~ input_name ~ "'. Known inputs: "
            ~ (all_defaults.keys() | list | sort | join(', '))) }}
    {%- endif -%}
    {%- do corridor.validate_vars() -%}
    {%- set defaults = all_defaults[input_name] -%}
    {%- set var_name = defaults['var'] -%}
    {%- set demo = corridor.demo_mode() -%}
    {%- set sentinel = '__corridor_unset__' -%}
    {%- set user = var(var_name, sentinel) -%}

    {%- set columns = {} -%}
    {%- do columns.update(defaults['columns']) -%}
    {%- if corridor.profile() == 'demo' -%}
        {%- do columns.update(corridor.demo_profile()['inputs'].get(input_name, {})) -%}
    {%- endif -%}
    {#- an optional input without a demo seed (the governance inputs) stays off in the demo unless its var is set -#}
    {%- set demo = demo and defaults.get('demo_seed') is not none -%}
    {%- set relation_spec = {'ref': defaults['demo_seed']} if demo else none -%}
    {%- set enabled = true -%}
    {%- set user_columns_given = [] -%}

    {%- if user is none or (user is string and user == sentinel) -%}
        {%- if user is none -%}
            {#- explicitly switched off -#}
            {%- if not defaults['optional'] -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ "' is null, but this input is required. Map it to your "
                    "relation, e.g. " ~ var_name ~ ": {ref: my_model, columns: {...}}.") }}
            {%- endif -%}
            {%- set enabled = false -%}
        {%- elif not demo -%}
            {%- if defaults['optional'] -%}
                {%- set enabled = false -%}
            {%- else -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ "' is not set. Map the " ~ input_name ~ " input in your "
                    "dbt_project.yml, e.g.\n  vars:\n    " ~ var_name ~ ":\n      ref: <your model or seed>      # or source: [<source>, "
                    "<table>], or relation: <schema.table>\n      columns: {" ~ (defaults['required_columns'] | join(': ..., ')) ~ ": "
                    "...}") }}
            {%- endif -%}
        {%- endif -%}
    {%- elif user is not mapping -%}
        {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ "' must be a mapping with one of ref / source / relation and an "
            "optional columns mapping; got: " ~ user) }}
    {%- else -%}
        {%- set known = ['ref', 'source', 'relation', 'columns', 'enabled'] -%}
        {%- for key in user.keys() -%}
            {%- if key not in known -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ "' has an unknown key '" ~ key ~ "'."
                    ~ corridor.did_you_mean(key, known) ~ " Allowed keys: " ~ (known | join(', ')) ~ ".") }}
            {%- endif -%}
        {%- endfor -%}
        {%- set given = [] -%}
        {%- for key in ['ref', 'source', 'relation'] -%}
            {%- if user.get(key) is not none -%}
                {%- do given.append(key) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if given | length > 1 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ "' names its relation more than once ("
                ~ (given | join(', ')) ~ "); give exactly one of ref, source, relation.") }}
        {%- elif given | length == 1 -%}
            {%- set relation_spec = {given[0]: user[given[0]]} -%}
        {%- elif not demo -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ "' gives no relation. Add one of ref: <model>, source: "
                "[<source>, <table>] or relation: <schema.table>.") }}
        {%- endif -%}
        {%- if user.get('enabled') is false -%}
            {%- if not defaults['optional'] -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ "' sets enabled: false, but the " ~ input_name ~ " input "
                    "is required.") }}
            {%- endif -%}
            {%- set enabled = false -%}
        {%- endif -%}
        {%- set user_columns = user.get('columns') or {} -%}
        {%- if user_columns is not mapping -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ ".columns' must be a mapping {corridor column: your column}; "
                "got: " ~ user_columns) }}
        {%- endif -%}
        {%- for key, value in user_columns.items() -%}
            {%- if key not in defaults['columns'] -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ ".columns' maps an unknown corridor column '" ~ key
                    ~ "'." ~ corridor.did_you_mean(key, defaults['columns'].keys() | list) ~ " Expected keys: "
                    ~ (defaults['columns'].keys() | list | join(', ')) ~ ".") }}
            {%- endif -%}
            {%- do columns.update({key: value}) -%}
            {%- do user_columns_given.append(key) -%}
        {%- endfor -%}
    {%- endif -%}

    {%- set required = defaults['required_columns'] + corridor._prediction_columns_required(input_name, columns) -%}
    {%- set unmapped = [] -%}
    {%- for column in required -%}
        {%- if enabled and columns.get(column) is none -%}
            {%- do unmapped.append(column) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if unmapped -%}
        {{ exceptions.raise_compiler_error("corridor: var '" ~ var_name ~ ".columns' does not map " ~ (unmapped | join(', ')) ~ ", which "
            "the " ~ input_name ~ " input needs. Name your column for each, e.g.\n  " ~ var_name ~ ":\n    columns:\n"
            ~ corridor._column_example(unmapped)) }}
    {%- endif -%}

    {{ return({
        'name': input_name,
        'var': var_name,
        'optional': defaults['optional'],
        'enabled': enabled,
        'relation_spec': relation_spec,
        'columns': columns,
        'required_columns': defaults['required_columns'],
        'user_columns': user_columns_given,
        'detect_optional_columns': defaults.get('detect_optional_columns', false),
    }) }}
{% endmacro %}


{#- The prediction column the model type needs (binary_classifier: a score or a class; regression: a value), when none is mapped. -#}
{% macro _prediction_columns_required(input_name, columns) %}
    {%- if input_name != 'production_events' -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if corridor.setting('corridor_model_type') == 'regression' -%}
        {{ return(['predicted_value']) }}
    {%- elif columns.get('predicted_score') is none and columns.get('predicted_class') is none -%}
        {{ return(['predicted_score']) }}
    {%- endif -%}
    {{ return([]) }}
{% endmacro %}


{#- YAML lines `      <column>: <your column>` for an error message. -#}
{% macro _column_example(columns) %}
    {%- set lines = [] -%}
    {%- for column in columns -%}
        {%- do lines.append('      ' ~ column ~ ': <your ' ~ column ~ ' column>') -%}
    {%- endfor -%}
    {{ return(lines | join('\n')) }}
{% endmacro %}
