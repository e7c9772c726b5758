namespace QuakeGrid.Core.Numerics.Simd;

/// <summary>
/// A vector of <see cref="Count"/> doubles, so that one kernel body serves 4 lanes (<see cref="Lanes4"/>, AVX2) and 8
/// lanes (<see cref="Lanes8"/>, AVX-512) instead of two copies of it. Each member is the <c>Vector256</c> /
/// <c>Vector512</c> operation of the same name (same algorithm per lane, so a lane's bits do not depend on the width);
/// the JIT specialises a generic kernel per width and inlines these calls. .NET 10 keeps its own <c>ISimdVector</c>
/// internal, hence this one.
/// </summary>
/// <typeparam name="TSelf">The implementing vector type.</typeparam>
internal unsafe interface ISimdDoubles<TSelf> where TSelf : struct, ISimdDoubles<TSelf>
{
    /// <summary>Lanes.</summary>
    static abstract int Count { get; }

    static abstract TSelf Zero { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Create(double value);

    /// <summary>Lane l = <c>table[ix[l] · stride + offset]</c>.</summary>
    static abstract TSelf Gather(double* table, int* ix, int stride, int offset);

    static abstract TSelf Load(double* source);
    static abstract void Store(TSelf v, double* destination);
    static abstract void Store(TSelf v, ref double destination);

    static abstract TSelf Log(TSelf v);
    static abstract TSelf Exp(TSelf v);
    static abstract TSelf Sqrt(TSelf v);
    static abstract TSelf Min(TSelf a, TSelf b);

    /// <summary>Lane masks (all bits set where true).</summary>
    static abstract TSelf LessThan(TSelf a, TSelf b);
    static abstract TSelf LessThanOrEqual(TSelf a, TSelf b);
    static abstract TSelf GreaterThan(TSelf a, TSelf b);
    static abstract TSelf ConditionalSelect(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    static abstract bool LessThanOrEqualAll(TSelf a, TSelf b);
    static abstract bool EqualsAny(TSelf a, TSelf b);

    static abstract TSelf operator +(TSelf a, TSelf b);
    static abstract TSelf operator -(TSelf a, TSelf b);
    static abstract TSelf operator *(TSelf a, TSelf b);
    static abstract TSelf operator /(TSelf a, TSelf b);
    static abstract TSelf operator &(TSelf a, TSelf b);
    static abstract TSelf operator ~(TSelf a);

    /// <summary>True when every lane is equal (bitwise, as <c>Vector512 ==</c>).</summary>
    static abstract bool operator ==(TSelf a, TSelf b);
    static abstract bool operator !=(TSelf a, TSelf b);
}
