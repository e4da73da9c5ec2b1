using System.Collections.Concurrent;

namespace MapDashboard.Data.Accounts;

/// <summary>
/// Credentials by token hash, kept in memory so that a request need not ask PostgreSQL who it is (the cost of
/// signing in, measured by <c>bench tiles</c> and <c>bench live</c>). Kept only while it can be told of every
/// change: the server LISTENs on <see cref="NotifyChannel"/>, which the statement triggers on account, device and
/// access_token (Schema/60_credentials.sql) notify on any update or delete, from any node, psql included. While
/// that connection is down the cache is distrusted and empty, so every request reads the database as before; a
/// notification (or a revocation through this node, which clears at once, before it answers) empties it. Entries
/// also lapse at their credential's expiry and after <see cref="Keep"/>, and the cache holds at most
/// <see cref="MaxEntries"/>. Unknown tokens are never kept: random tokens cannot fill it.
/// </summary>
public sealed class CredentialCache(TimeProvider clock)
{
    public const string NotifyChannel = "credential_changed";

    static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    const int MaxEntries = 20_000;

    readonly ConcurrentDictionary<string, (Credential Credential, DateTimeOffset ReadAt)> _byHash = new(StringComparer.Ordinal);
    long _generation;
    volatile bool _trusted;

    /// <summary>Whether entries may be used: the listener is connected and has heard every change since it connected.</summary>
    public bool Trusted => _trusted;

    /// <summary>Taken before a database read; <see cref="Put"/> keeps the row only if nothing changed meanwhile.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(byte[] tokenHash, string[] kinds, out Credential credential)
    {
        credential = null!;
        if (!_trusted || !_byHash.TryGetValue(Convert.ToHexString(tokenHash), out var kept)) return false;
        var now = clock.GetUtcNow();
        if (kept.Credential.ExpiresAt <= now || now - kept.ReadAt >= Keep || !kinds.Contains(kept.Credential.Kind)) return false;
        credential = kept.Credential;
        return true;
    }

    /// <summary>Keeps a credential read from the database, unless a change arrived since <paramref name="generationBeforeRead"/>
    /// (the row may predate that change: keeping it would undo a revocation).</summary>
    public void Put(byte[] tokenHash, Credential credential, long generationBeforeRead)
    {
        if (!_trusted) return;
        if (_byHash.Count >= MaxEntries) Clear();
        _byHash[Convert.ToHexString(tokenHash)] = (credential, clock.GetUtcNow());
        // Checked after the write: a Clear racing the line above either sees the entry and removes it, or moves
        // the generation on, and then the entry is taken back here.
        if (Generation != generationBeforeRead) _byHash.TryRemove(Convert.ToHexString(tokenHash), out _);
    }

    /// <summary>Something about accounts, devices or tokens changed: forget everything.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _byHash.Clear();
    }

    /// <summary>The listener (re)connected and listens (true), or lost its connection (false): either way, start empty.</summary>
    public void Trust(bool listening)
    {
        _trusted = listening;
        Clear();
    }
}
