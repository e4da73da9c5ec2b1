using MapDashboard.Data.Accounts;

namespace MapDashboard.IntegrationTests.Auth;

/// <summary>
/// The credential cache serves a request without asking PostgreSQL, and never after it was told of a change: each
/// test holds its own cache, heard by no listener, so what it keeps after a revocation in the database is what the
/// cache alone would serve (the server's cache is emptied by NOTIFY: RevocationTests).
/// </summary>
[Collection(AuthCollection.Name)]
public sealed class CredentialCacheTests(AuthHost host)
{
    (AccountStore Store, CredentialCache Cache) StoreWithOwnCache(bool trusted)
    {
        var cache = new CredentialCache(TimeProvider.System);
        cache.Trust(trusted);
        return (new AccountStore(host.Db, cache), cache);
    }

    async Task<(string Token, byte[] Hash)> NewTokenAsync()
    {
        var token = await host.Accounts.NewTokenForRoleAsync("street");
        return (token, AccessTokens.Hash(token));
    }

    Task RevokeInTheDatabaseAsync(string token) =>
        host.ScalarAsync<int>("update access_token set revoked_at = now() where token_hash = sha256(convert_to(@t, 'UTF8')) returning 1", ("t", token));

    static readonly string[] Bearer = [TokenKind.Bearer];

    [Fact]
    public async Task A_trusted_cache_serves_what_it_read_until_it_is_cleared()
    {
        var (store, cache) = StoreWithOwnCache(trusted: true);
        var (token, hash) = await NewTokenAsync();
        Assert.NotNull(await store.ValidateAsync(hash, Bearer));

        await RevokeInTheDatabaseAsync(token);

        Assert.NotNull(await store.ValidateAsync(hash, Bearer));
        cache.Clear();
        Assert.Null(await store.ValidateAsync(hash, Bearer));
    }

    [Fact]
    public async Task An_untrusted_cache_keeps_nothing_and_every_check_reads_the_database()
    {
        var (store, _) = StoreWithOwnCache(trusted: false);
        var (token, hash) = await NewTokenAsync();
        Assert.NotNull(await store.ValidateAsync(hash, Bearer));

        await RevokeInTheDatabaseAsync(token);

        Assert.Null(await store.ValidateAsync(hash, Bearer));
    }

    [Fact]
    public async Task A_row_read_before_a_change_is_not_kept_after_it()
    {
        var (store, cache) = StoreWithOwnCache(trusted: true);
        var (_, hash) = await NewTokenAsync();
        var credential = await new AccountStore(host.Db).ValidateAsync(hash, Bearer);
        var generationBeforeRead = cache.Generation;

        cache.Clear();
        cache.Put(hash, credential!, generationBeforeRead);

        Assert.False(cache.TryGet(hash, Bearer, out _));
        Assert.NotNull(await store.ValidateAsync(hash, Bearer));
        Assert.True(cache.TryGet(hash, Bearer, out _));
    }

    [Fact]
    public async Task A_kept_credential_answers_only_for_its_own_kind()
    {
        var (store, cache) = StoreWithOwnCache(trusted: true);
        var (_, hash) = await NewTokenAsync();
        Assert.NotNull(await store.ValidateAsync(hash, Bearer));

        Assert.False(cache.TryGet(hash, [TokenKind.Session], out _));
        Assert.Null(await store.ValidateAsync(hash, [TokenKind.Session]));
    }
}

/// <summary>Ended credentials leave access_token after they have been kept a while; live ones never.</summary>
[Collection(AuthCollection.Name)]
public sealed class EndedTokenPruningTests(AuthHost host)
{
    [Fact]
    public async Task Only_credentials_ended_longer_ago_than_kept_are_deleted()
    {
        var live = await host.Accounts.NewTokenForRoleAsync("street");
        var (endedLongAgo, revokedLongAgo, endedRecently) = (await host.Accounts.NewTokenForRoleAsync("street"),
            await host.Accounts.NewTokenForRoleAsync("street"), await host.Accounts.NewTokenForRoleAsync("street"));
        const string hashOf = "sha256(convert_to(@t, 'UTF8'))";
        await host.ScalarAsync<int>($"update access_token set expires_at = now() - interval '31 days' where token_hash = {hashOf} returning 1", ("t", endedLongAgo));
        await host.ScalarAsync<int>($"update access_token set revoked_at = now() - interval '40 days' where token_hash = {hashOf} returning 1", ("t", revokedLongAgo));
        await host.ScalarAsync<int>($"update access_token set revoked_at = now() - interval '29 days' where token_hash = {hashOf} returning 1", ("t", endedRecently));

        var pruned = await new AccountStore(host.Db).PruneEndedTokensAsync(TimeSpan.FromDays(30));

        Assert.True(pruned >= 2, $"pruned {pruned}");
        foreach (var (token, kept) in new[] { (live, true), (endedLongAgo, false), (revokedLongAgo, false), (endedRecently, true) })
            Assert.Equal(kept, await host.ScalarAsync<bool>($"select exists (select 1 from access_token where token_hash = {hashOf})", ("t", token)));
    }
}
