namespace Vigia.Core.Caching;

/// <summary>Tells this process that a change to public data was committed here, so its caches look at
/// <see cref="PublicDataVersion"/> again at once instead of at their next periodic check.</summary>
public sealed class PublicDataSignal
{
    private long count;

    /// <summary>Grows by one on every committed change; readers compare it with the value they last saw.</summary>
    public long Count => Interlocked.Read(ref count);

    public void Raise() => Interlocked.Increment(ref count);
}
