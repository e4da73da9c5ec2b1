using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace MapDashboard.Server.Auth;

/// <summary>
/// The open hub connections of this node by who they are (account, credential, device), so that signing out and
/// revoking an account or a device close them at once (<see cref="HubContext.Abort"/>), and
/// <see cref="HubCredentialRecheck"/> can close those whose credential was revoked elsewhere. Filled by
/// <see cref="HubConnectionsFilter"/> on every hub; the hub itself knows nothing of it.
/// </summary>
public sealed class HubConnections
{
    public sealed record Entry(HubCallerContext Context, int AccountId, string CredentialHash, int? DeviceId);

    readonly ConcurrentDictionary<string, Entry> _open = new();

    public int Count => _open.Count;

    public void Add(HubCallerContext context)
    {
        if (context.User?.AccountId() is not { } account || context.User.CredentialHashOf() is not { } hash) return;
        _open[context.ConnectionId] = new Entry(context, account, Convert.ToHexString(hash), context.User.DeviceIdOf());
    }

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    public IReadOnlyCollection<string> Credentials => _open.Values.Select(e => e.CredentialHash).Distinct().ToList();

    public int CloseAccount(int accountId) => Close(e => e.AccountId == accountId);

    public int CloseCredential(byte[] hash)
    {
        var hex = Convert.ToHexString(hash);
        return Close(e => e.CredentialHash == hex);
    }

    public int CloseDevice(int deviceId) => Close(e => e.DeviceId == deviceId);

    /// <summary>Closes every connection whose credential is not in <paramref name="valid"/> (hex hashes).</summary>
    public int CloseAllBut(IReadOnlySet<string> valid) => Close(e => !valid.Contains(e.CredentialHash));

    int Close(Func<Entry, bool> which)
    {
        var closed = 0;
        foreach (var (id, entry) in _open)
            if (which(entry))
            {
                entry.Context.Abort();
                _open.TryRemove(id, out _);
                closed++;
            }
        return closed;
    }
}

/// <summary>Registers every hub connection in <see cref="HubConnections"/> while it is open.</summary>
public sealed class HubConnectionsFilter(HubConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }
}
