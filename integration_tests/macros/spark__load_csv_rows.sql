{#-
    dbt-spark 1.11's seed loader, with empty CSV cells loaded as null: through the session method it formats every
    binding as a quoted literal, so an empty text cell became the string 'None' (and the offline estimates' empty
    segment dimension read as a dimension named 'None'). This project's seeds stand in for a user's tables, where a
    null is a null. Values are rendered as SQL literals here (single quotes and backslashes escaped, as
    corridor.sql_string does on Spark), null for an empty cell, in an inline table (`values ... as
    corridor_seed_rows(c1, ...)`) that one select casts column by column: a cast per cell made Spark analyze and
    fold 43,000 casts for the 4,336-row expected_production_metrics (23 s of its 35 s load). Overrides the dbt
    namespace's spark__ body (a root project's macro wins over dbt's own); docs/engines.md.
-#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set names, casts = [], [] -%}
    {%- for col_name in agate_table.column_names -%}
        {%- set type = column_override.get(col_name, adapter.convert_type(agate_table, loop.index0)) -%}
        {%- do names.append('c' ~ loop.index) -%}
        {%- do casts.append('cast(c' ~ loop.index ~ ' as ' ~ type ~ ')') -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
        {%- set values = [] -%}
        {%- for row in chunk -%}
            {%- set cells = [] -%}
            {%- for value in row -%}
                {#- corridor.sql_string's Spark body, inline: a macro call per cell cost seconds on the larger seeds -#}
                {%- do cells.append('null' if value is none else "'" ~ (value | string).replace('\\', '\\\\').replace("'", "\\'") ~ "'") -%}
            {%- endfor -%}
            {%- do values.append('(' ~ (cells | join(', ')) ~ ')') -%}
        {%- endfor -%}
        {%- set sql = 'insert into ' ~ this.render() ~ ' select ' ~ (casts | join(', ')) ~ ' from values '
            ~ (values | join(', ')) ~ ' as corridor_seed_rows(' ~ (names | join(', ')) ~ ')' -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if statements | length == 0 -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}
