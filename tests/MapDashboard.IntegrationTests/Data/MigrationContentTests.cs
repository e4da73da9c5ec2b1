using System.Text.RegularExpressions;
using MapDashboard.Data.Migrations;

namespace MapDashboard.IntegrationTests.Data;

/// <summary>
/// Functions, procedures, views and triggers have one current text, in the schema folder; a migration that
/// defined one would bring back the replay-in-your-head the folder replaced (and drop its SET options).
/// </summary>
public partial class MigrationContentTests
{
    [Fact]
    public void No_migration_defines_a_function_procedure_view_or_trigger()
    {
        var offenders = MigrationRunner.All
            .SelectMany(m => Definitions(m.Sql).Select(d => $"{m.Version:0000}_{m.Name}.sql: {d}"))
            .ToList();

        Assert.True(offenders.Count == 0,
            "Migrations hold tables, indexes, data moves and drops; put these in src/MapDashboard.Data/Schema/ instead:\n"
            + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("create function f() returns int language sql as $$ select 1 $$;", "create function")]
    [InlineData("CREATE OR REPLACE FUNCTION f() RETURNS int", "CREATE OR REPLACE FUNCTION")]
    [InlineData("create procedure p() language sql as $$ $$;", "create procedure")]
    [InlineData("create or replace view v as select 1;", "create or replace view")]
    [InlineData("create materialized view v as select 1;", "create materialized view")]
    [InlineData("create trigger t after insert on x for each row execute function f();", "create trigger")]
    [InlineData("create or replace\n  trigger t after insert on x", "create or replace\n  trigger")]
    [InlineData("create constraint trigger t after insert on x", "create constraint trigger")]
    [InlineData("do $$ begin execute 'create function f() returns int'; end $$;", "create function")]
    public void A_definition_is_found_however_it_is_written(string sql, string found) =>
        Assert.Equal([found], Definitions(sql));

    [Theory]
    [InlineData("-- create function f() was moved to the schema folder\ncreate table t (id int);")]
    [InlineData("/* create or replace view v\n   as it was */ create index i on t (id);")]
    [InlineData("drop function f(int); drop view v; drop trigger t on x;")]
    [InlineData("alter table t add column created_at timestamptz; create table function_log (id int);")]
    public void Comments_drops_and_tables_are_not_definitions(string sql) =>
        Assert.Empty(Definitions(sql));

    /// <summary>The definitions in a migration's text, comments removed.</summary>
    static List<string> Definitions(string sql) =>
        Definition().Matches(Comment().Replace(sql, " ")).Select(m => m.Value).ToList();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\bcreate\s+(or\s+replace\s+)?(constraint\s+)?(materialized\s+)?(function|procedure|view|trigger)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Definition();
}
