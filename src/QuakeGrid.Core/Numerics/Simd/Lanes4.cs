using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Numerics.Simd;

/// <summary>4 doubles in a <see cref="Vector256{T}"/>: <see cref="ISimdDoubles{TSelf}"/> by the Vector256 operations.</summary>
internal readonly unsafe struct Lanes4(Vector256<double> value) : ISimdDoubles<Lanes4>
{
    /// <summary>The lanes.</summary>
    public readonly Vector256<double> Value = value;

    public static int Count => 4;
    public static Lanes4 Zero { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => new(Vector256<double>.Zero); }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 Create(double value) => new(Vector256.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 Gather(double* table, int* ix, int stride, int offset) => new(Vector256.Create(
        table[(long)ix[0] * stride + offset],
        table[(long)ix[1] * stride + offset],
        table[(long)ix[2] * stride + offset],
        table[(long)ix[3] * stride + offset]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 Load(double* source) => new(Vector256.Load(source));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Lanes4 v, double* destination) => v.Value.Store(destination);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Lanes4 v, ref double destination) => v.Value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 Log(Lanes4 v) => new(Vector256.Log(v.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 Exp(Lanes4 v) => new(Vector256.Exp(v.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 Sqrt(Lanes4 v) => new(Vector256.Sqrt(v.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 Min(Lanes4 a, Lanes4 b) => new(Vector256.Min(a.Value, b.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 LessThan(Lanes4 a, Lanes4 b) => new(Vector256.LessThan(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 LessThanOrEqual(Lanes4 a, Lanes4 b) => new(Vector256.LessThanOrEqual(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 GreaterThan(Lanes4 a, Lanes4 b) => new(Vector256.GreaterThan(a.Value, b.Value));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes4 ConditionalSelect(Lanes4 mask, Lanes4 whenTrue, Lanes4 whenFalse) => new(Vector256.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool LessThanOrEqualAll(Lanes4 a, Lanes4 b) => Vector256.LessThanOrEqualAll(a.Value, b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool EqualsAny(Lanes4 a, Lanes4 b) => Vector256.EqualsAny(a.Value, b.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 operator +(Lanes4 a, Lanes4 b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 operator -(Lanes4 a, Lanes4 b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 operator *(Lanes4 a, Lanes4 b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 operator /(Lanes4 a, Lanes4 b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 operator &(Lanes4 a, Lanes4 b) => new(a.Value & b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Lanes4 operator ~(Lanes4 a) => new(~a.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool operator ==(Lanes4 a, Lanes4 b) => a.Value == b.Value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool operator !=(Lanes4 a, Lanes4 b) => a.Value != b.Value;

    public override bool Equals(object? obj) => obj is Lanes4 other && Value.Equals(other.Value);
    public override int GetHashCode() => Value.GetHashCode();
}
