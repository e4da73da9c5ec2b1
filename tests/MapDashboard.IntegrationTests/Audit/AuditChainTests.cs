using MapDashboard.Data;
using MapDashboard.Data.Migrations;
using MapDashboard.TestSupport;
using Npgsql;

namespace MapDashboard.IntegrationTests.Audit;

/// <summary>
/// The trail is append-only and tamper-evident on a bare migrated database: the guard triggers refuse every change,
/// the application's role has no right to make one, and what a superuser changes with the guard switched off no
/// longer verifies (audit_verify names the first row that fails).
/// </summary>
public class AuditChainTests
{
    static async Task<NpgsqlDataSource> TrailAsync(string purpose, int rows = 5)
    {
        var db = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync(purpose));
        await MigrationRunner.ApplyAsync(db);
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync($"select audit_record('test ' || i, 'test', i::text, null, null, jsonb_build_object('n', i)) from generate_series(1, {rows}) i");
        return db;
    }

    static async Task<long?> VerifyAsync(NpgsqlDataSource db)
    {
        await using var cmd = db.CreateCommand("select audit_verify()");
        return await cmd.ExecuteScalarAsync() is long id ? id : null;
    }

    [Fact]
    public async Task An_untouched_chain_verifies_and_its_head_names_the_last_row()
    {
        await using var db = await TrailAsync("audit_untouched");
        await using var conn = await db.OpenConnectionAsync();

        Assert.Null(await VerifyAsync(db));
        Assert.True(await conn.ScalarAsync<bool>("""
            select h.last_id = (select max(id) from audit_entry) and h.last_hash = encode((select hash from audit_entry order by id desc limit 1), 'hex')
            from audit_head() h
            """));
        Assert.True(await conn.ScalarAsync<bool>("select bool_and(prev_hash is not distinct from lag) from (select prev_hash, lag(hash) over (order by id) from audit_entry) x"));
    }

    [Theory]
    // Changed in place: the row's own hash no longer matches it.
    [InlineData("update audit_entry set actor = 'mallory' where id = 3", 3L)]
    [InlineData("update audit_entry set after = '{\"n\": 30}' where id = 3", 3L)]
    // Changed and re-hashed: the next row's link no longer matches.
    [InlineData("update audit_entry set actor = 'mallory' where id = 3; update audit_entry set hash = sha256(coalesce(prev_hash, '') || audit_canonical(audit_entry)) where id = 3", 4L)]
    // Removed from the middle: the next row links to a hash that is gone.
    [InlineData("delete from audit_entry where id = 3", 4L)]
    // Removed from the end: the chain head still names the last row.
    [InlineData("delete from audit_entry where id = 5", 5L)]
    // Added behind the seal's back.
    [InlineData("insert into audit_entry select id + 1, at, 'mallory', actor_role, actor_unit, source, client_address, action, request, target_table, target_key, unit_code, before, after, txid, db_user, hash, sha256(hash) from audit_entry where id = 5", 6L)]
    public async Task Tampering_by_a_superuser_with_the_guards_switched_off_is_detected(string tamper, long firstBroken)
    {
        await using var db = await TrailAsync("audit_tampered");
        await using var conn = await db.OpenConnectionAsync();
        Assert.Null(await VerifyAsync(db));

        await conn.ExecuteAsync($"""
            alter table audit_entry disable trigger user;
            {tamper};
            alter table audit_entry enable trigger user;
            """);

        Assert.Equal(firstBroken, await VerifyAsync(db));
    }

    [Fact]
    public async Task The_guards_refuse_every_change_even_to_the_owner()
    {
        await using var db = await TrailAsync("audit_guarded");
        await using var conn = await db.OpenConnectionAsync();

        foreach (var sql in new[]
                 {
                     "update audit_entry set actor = 'x' where id = 2", "delete from audit_entry where id = 2", "truncate audit_entry",
                     "update audit_chain_head set last_id = 1", "delete from audit_chain_head", "truncate audit_chain_head",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        Assert.Equal(5L, await conn.ScalarAsync<long>("select count(*) from audit_entry"));
        Assert.Null(await VerifyAsync(db));
    }

    [Fact]
    public async Task The_application_role_reads_and_appends_but_may_not_change_a_row_or_switch_the_guards_off()
    {
        await using var db = await TrailAsync("audit_app_role");
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("set local role mapdashboard_app");

        Assert.Equal(5L, await conn.ScalarAsync<long>("select count(*) from audit_entry"));
        Assert.Equal(6L, await conn.ScalarAsync<long>("select audit_record('appended by the application role')"));
        foreach (var sql in new[] { "update audit_entry set actor = 'x' where id = 2", "alter table audit_entry disable trigger user" })
        {
            await conn.ExecuteAsync("savepoint probe");
            var refused = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.DoesNotContain("append-only", refused.MessageText); // refused by privilege, before any trigger
            await conn.ExecuteAsync("rollback to savepoint probe");
        }
        // Written through the seal: the role's own writes verify too.
        Assert.True(await conn.ScalarAsync<bool>("select audit_verify() is null"));
    }

    [Fact]
    public async Task Concurrent_writers_make_one_chain()
    {
        await using var db = await TrailAsync("audit_concurrent", rows: 0);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async w =>
        {
            for (var i = 0; i < 10; i++)
            {
                await using var conn = await db.OpenConnectionAsync();
                await using var tx = await conn.BeginTransactionAsync();
                await conn.ExecuteAsync($"select audit_record('writer {w}'), audit_record('writer {w} again')");
                await tx.CommitAsync();
            }
        }));

        await using var check = await db.OpenConnectionAsync();
        Assert.Equal(160L, await check.ScalarAsync<long>("select count(*) from audit_entry"));
        Assert.Null(await VerifyAsync(db));
    }

    [Fact]
    public async Task A_repeatable_read_transaction_that_cannot_see_the_newest_row_fails_instead_of_forking_the_chain()
    {
        await using var db = await TrailAsync("audit_snapshot");
        await using var old = await db.OpenConnectionAsync();
        await using var tx = await old.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        Assert.Equal(5L, await old.ScalarAsync<long>("select count(*) from audit_entry")); // the snapshot is taken here

        await using (var other = await db.OpenConnectionAsync())
            await other.ExecuteAsync("select audit_record('committed after that snapshot')");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => old.ExecuteAsync("select audit_record('from the old snapshot')"));
        Assert.Equal(PostgresErrorCodes.SerializationFailure, refused.SqlState);
        await tx.RollbackAsync();
        Assert.Null(await VerifyAsync(db));
    }

    [Fact]
    public async Task Ids_follow_the_chain_and_the_seal_sets_them_whatever_the_writer_sends()
    {
        await using var db = await TrailAsync("audit_sealed", rows: 1);
        await using var conn = await db.OpenConnectionAsync();

        await conn.ExecuteAsync("""
            insert into audit_entry (id, at, actor, source, action, db_user, txid, hash)
            values (1000, '2001-01-01', 'someone', 'api', 'forged', 'not me', 1, '\x00')
            """);

        Assert.True(await conn.ScalarAsync<bool>("""
            select id = 2 and at > now() - interval '1 minute' and db_user = session_user and txid <> 1 and prev_hash is not null
            from audit_entry where action = 'forged'
            """));
        Assert.Null(await VerifyAsync(db));
    }
}
