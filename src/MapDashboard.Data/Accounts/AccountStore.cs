using MapDashboard.Data.Audit;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Data.Accounts;

/// <summary>
/// Accounts, their credentials and devices (migration 0023): creating them, checking a password with lockout,
/// issuing and validating opaque tokens by their SHA-256, and revoking them. Validation reads the database, or the
/// server's <see cref="CredentialCache"/> while that hears every change, so a revocation on any node takes effect on
/// the next request everywhere (on this node before the revoking request is answered).
/// </summary>
public sealed class AccountStore(NpgsqlDataSource db, CredentialCache? cache = null, AuditScope? who = null)
{
    /// <summary>The same store, its account and device writes recorded in the audit trail as <paramref name="actor"/>'s.</summary>
    public AccountStore As(AuditScope actor) => new(db, cache, actor);

    // A write carries who made it (AuditScope.Command puts it in the same implicit transaction); reads need nobody.
    NpgsqlCommand WriteCommand(string sql) => who?.Command(db, sql) ?? db.CreateCommand(sql);

    static readonly string CreateSql = SqlResource.Beside<AccountStore>("create_account.sql");
    static readonly string SignInSql = SqlResource.Beside<AccountStore>("sign_in_account.sql");
    static readonly string RecordAttemptSql = SqlResource.Beside<AccountStore>("record_attempt.sql");
    static readonly string IssueSql = SqlResource.Beside<AccountStore>("issue_token.sql");
    static readonly string ValidateSql = SqlResource.Beside<AccountStore>("validate_token.sql");
    static readonly string StillValidSql = SqlResource.Beside<AccountStore>("still_valid.sql");
    static readonly string RevokeTokenSql = SqlResource.Beside<AccountStore>("revoke_token.sql");
    static readonly string RevokeAccountSql = SqlResource.Beside<AccountStore>("revoke_account.sql");
    static readonly string CreateDeviceSql = SqlResource.Beside<AccountStore>("create_device.sql");
    static readonly string RevokeDeviceSql = SqlResource.Beside<AccountStore>("revoke_device.sql");
    static readonly string PruneTokensSql = SqlResource.Beside<AccountStore>("prune_tokens.sql");

    /// <summary>The new account's id, or why it cannot be created (unknown unit or person, a taken user name, a weak password).</summary>
    public async Task<(int? Id, string? Problem)> CreateAsync(NewAccount account, CancellationToken cancel = default)
    {
        if (AccountPasswords.Problem(account.Password) is { } weak) return (null, weak);
        await using var cmd = WriteCommand(CreateSql);
        cmd.Parameters.AddWithValue("user_name", account.UserName);
        cmd.Parameters.AddWithValue("display_name", account.DisplayName);
        cmd.Parameters.AddWithValue("role", account.Role);
        cmd.Parameters.AddWithValue("unit_code", account.UnitCode);
        cmd.Parameters.Add(new NpgsqlParameter("person_code", NpgsqlDbType.Text) { Value = (object?)account.PersonCode ?? DBNull.Value });
        cmd.Parameters.AddWithValue("password_hash", AccountPasswords.Hash(account.Password));
        try
        {
            return await cmd.ExecuteScalarAsync(cancel) is int id
                ? (id, null)
                : (null, account.PersonCode is null ? $"unknown unit '{account.UnitCode}'" : $"unknown unit '{account.UnitCode}' or person '{account.PersonCode}'");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return (null, $"the user name '{account.UserName}' is taken");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CheckViolation)
        {
            return (null, e.ConstraintName == "account_worker_has_person" ? "a worker account must name its person (a grid worker's code)" : $"unknown role '{account.Role}'");
        }
    }

    public async Task<bool> AnyAsync(CancellationToken cancel = default)
    {
        await using var cmd = db.CreateCommand("select exists (select 1 from account)");
        return (bool)(await cmd.ExecuteScalarAsync(cancel))!;
    }

    /// <summary>Checks a password under the lockout rule (<see cref="Lockout"/>), in one transaction with the account row locked.</summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        // The attempt counters and lockout are the account's row: the trail names who tried, not the database user.
        await new AuditScope(userName, "sign-in").ApplyAsync(conn, tx, cancel);
        AccountSummary? account = null;
        string? hash = null;
        DateTimeOffset? lockedUntil = null;
        await using (var cmd = new NpgsqlCommand(SignInSql, conn, tx))
        {
            cmd.Parameters.AddWithValue("user_name", userName);
            await using var reader = await cmd.ExecuteReaderAsync(cancel);
            if (await reader.ReadAsync(cancel))
            {
                account = new AccountSummary(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
                hash = reader.GetString(6);
                lockedUntil = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8);
            }
        }
        if (lockedUntil > DateTimeOffset.UtcNow) return new SignInResult(SignInOutcome.LockedOut, account, lockedUntil);
        var good = AccountPasswords.Verify(hash, password);
        if (account is null) return new SignInResult(SignInOutcome.WrongCredentials, null, null);

        await using (var record = new NpgsqlCommand(RecordAttemptSql, conn, tx))
        {
            record.Parameters.AddWithValue("id", account.Id);
            record.Parameters.AddWithValue("succeeded", good);
            record.Parameters.AddWithValue("max_failed", Lockout.MaxFailedAttempts);
            record.Parameters.AddWithValue("lock_for", Lockout.Duration);
            var until = await record.ExecuteScalarAsync(cancel);
            lockedUntil = until is DateTime d ? new DateTimeOffset(d, TimeSpan.Zero) : null;
        }
        await tx.CommitAsync(cancel);
        return good ? new SignInResult(SignInOutcome.SignedIn, account, null)
            : lockedUntil is not null ? new SignInResult(SignInOutcome.LockedOut, account, lockedUntil)
            : new SignInResult(SignInOutcome.WrongCredentials, null, null);
    }

    /// <summary>A new token of <paramref name="kind"/> for the account, and when it expires; null when the account is revoked or unknown.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)?> IssueAsync(int accountId, string kind, TimeSpan lifetime, int? deviceId = null,
        CancellationToken cancel = default)
    {
        var token = AccessTokens.NewToken();
        await using var cmd = db.CreateCommand(IssueSql);
        cmd.Parameters.AddWithValue("token_hash", AccessTokens.Hash(token));
        cmd.Parameters.AddWithValue("account_id", accountId);
        cmd.Parameters.Add(new NpgsqlParameter("device_id", NpgsqlDbType.Integer) { Value = (object?)deviceId ?? DBNull.Value });
        cmd.Parameters.AddWithValue("kind", kind);
        cmd.Parameters.AddWithValue("lifetime", lifetime);
        return await cmd.ExecuteScalarAsync(cancel) is DateTime expires ? (token, new DateTimeOffset(expires, TimeSpan.Zero)) : null;
    }

    /// <summary>The credential a token is, if it still signs someone in and is of one of <paramref name="kinds"/>.</summary>
    public async Task<Credential?> ValidateAsync(byte[] tokenHash, string[] kinds, CancellationToken cancel = default)
    {
        if (cache is null) return await ReadCredentialAsync(tokenHash, kinds, cancel);
        if (cache.TryGet(tokenHash, kinds, out var kept)) return kept;
        var generation = cache.Generation;
        var read = await ReadCredentialAsync(tokenHash, kinds, cancel);
        if (read is not null) cache.Put(tokenHash, read, generation);
        return read;
    }

    async Task<Credential?> ReadCredentialAsync(byte[] tokenHash, string[] kinds, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(ValidateSql);
        cmd.Parameters.AddWithValue("token_hash", tokenHash);
        cmd.Parameters.AddWithValue("kinds", kinds);
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel)) return null;
        return new Credential(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
            reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11));
    }

    /// <summary>Those of <paramref name="tokenHashes"/> that still sign someone in.</summary>
    public async Task<HashSet<string>> StillValidAsync(IReadOnlyCollection<byte[]> tokenHashes, CancellationToken cancel = default)
    {
        var valid = new HashSet<string>();
        if (tokenHashes.Count == 0) return valid;
        await using var cmd = db.CreateCommand(StillValidSql);
        cmd.Parameters.AddWithValue("token_hashes", tokenHashes.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel)) valid.Add(Convert.ToHexString(reader.GetFieldValue<byte[]>(0)));
        return valid;
    }

    public async Task RevokeTokenAsync(byte[] tokenHash, CancellationToken cancel = default)
    {
        await using var cmd = db.CreateCommand(RevokeTokenSql);
        cmd.Parameters.AddWithValue("token_hash", tokenHash);
        await cmd.ExecuteNonQueryAsync(cancel);
        cache?.Clear();
    }

    /// <summary>Revokes the account and every credential of it; its id, or null for an unknown user name.</summary>
    public async Task<int?> RevokeAccountAsync(string userName, CancellationToken cancel = default)
    {
        await using var cmd = WriteCommand(RevokeAccountSql);
        cmd.Parameters.AddWithValue("user_name", userName);
        var id = await cmd.ExecuteScalarAsync(cancel) as int?;
        cache?.Clear();
        return id;
    }

    /// <summary>A device for a worker account and its credential (shown once); null when the user name is not a live worker account.</summary>
    public async Task<(int DeviceId, string Token, DateTimeOffset ExpiresAt)?> CreateDeviceAsync(string workerUserName, string name, TimeSpan lifetime,
        CancellationToken cancel = default)
    {
        int deviceId, accountId;
        await using (var cmd = WriteCommand(CreateDeviceSql))
        {
            cmd.Parameters.AddWithValue("user_name", workerUserName);
            cmd.Parameters.AddWithValue("name", name);
            await using var reader = await cmd.ExecuteReaderAsync(cancel);
            if (!await reader.ReadAsync(cancel)) return null;
            (deviceId, accountId) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        return await IssueAsync(accountId, TokenKind.Device, lifetime, deviceId, cancel) is { } issued ? (deviceId, issued.Token, issued.ExpiresAt) : null;
    }

    /// <summary>Revokes a device and its credential; false for an unknown id.</summary>
    public async Task<bool> RevokeDeviceAsync(int deviceId, CancellationToken cancel = default)
    {
        await using var cmd = WriteCommand(RevokeDeviceSql);
        cmd.Parameters.AddWithValue("id", deviceId);
        var revoked = await cmd.ExecuteScalarAsync(cancel) is int;
        cache?.Clear();
        return revoked;
    }

    /// <summary>Deletes the credentials that ended more than <paramref name="keep"/> ago; how many.</summary>
    public async Task<int> PruneEndedTokensAsync(TimeSpan keep, CancellationToken cancel = default)
    {
        await using var cmd = db.CreateCommand(PruneTokensSql);
        cmd.Parameters.AddWithValue("keep", keep);
        return await cmd.ExecuteNonQueryAsync(cancel);
    }
}
