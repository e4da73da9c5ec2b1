using MapDashboard.Data;
using MapDashboard.Data.Loading;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>
/// A statement of many rows (an import) is captured set-based — audit rows, change-log rows and finding history
/// written by statement triggers from transition tables — and still leaves exactly what one row at a time left:
/// an audit row a row, attributed to the importing account, chained, with the chain head moved once per statement;
/// a change-log row a building and a finding, each the layer's live feature; the same findings a full
/// recomputation finds.
/// </summary>
public class BulkCaptureTests
{
    const int Copies = 120;

    // Copies of the demo's buildings under new codes, with no owner and no manager: each one an ownerless and an
    // unmanaged finding.
    static readonly string InsertCopies = $"""
        insert into building (code, name, compound, use, footprint, floors, households, residents, year_built)
        select 'BULK' || code, name, compound, use, footprint, floors, households, residents, year_built
        from building order by id limit {Copies}
        """;

    /// <summary>A fresh database holding the demo district.</summary>
    internal static async Task<NpgsqlDataSource> DemoAsync(string purpose)
    {
        var db = DashboardDataSource.Create(await TestCluster.CreateDatabaseAsync(purpose));
        await MigrationRunner.ApplyAsync(db);
        await DistrictLoader.LoadIfEmptyAsync(db, RepositoryPaths.DemoDistrict);
        return db;
    }

    static async Task<long?> VerifyAsync(NpgsqlConnection conn)
    {
        await using var cmd = new NpgsqlCommand("select audit_verify()", conn);
        return await cmd.ExecuteScalarAsync() is long id ? id : null;
    }

    [Fact]
    public async Task A_multi_row_insert_is_audited_row_by_row_as_the_importer_and_moves_the_chain_head_once()
    {
        await using var db = await DemoAsync("bulk_audit_insert");
        await using var conn = await db.OpenConnectionAsync();
        var before = await conn.ScalarAsync<long>("select coalesce(max(id), 0) from audit_entry");

        await conn.ExecuteAsync("begin");
        await conn.ExecuteAsync("call audit_as('importer.li', 'district', '620102', 'import', '10.0.0.7', 'import buildings')");
        await conn.ExecuteAsync(InsertCopies);
        // The head row was updated once in this transaction, by the one inserting statement.
        Assert.Equal(1L, await conn.ScalarAsync<long>("select n_tup_upd from pg_stat_xact_user_tables where relname = 'audit_chain_head'"));
        await conn.ExecuteAsync("commit");

        Assert.Equal(Copies, await conn.ScalarAsync<long>($"""
            select count(*) from audit_entry e join building b on b.code = e.target_key
            where e.id > {before} and e.action = 'insert building' and e.actor = 'importer.li' and e.actor_role = 'district'
              and e.source = 'import' and e.client_address = '10.0.0.7' and e.request = 'import buildings'
              and e.before is null and e.after ->> 'code' = b.code and (e.after ->> 'id')::int = b.id
              and e.after -> 'footprint' ->> 'md5' = md5(ST_AsEWKB(b.footprint))
              and e.unit_code is not distinct from audit_unit_at(b.visit_point)
            """));
        Assert.Equal(Copies, await conn.ScalarAsync<long>($"select count(*) from audit_entry where id > {before}"));
        // Every column a row trigger picks, no more: generated columns left out.
        Assert.Equal(0L, await conn.ScalarAsync<long>($"""
            select count(*) from audit_entry e
            where e.id > {before}
              and array(select k from jsonb_object_keys(e.after) k order by k)
                  <> array(select attname::text from pg_attribute where attrelid = 'building'::regclass and attnum > 0
                           and not attisdropped and attgenerated = '' order by attname::text)
            """));
        Assert.Null(await VerifyAsync(conn));
        Assert.True(await conn.ScalarAsync<bool>("select h.last_id = (select max(id) from audit_entry) from audit_head() h"));
        Assert.True(await conn.ScalarAsync<bool>("select bool_and(prev_hash is not distinct from lag) from (select prev_hash, lag(hash) over (order by id) from audit_entry) x"));
    }

    [Fact]
    public async Task A_multi_row_delete_is_audited_row_by_row_and_personal_data_stays_masked()
    {
        await using var db = await DemoAsync("bulk_audit_delete");
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            insert into organisation (code, name, kind, phone)
            select 'BULKORG' || i, '单位' || i, 'utility', case when i % 2 = 0 then '1390000000' || i end from generate_series(1, 6) i
            """);
        var before = await conn.ScalarAsync<long>("select max(id) from audit_entry");
        await conn.ExecuteAsync(InsertCopies);
        await conn.ExecuteAsync("delete from building where code like 'BULK%'");
        await conn.ExecuteAsync("delete from organisation where code like 'BULKORG%'");

        Assert.Equal(Copies, await conn.ScalarAsync<long>($"""
            select count(*) from audit_entry e
            where e.id > {before} and e.action = 'delete building' and e.after is null and e.before ->> 'code' = e.target_key
              and e.target_key like 'BULK%' and e.before -> 'footprint' ->> 'type' = 'MultiPolygon'
            """));
        Assert.Equal("3 (personal data, not copied), 3 null", await conn.ScalarAsync<string>("""
            select string_agg(n || ' ' || v, ', ' order by v) from (
                select coalesce(e.after ->> 'phone', 'null') as v, count(*) as n from audit_entry e
                where e.action = 'insert organisation' and e.target_key like 'BULKORG%' group by 1) x
            """));
        Assert.Equal(6L, await conn.ScalarAsync<long>("""
            select count(*) from audit_entry e where e.action = 'delete organisation' and e.target_key like 'BULKORG%'
              and jsonb_typeof(e.before -> 'phone') = case when right(e.target_key, 1)::int % 2 = 0 then 'string' else 'null' end
              and coalesce(e.before ->> 'phone', '') not like '139%'
            """));
        Assert.Null(await VerifyAsync(conn));
    }

    [Fact]
    public async Task A_multi_row_insert_writes_each_rows_live_feature_and_the_findings_a_full_recomputation_finds()
    {
        await using var db = await DemoAsync("bulk_findings");
        await using var conn = await db.OpenConnectionAsync();
        var seq = await conn.ScalarAsync<long>("select coalesce(max(seq), 0) from change_log");
        var history = await conn.ScalarAsync<long>("select coalesce(max(id), 0) from finding_history");

        await conn.ExecuteAsync(InsertCopies);

        Assert.Equal(2L * Copies, await conn.ScalarAsync<long>(
            "select count(*) from finding where asset_code like 'BULK%' and kind in ('ownerless', 'unmanaged') and present and status = 'new'"));
        // One change a building and one a new finding, each what the live map shows of it.
        Assert.Equal(Copies, await conn.ScalarAsync<long>($"""
            select count(*) from change_log c join building b on b.id = c.feature_id
            where c.seq > {seq} and c.layer = 'buildings' and c.op = 'upsert' and b.code like 'BULK%'
              and c.feature = live_feature('buildings', b.id)
            """));
        Assert.Equal(2L * Copies, await conn.ScalarAsync<long>($"""
            select count(*) from change_log c join finding f on f.id = c.feature_id
            where c.seq > {seq} and c.layer = 'findings' and c.op = 'upsert' and f.asset_code like 'BULK%'
              and c.feature = live_feature('findings', f.id) and c.geom is not null
            """));
        Assert.Equal(2L * Copies, await conn.ScalarAsync<long>($"""
            select count(*) from finding_history h join finding f on f.id = h.finding_id
            where h.id > {history} and f.asset_code like 'BULK%' and h.event = 'detected' and h.from_status is null
              and h.to_status = 'new' and h.actor = 'system:recomputation'
            """));

        await conn.ExecuteAsync("""
            create temp table incremental as
            select finding_key, kind, signature, community_id, street_id, default_owner_id, status, present, explanation_zh, explanation_en
            from finding
            """);
        await conn.ExecuteAsync("select recompute_all_findings()");
        Assert.Equal(0L, await conn.ScalarAsync<long>("""
            select count(*) from (
                (select * from incremental
                 except select finding_key, kind, signature, community_id, street_id, default_owner_id, status, present, explanation_zh, explanation_en from finding)
                union all
                (select finding_key, kind, signature, community_id, street_id, default_owner_id, status, present, explanation_zh, explanation_en from finding
                 except select * from incremental)) x
            """));

        // A multi-row delete: one delete a building, where it was.
        var deleteSeq = await conn.ScalarAsync<long>("select max(seq) from change_log");
        await conn.ExecuteAsync("delete from building where code like 'BULK%'");
        Assert.Equal(Copies, await conn.ScalarAsync<long>($"""
            select count(*) from change_log c
            where c.seq > {deleteSeq} and c.layer = 'buildings' and c.op = 'delete' and c.feature is null and c.old_geom is not null
            """));
    }
}
