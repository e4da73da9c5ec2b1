using MapDashboard.Domain.Patrols;
using MapDashboard.Domain.Projection;
using NetTopologySuite.Geometries;

namespace MapDashboard.Server.Patrols.Simulation;

/// <summary>
/// One worker walking their plan back and forth at about 1.2 m/s, pausing now
/// and then at a stop, and reporting GPS fixes with a few metres of noise and,
/// now and then, a poor fix (under trees, between tall blocks) that ingest flags. It walks in metres of the
/// district's metric frame (<paramref name="frame"/>, the frame its waypoints are in).
/// </summary>
public sealed class SimulatedWalker(string worker, List<Coordinate> waypoints, MetricFrame frame, Random random)
{
    const double WalkingMetresPerSecond = 1.2;
    const double NoiseMetres = 3;
    const double PoorFixChance = 0.03;

    Coordinate _at = waypoints[0].Copy();
    int _target = waypoints.Count > 1 ? 1 : 0;
    int _direction = 1;
    double _pausedSeconds;

    public string Worker => worker;

    /// <summary>Walks for <paramref name="seconds"/> and returns the fix the device records at <paramref name="at"/>.</summary>
    public PingInput Step(double seconds, DateTimeOffset at)
    {
        Walk(seconds);
        var poor = random.NextDouble() < PoorFixChance;
        var error = poor ? 40 + random.NextDouble() * 60 : NoiseMetres;
        var (lon, lat) = frame.ToLonLat(_at.X + Gaussian() * error, _at.Y + Gaussian() * error);
        var accuracy = poor ? 60 + random.NextDouble() * 90 : 3 + random.NextDouble() * 7;
        return new PingInput(worker, at, Math.Round(lon, 7), Math.Round(lat, 7), Math.Round(accuracy, 1));
    }

    void Walk(double seconds)
    {
        if (_pausedSeconds > 0) { var rest = Math.Min(seconds, _pausedSeconds); _pausedSeconds -= rest; seconds -= rest; }
        var metres = seconds * WalkingMetresPerSecond * (0.8 + 0.4 * random.NextDouble());
        while (metres > 0 && waypoints.Count > 1)
        {
            var target = waypoints[_target];
            var distance = _at.Distance(target);
            if (distance > metres)
            {
                _at = new Coordinate(_at.X + (target.X - _at.X) * metres / distance, _at.Y + (target.Y - _at.Y) * metres / distance);
                return;
            }
            metres -= distance;
            _at = target.Copy();
            // A stop: a look around the entrance, now and then a chat.
            if (random.NextDouble() < 0.3) { _pausedSeconds = 10 + random.NextDouble() * 50; return; }
            if (_target + _direction is var next && (next < 0 || next >= waypoints.Count)) _direction = -_direction;
            _target += _direction;
        }
    }

    double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
