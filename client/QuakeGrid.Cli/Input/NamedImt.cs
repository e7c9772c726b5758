using QuakeGrid.Core.Imts;

namespace QuakeGrid.Cli.Input;

/// <summary>An IMT together with the spelling the user gave (used for output column names, e.g. <c>SA(1)</c>).</summary>
public readonly record struct NamedImt(Imt Imt, string Label);
