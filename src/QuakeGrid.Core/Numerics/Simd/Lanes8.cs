using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Numerics.Simd;

/// <summary>8 doubles in a <see cref="Vector512{T}"/>: <see cref="ISimdDoubles{TSelf}"/> by the Vector512 operations.</summary>
internal readonly unsafe struct Lanes8(Vector512<double> value) : ISimdDoubles<Lanes8>
{
    /// <summary>The lanes.</summary>
    public readonly Vector512<double> Value = value;

    public static int Count => 8;
    public static Lanes8 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(Vector512<double>.Zero); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 Gather(double* table, int* ix, int stride, int offset) => new(Vector512.Create(
        table[(long)ix[0] * stride + offset],
        table[(long)ix[1] * stride + offset],
        table[(long)ix[2] * stride + offset],
        table[(long)ix[3] * stride + offset],
        table[(long)ix[4] * stride + offset],
        table[(long)ix[5] * stride + offset],
        table[(long)ix[6] * stride + offset],
        table[(long)ix[7] * stride + offset]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 Load(double* source) => new(Vector512.Load(source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Lanes8 v, double* destination) => v.Value.Store(destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Lanes8 v, ref double destination) => v.Value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 Log(Lanes8 v) => new(Vector512.Log(v.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 Exp(Lanes8 v) => new(Vector512.Exp(v.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 Sqrt(Lanes8 v) => new(Vector512.Sqrt(v.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 Min(Lanes8 a, Lanes8 b) => new(Vector512.Min(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 LessThan(Lanes8 a, Lanes8 b) => new(Vector512.LessThan(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 LessThanOrEqual(Lanes8 a, Lanes8 b) => new(Vector512.LessThanOrEqual(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 GreaterThan(Lanes8 a, Lanes8 b) => new(Vector512.GreaterThan(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes8 ConditionalSelect(Lanes8 mask, Lanes8 whenTrue, Lanes8 whenFalse) => new(Vector512.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool LessThanOrEqualAll(Lanes8 a, Lanes8 b) => Vector512.LessThanOrEqualAll(a.Value, b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool EqualsAny(Lanes8 a, Lanes8 b) => Vector512.EqualsAny(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 operator +(Lanes8 a, Lanes8 b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 operator -(Lanes8 a, Lanes8 b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 operator *(Lanes8 a, Lanes8 b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 operator /(Lanes8 a, Lanes8 b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 operator &(Lanes8 a, Lanes8 b) => new(a.Value & b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes8 operator ~(Lanes8 a) => new(~a.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool operator ==(Lanes8 a, Lanes8 b) => a.Value == b.Value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool operator !=(Lanes8 a, Lanes8 b) => a.Value != b.Value;

    public override bool Equals(object? obj) => obj is Lanes8 other && Value.Equals(other.Value);
    public override int GetHashCode() => Value.GetHashCode();
}
